/** Small line icons beside counts and buttons; decorative, so screen readers skip them (the text says it all). */
const props = { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': true, focusable: false, className: 'icon' } as const;

export const SupportIcon = () => (
  <svg {...props}>
    <path d="M8 2.5 14 12H2z" fill="currentColor" />
  </svg>
);

export const CheckIcon = () => (
  <svg {...props}>
    <path d="m2.5 8.5 3.5 3.5 7.5-8" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

export const CommentIcon = () => (
  <svg {...props}>
    <path d="M2 3.5h12v7.5H7l-3.5 3v-3H2z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
  </svg>
);

export const BellIcon = () => (
  <svg {...props}>
    <path d="M4 11V7a4 4 0 0 1 8 0v4l1.5 1.5h-11zM6.5 14h3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" strokeLinecap="round" />
  </svg>
);
