// Icons named by node types (GET /api/node-types → icon), drawn inline so no icon font is needed.
const PATHS: Record<string, string> = {
  webhook: 'M12 3a4 4 0 0 1 3.5 5.9l2.2 3.8A4 4 0 1 1 14 17h-4.4a4 4 0 1 1-3.3-4.9L8.5 8.4A4 4 0 0 1 12 3Zm0 2a2 2 0 0 0-1 3.7l.9.5-3.3 5.6-.9-.5A2 2 0 1 0 8 17v-1h8a2 2 0 1 0 1.7-3l-1 .1-3.2-5.6.8-.6A2 2 0 0 0 12 5Z',
  shuffle: 'M16 3h5v5h-2V6.4l-4.3 4.3-1.4-1.4L17.6 5H16V3ZM3 5h4.5l10.1 12H19v-1.6L21 17.5V21h-5v-2h1.6L7 7H3V5Zm0 12h4l2.6-3 1.4 1.4L8 19H3v-2Z',
  filter: 'M3 4h18l-7 8.5V19l-4 2v-8.5L3 4Zm4.3 2 4.7 5.7V18l0 0V11.7L16.7 6H7.3Z',
  globe: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm0 2c-.9 0-2.2 1.8-2.8 5h5.6C14.2 5.8 12.9 4 12 4Zm-4.8 5c.3-1.9.9-3.6 1.7-4.6A8 8 0 0 0 4.3 9h2.9Zm-3.1 2a8 8 0 0 0 0 2h3a19 19 0 0 1 0-2h-3Zm5 0a17 17 0 0 0 0 2h5.8a17 17 0 0 0 0-2H9.1Zm7.8 0a19 19 0 0 1 0 2h3a8 8 0 0 0 0-2h-3Zm2.8-2a8 8 0 0 0-4.6-4.6c.8 1 1.4 2.7 1.7 4.6h2.9ZM4.3 15a8 8 0 0 0 4.6 4.6c-.8-1-1.4-2.7-1.7-4.6H4.3Zm4.9 0c.6 3.2 1.9 5 2.8 5s2.2-1.8 2.8-5H9.2Zm7.6 0c-.3 1.9-.9 3.6-1.7 4.6a8 8 0 0 0 4.6-4.6h-2.9Z',
  // A path that forks into three (switch) and three that join into one (merge).
  switch: 'M3 11h6.6l4.7-5H17V4l4 3-4 3V8h-1.9l-3.8 4 3.8 4H17v-2l4 3-4 3v-2h-2.7l-4.7-5H3v-2Zm10 0h4V9l4 3-4 3v-2h-4v-2Z',
  merge: 'M3 4h2.7l4.7 5H13v2H9.6L4.9 6H3V4Zm0 14h1.9l4.7-5H13v-2h-2.6l-4.7 5H3v2Zm0-8h10v2H3v-2Zm12 0h2V8l4 4-4 4v-2h-2v-4Z',
  reply: 'M10 4v4C4.5 8.6 3 12.8 3 19c1.8-3.3 4.1-5 7-5v4l7-7-7-7Zm4 0 7 7-7 7v-2.8l4.2-4.2L14 6.8V4Z',
  // A clock face with hands at three (delay, schedule).
  clock: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-1 3h2v4.6l3.4 2-1 1.7L11 12.7V7Z',
  code: 'M8.6 6.6 10 8l-4 4 4 4-1.4 1.4L3.2 12l5.4-5.4Zm6.8 0L20.8 12l-5.4 5.4L14 16l4-4-4-4 1.4-1.4Z',
  slack: 'M9 3a2 2 0 1 1 0 4H7V5a2 2 0 0 1 2-2Zm0 5a2 2 0 1 1 0 4H4a2 2 0 1 1 0-4h5Zm6-5a2 2 0 0 1 2 2v5a2 2 0 1 1-4 0V5a2 2 0 0 1 2-2Zm5 5a2 2 0 1 1 0 4h-2v-2a2 2 0 0 1 2-2Zm-5 5a2 2 0 1 1 0 4h-2v-2a2 2 0 0 1 2-2Zm0 5h5a2 2 0 1 1 0 4h-5a2 2 0 1 1 0-4Zm-6-5a2 2 0 0 1 2 2v5a2 2 0 1 1-4 0v-5a2 2 0 0 1 2-2Zm-5 2a2 2 0 0 1 2-2h2v2a2 2 0 1 1-4 0Z',
};

const FALLBACK = 'M4 4h16v16H4V4Zm2 2v12h12V6H6Z';

export function NodeIcon({ icon, size = 18 }: { icon: string | undefined; size?: number }) {
  return (
    <svg className="node-icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={(icon && PATHS[icon]) || FALLBACK} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
