import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { usePersonLive } from '../live/live';
import { useUnreadCount } from './api';
import './notifications.css';

/**
 * The bell in the header: a link to the inbox with the unread count, read out with the link.
 * It holds the person's live stream, which writes each new count into the bell's query.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  usePersonLive(true);
  const unread = useUnreadCount(true);
  const count = unread.data ?? 0;
  const shown = count > 99 ? '99+' : String(count);
  return (
    <NavLink to="/notifications" className="bell" aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}>
      <svg className="bell-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M6 16.5V11a6 6 0 0 1 12 0v5.5l1.8 1.8H4.2zM10 20.5a2.2 2.2 0 0 0 4 0" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" strokeLinecap="round" />
      </svg>
      {count > 0 && (
        <span className="bell-badge" data-testid="unread-badge" aria-hidden="true">
          {shown}
        </span>
      )}
    </NavLink>
  );
}
