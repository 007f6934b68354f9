import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { LoadError, Loading } from '../../components/Loading';
import { Section } from '../../components/PageLayout';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useMembers } from '../members/api';
import { useOrgContext } from '../orgs/OrgLayout';
import { useEvents } from './api';
import { describeEvent } from './describeEvent';
import './activity.css';

/** The audit log, newest first, in sentences: every change a host made is accounted for. */
export function ActivityPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { org } = useOrgContext();
  useDocumentTitle(t('activity.title'), org.name);
  const isOwner = org.me?.role === 'owner';
  const events = useEvents(org.slug, isOwner);
  const members = useMembers(org.slug, isOwner);

  if (!isOwner) return <Alert tone="info">{t('activity.ownersOnly')}</Alert>;

  const names = new Map<string, string>();
  for (const member of members.data?.pages.flatMap((p) => p.items) ?? []) names.set(member.userId, member.name);
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  for (const event of items) if (event.actor) names.set(event.actor.id, event.actor.name);
  const listFormat = new Intl.ListFormat(i18n.resolvedLanguage ?? 'en', { type: 'conjunction' });
  const context = { t, nameOf: (id: string) => names.get(id) ?? null, list: (parts: string[]) => listFormat.format(parts) };

  return (
    <Section id="activity" title={t('activity.title')}>
      <p className="muted">{t('activity.lead')}</p>
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <LoadError message={errorMessage(t, events.error)} onRetry={() => void events.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState level={3} title={t('activity.empty')} />
      ) : (
        <ol className="activity-list">
          {items.map((event) => (
            <li key={event.id} className="activity-item" data-type={event.type}>
              <span className="activity-dot" aria-hidden="true" />
              <p className="activity-sentence">{describeEvent(context, event)}</p>
              <time className="activity-time" dateTime={event.time}>
                {format.dateTime(event.time)}
              </time>
            </li>
          ))}
        </ol>
      )}
      {events.hasNextPage && (
        <Button variant="secondary" loading={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
    </Section>
  );
}
