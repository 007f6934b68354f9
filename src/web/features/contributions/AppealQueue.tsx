import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { TextArea } from '../../components/Field';
import { LoadError, Loading } from '../../components/Loading';
import { Section } from '../../components/PageLayout';
import { useToast } from '../../components/Toast';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import type { Initiative } from '../initiatives/types';
import { useAppeals, useDecide, type Appeal, type AppealStatus } from './moderation-api';

const STATUSES: AppealStatus[] = ['open', 'upheld', 'rejected'];

/** Appeals against hiding: the reason given, the author's case, and a decision with a note the author reads. */
export function AppealQueue({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AppealStatus>('open');
  const appeals = useAppeals(initiative.id, status);
  const items = appeals.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section id="appeals" title={t('contributions.moderation.appealsTitle')}>
      <div className="sort-buttons" role="group" aria-label={t('contributions.moderation.appealStatus')}>
        {STATUSES.map((s) => (
          <button key={s} type="button" className="sort-button" aria-pressed={s === status} onClick={() => setStatus(s)}>
            {t(`contributions.moderation.appealStatuses.${s}`)}
          </button>
        ))}
      </div>
      {appeals.isPending ? (
        <Loading />
      ) : appeals.isError ? (
        <LoadError message={errorMessage(t, appeals.error)} onRetry={() => void appeals.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState level={3} title={t(`contributions.moderation.noAppealsTitle.${status}`)}>
          <p>{t('contributions.moderation.noAppeals')}</p>
        </EmptyState>
      ) : (
        <ul className="moderation-list">
          {items.map((a) => (
            <AppealItem key={a.id} appeal={a} />
          ))}
        </ul>
      )}
      {appeals.hasNextPage && (
        <div className="feed-more">
          <Button variant="secondary" loading={appeals.isFetchingNextPage} onClick={() => void appeals.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </Section>
  );
}

function AppealItem({ appeal }: { appeal: Appeal }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const s = appeal.subject;
  const href = s.type === 'comment' ? `/contributions/${s.contributionId}#comment-${s.id}` : `/contributions/${s.id}`;
  const label = s.type === 'comment' ? t('contributions.moderation.commentOn', { title: s.title }) : s.title;
  return (
    <li className="card moderation-item">
      <div className="moderation-body">
        <div className="contribution-card-badges">
          <Badge tone={s.type === 'comment' ? 'neutral' : 'member'}>{t(`contributions.moderation.type.${s.type}`)}</Badge>
          <Badge tone={appeal.status === 'open' ? 'warning' : appeal.status === 'upheld' ? 'success' : 'neutral'}>{t(`contributions.moderation.appealStatuses.${appeal.status}`)}</Badge>
        </div>
        <h3 className="contribution-card-title">
          <Link to={href}>{label}</Link>
        </h3>
        {s.excerpt && <p className="contribution-card-excerpt">{s.excerpt}</p>}
        <dl className="appeal-facts">
          {appeal.hiddenReason && (
            <>
              <dt>{t('contributions.moderation.hiddenBecause')}</dt>
              <dd>{appeal.hiddenReason}</dd>
            </>
          )}
          <dt>{t('contributions.moderation.appealBy', { name: appeal.by.name, date: dateTime(appeal.createdAt) })}</dt>
          <dd className="pre-line">{appeal.text}</dd>
          {appeal.decisionNote && (
            <>
              <dt>{t('contributions.moderation.decidedBy', { name: appeal.decidedBy?.name ?? '', date: appeal.decidedAt ? dateTime(appeal.decidedAt) : '' })}</dt>
              <dd className="pre-line">{appeal.decisionNote}</dd>
            </>
          )}
        </dl>
        {appeal.status === 'open' && <DecisionForm appeal={appeal} />}
      </div>
    </li>
  );
}

function DecisionForm({ appeal }: { appeal: Appeal }) {
  const { t } = useTranslation();
  const toast = useToast();
  const decide = useDecide(appeal.id);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (decision: 'upheld' | 'rejected') => (e?: FormEvent) => {
    e?.preventDefault();
    if (note.trim() === '') return setMissing(true);
    setMissing(false);
    decide.mutate({ decision, note: note.trim() }, { onSuccess: () => toast.show(t(`contributions.moderation.decided.${decision}`)) });
  };
  return (
    <form className="decision-form" onSubmit={submit('upheld')} noValidate>
      {decide.error ? <Alert tone="error">{errorMessage(t, decide.error)}</Alert> : null}
      <TextArea
        label={t('contributions.moderation.decisionNote')}
        hint={t('contributions.moderation.decisionHint')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={missing ? t('validation.required') : undefined}
        rows={2}
        maxLength={2000}
      />
      <div className="form-actions">
        <Button type="submit" loading={decide.isPending && decide.variables.decision === 'upheld'}>
          {t('contributions.moderation.uphold')}
        </Button>
        <Button variant="secondary" loading={decide.isPending && decide.variables.decision === 'rejected'} onClick={() => submit('rejected')()}>
          {t('contributions.moderation.reject')}
        </Button>
      </div>
    </form>
  );
}
