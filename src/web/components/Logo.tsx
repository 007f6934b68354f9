/** The Möbius band: one surface, no inside and outside. */
export function Logo() {
  return (
    <span className="logo">
      <svg className="logo-mark" viewBox="0 0 48 24" aria-hidden="true" focusable="false">
        <path d="M4 12c0-4.5 3.6-8 8-8 7 0 13 16 20 16 4.4 0 8-3.5 8-8s-3.6-8-8-8c-7 0-13 16-20 16-4.4 0-8-3.5-8-8z" fill="none" stroke="currentColor" strokeWidth="3.2" strokeLinecap="round" />
      </svg>
      <span className="logo-word">Moebius</span>
    </span>
  );
}
