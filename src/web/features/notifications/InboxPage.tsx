import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { LoadError, Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageLayout';
import { useToast } from '../../components/Toast';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useInbox, useMarkRead, useUnreadCount, type Notification } from './api';
import { useDescribe } from './describe';
import '../contributions/contributions.css';
import './notifications.css';

type Filter = 'all' | 'unread';

/** /notifications: what happened to what you wrote, support, follow or host; newest first, unread marked. */
export function InboxPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const [filter, setFilter] = useState<Filter>('all');
  const inbox = useInbox(filter);
  const unread = useUnreadCount(true);
  const markRead = useMarkRead();
  const count = unread.data ?? inbox.data?.pages[0]?.unreadCount ?? 0;
  useDocumentTitle(count > 0 ? t('notifications.titleUnread', { count }) : t('notifications.title'));
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        lead={
          <p>
            {t('notifications.lead')} <Link to="/account#notification-settings">{t('notifications.settingsLink')}</Link>
          </p>
        }
      />
      <div className="inbox-bar">
        <div className="sort-buttons" role="group" aria-label={t('notifications.filter')}>
          {(['all', 'unread'] as const).map((f) => (
            <button key={f} type="button" className="sort-button" aria-pressed={f === filter} onClick={() => setFilter(f)}>
              {f === 'unread' ? t('notifications.unreadFilter', { count }) : t('notifications.allFilter')}
            </button>
          ))}
        </div>
        <Button
          variant="secondary"
          size="sm"
          disabled={count === 0}
          loading={markRead.isPending && markRead.variables !== undefined && 'all' in markRead.variables}
          onClick={() => markRead.mutate({ all: true }, { onSuccess: () => toast.show(t('notifications.allRead')), onError: (error) => toast.show(errorMessage(t, error), 'error') })}
        >
          {t('notifications.markAll')}
        </Button>
      </div>
      {inbox.isPending ? (
        <Loading />
      ) : inbox.isError ? (
        <LoadError message={errorMessage(t, inbox.error)} onRetry={() => void inbox.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={filter === 'unread' ? t('notifications.noneUnreadTitle') : t('notifications.emptyTitle')}>
          <p>{filter === 'unread' ? t('notifications.noneUnread') : t('notifications.empty')}</p>
        </EmptyState>
      ) : (
        <>
          <ul className="inbox-list" aria-label={t('notifications.listLabel')}>
            {items.map((n) => (
              <InboxItem key={n.id} n={n} onRead={() => markRead.mutate({ ids: [n.id] })} />
            ))}
          </ul>
          {inbox.hasNextPage && (
            <div className="feed-more">
              <Button variant="secondary" loading={inbox.isFetchingNextPage} onClick={() => void inbox.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}

function InboxItem({ n, onRead }: { n: Notification; onRead: () => void }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const describe = useDescribe();
  const text = describe(n);
  return (
    <li className={n.read ? 'inbox-item' : 'inbox-item inbox-item-unread'}>
      <span className="inbox-dot" aria-hidden="true" />
      <div>
        <p className="inbox-text">
          {!n.read && <span className="visually-hidden">{t('notifications.unread')}: </span>}
          <Link to={n.data.link} onClick={() => !n.read && onRead()}>
            {text}
          </Link>
        </p>
        {n.data.excerpt && <p className="inbox-excerpt">{n.data.excerpt}</p>}
        {n.data.withheld === true && <p className="inbox-excerpt inbox-withheld">{t('notifications.withheld')}</p>}
        <p className="inbox-meta">
          {n.data.initiativeTitle && <>{n.data.initiativeTitle} · </>}
          <time dateTime={n.createdAt}>{dateTime(n.createdAt)}</time>
        </p>
      </div>
      {!n.read && (
        <Button variant="ghost" size="sm" onClick={onRead} aria-label={t('notifications.markReadFor', { text })}>
          {t('notifications.markRead')}
        </Button>
      )}
    </li>
  );
}
