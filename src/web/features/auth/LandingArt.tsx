/** Decorative: the Möbius band with the six kinds of people on it, one surface with no outside. */
export function LandingArt() {
  const dots = [
    { x: 70, y: 112, c: '#4b2486' },
    { x: 128, y: 216, c: '#17585e' },
    { x: 200, y: 150, c: '#a86b00' },
    { x: 272, y: 84, c: '#1c3f73' },
    { x: 330, y: 188, c: '#1d6b3f' },
    { x: 210, y: 64, c: '#a8281d' },
  ];
  return (
    <svg className="landing-art" viewBox="0 0 400 300" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="band" x1="0" x2="1" y1="0" y2="1">
          <stop offset="0" stopColor="#17585e" />
          <stop offset="1" stopColor="#8fd3c9" />
        </linearGradient>
      </defs>
      <path
        d="M40 150c0-50 38-85 85-85 70 0 80 170 150 170 47 0 85-35 85-85s-38-85-85-85c-70 0-80 170-150 170-47 0-85-35-85-85z"
        fill="none"
        stroke="url(#band)"
        strokeWidth="34"
        strokeLinecap="round"
        opacity="0.9"
      />
      <path
        d="M40 150c0-50 38-85 85-85 70 0 80 170 150 170 47 0 85-35 85-85s-38-85-85-85c-70 0-80 170-150 170-47 0-85-35-85-85z"
        fill="none"
        stroke="#ffffff"
        strokeWidth="3"
        strokeDasharray="2 10"
        opacity="0.8"
      />
      {dots.map((dot) => (
        <circle key={`${dot.x}-${dot.y}`} cx={dot.x} cy={dot.y} r="13" fill="#ffffff" stroke={dot.c} strokeWidth="6" />
      ))}
    </svg>
  );
}
