import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './Header.css';

interface UserMenuProps {
  name: string;
  email: string;
  /** Links and buttons; the menu closes when one is chosen. */
  children: ReactNode;
}

/** A disclosure button that opens a small panel; Escape or a click outside closes it. */
export function UserMenu({ name, email, children }: UserMenuProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');

  return (
    <div className="user-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {initials}
        </span>
        <span className="user-menu-name">{name}</span>
        <span className="visually-hidden">{t('nav.userMenu')}</span>
        <svg className="chevron" viewBox="0 0 12 8" aria-hidden="true" focusable="false">
          <path d="M1 1l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
      <div id={panelId} className="user-menu-panel" hidden={!open} onClick={(event) => {
        if ((event.target as HTMLElement).closest('a, button')) setOpen(false);
      }}>
        <p className="user-menu-who">
          <span className="user-menu-who-name">{name}</span>
          <span className="user-menu-who-email">{email}</span>
        </p>
        <ul className="user-menu-list">{children}</ul>
      </div>
    </div>
  );
}
