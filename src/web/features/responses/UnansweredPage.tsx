import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button, ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { TextField } from '../../components/Field';
import { LoadError, Loading } from '../../components/Loading';
import { PageHeader, Section } from '../../components/PageLayout';
import { Select } from '../../components/Select';
import { useToast } from '../../components/Toast';
import { errorCode, errorMessage } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { KindBadge } from '../contributions/badges';
import { InitiativeTabs } from '../contributions/InitiativeTabs';
import { protagonistKind } from '../contributions/kinds';
import { useInitiative } from '../initiatives/api';
import { InitiativeNotFound } from '../initiatives/NotFound';
import type { Initiative } from '../initiatives/types';
import { useResponseTimes, useSetTarget, useUnanswered, type WaitingItem } from './api';
import { useDuration } from './duration';
import { ResponseTimesView } from './ResponseTimesCard';
import '../initiatives/initiatives.css';
import '../contributions/contributions.css';
import './responses.css';

/** /initiatives/:id/unanswered: the hosts' queue of contributions waiting for a first answer, longest first, and the target they aim for. */
export function UnansweredPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const initiative = useInitiative(id);
  useDocumentTitle(t('responses.unanswered.tab'), initiative.data?.title);
  if (initiative.isPending) return <Loading />;
  if (initiative.isError) {
    if (errorCode(initiative.error) === 'not_found') return <InitiativeNotFound path={window.location.pathname} />;
    return <LoadError message={errorMessage(t, initiative.error)} onRetry={() => void initiative.refetch()} />;
  }
  const i = initiative.data;
  const host = i.me.canEdit || i.me.steward;
  return (
    <>
      <PageHeader eyebrow={<Link to={`/orgs/${i.org.slug}`}>← {i.org.name}</Link>} title={i.title} lead={<p>{t('responses.unanswered.lead')}</p>} />
      <InitiativeTabs initiative={i} />
      {host ? (
        <div className="initiative-layout main-first">
          <div className="initiative-main">
            <Queue initiative={i} />
          </div>
          <aside className="initiative-side">
            <TargetAndTimes initiative={i} />
          </aside>
        </div>
      ) : (
        <Alert tone="info">{t('responses.unanswered.hostsOnly')}</Alert>
      )}
    </>
  );
}

function Queue({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const queue = useUnanswered(initiative.id);
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const overdue = items.filter((item) => item.overdue).length;
  return (
    <Section id="waiting" title={t('responses.unanswered.title')}>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <LoadError message={errorMessage(t, queue.error)} onRetry={() => void queue.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState level={3} title={t('responses.unanswered.emptyTitle')}>
          <p>{t('responses.unanswered.empty')}</p>
        </EmptyState>
      ) : (
        <>
          <p className="muted" role="status">
            {t('responses.unanswered.count', { count: items.length })}
            {overdue > 0 && <> {t('responses.unanswered.overdueCount', { count: overdue })}</>}
          </p>
          <ul className="contribution-list" aria-label={t('responses.unanswered.listLabel')}>
            {items.map((item) => (
              <WaitingCard key={item.id} item={item} />
            ))}
          </ul>
          {queue.hasNextPage && (
            <div className="feed-more">
              <Button variant="secondary" loading={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </Section>
  );
}

function WaitingCard({ item }: { item: WaitingItem }) {
  const { t } = useTranslation();
  const duration = useDuration();
  return (
    <li className={item.overdue ? 'card contribution-card waiting-card waiting-card-overdue' : 'card contribution-card waiting-card'}>
      <div className="contribution-card-badges">
        <KindBadge kind={item.kind} />
        {item.overdue && <Badge tone="danger">{t('responses.unanswered.overdue')}</Badge>}
      </div>
      <h3 className="contribution-card-title">
        <Link to={`/contributions/${item.id}`}>{item.title}</Link>
      </h3>
      {item.excerpt && <p className="contribution-card-excerpt">{item.excerpt}</p>}
      <div className="contribution-card-foot">
        <span>
          {t('contributions.card.by', { name: item.author.name, kind: t(`kinds.${protagonistKind(item.author.kind)}`) })} ·{' '}
          <strong className={item.overdue ? 'waiting-time waiting-time-overdue' : 'waiting-time'}>{t('responses.unanswered.waiting', { duration: duration(item.waitingHours) })}</strong>
        </span>
        <ButtonLink size="sm" variant={item.overdue ? 'primary' : 'secondary'} to={`/contributions/${item.id}#respond`} aria-label={t('responses.unanswered.respondTo', { title: item.title })}>
          {t('responses.unanswered.respond')}
        </ButtonLink>
      </div>
    </li>
  );
}

function TargetAndTimes({ initiative }: { initiative: Initiative }) {
  const times = useResponseTimes(initiative.id);
  if (!times.data) return null;
  return (
    <>
      <TargetCard key={times.data.targetHours} initiativeId={initiative.id} hours={times.data.targetHours} canEdit={initiative.me.canEdit} />
      <ResponseTimesView times={times.data} />
    </>
  );
}

type Unit = 'hours' | 'days';

/** The target time to a first answer: in days, or hours for a fast initiative. Past it, the stewards are alerted. */
function TargetCard({ initiativeId, hours, canEdit }: { initiativeId: string; hours: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const duration = useDuration();
  const save = useSetTarget(initiativeId);
  const [unit, setUnit] = useState<Unit>(hours % 24 === 0 ? 'days' : 'hours');
  const [amount, setAmount] = useState(String(hours % 24 === 0 ? hours / 24 : hours));
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(amount);
    const total = unit === 'days' ? n * 24 : n;
    if (!Number.isInteger(n) || n < 1 || total > 24 * 90) return setError(t('responses.target.invalid'));
    setError(null);
    save.mutate(total, { onSuccess: () => toast.show(t('responses.target.saved', { target: duration(total) })) });
  };
  return (
    <section className="card side-card" aria-labelledby="target-title">
      <h2 id="target-title">{t('responses.target.title')}</h2>
      <p className="muted">{t('responses.target.lead', { target: duration(hours) })}</p>
      {canEdit ? (
        <form onSubmit={submit} noValidate>
          {save.error ? <Alert tone="error">{errorMessage(t, save.error)}</Alert> : null}
          <div className="target-row">
            <TextField label={t('responses.target.label')} type="number" inputMode="numeric" min={1} max={unit === 'days' ? 90 : 2160} value={amount} onChange={(e) => setAmount(e.target.value)} error={error} />
            <Select label={t('responses.target.unit')} value={unit} options={[{ value: 'days', label: t('responses.target.days') }, { value: 'hours', label: t('responses.target.hours') }]} onChange={setUnit} />
          </div>
          <Button type="submit" variant="secondary" loading={save.isPending}>
            {t('responses.target.save')}
          </Button>
        </form>
      ) : (
        <p className="muted">{t('responses.target.ownersSet')}</p>
      )}
    </section>
  );
}
