import type { ReactNode } from 'react';
import './EmptyState.css';

interface EmptyStateProps {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  /** h2 by default; use 3 inside a section that has its own h2. */
  level?: 2 | 3;
}

/** What to show instead of an empty list: what will be here, and the first step to fill it. */
export function EmptyState({ title, children, action, level = 2 }: EmptyStateProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="empty-state">
      <svg className="empty-state-art" viewBox="0 0 64 32" aria-hidden="true" focusable="false">
        <path d="M8 16c0-6 5-10 11-10 9 0 17 20 26 20 6 0 11-4 11-10S51 6 45 6C36 6 28 26 19 26 13 26 8 22 8 16z" fill="none" stroke="currentColor" strokeWidth="3" />
      </svg>
      <Heading className="empty-state-title">{title}</Heading>
      {children && <div className="empty-state-body">{children}</div>}
      {action && <div className="empty-state-action">{action}</div>}
    </div>
  );
}
