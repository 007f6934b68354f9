import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { LoadError, Loading } from '../../components/Loading';
import { Section } from '../../components/PageLayout';
import { useToast } from '../../components/Toast';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import type { Initiative } from '../initiatives/types';
import { HiddenBadge } from './badges';
import { useBulk, useFlagQueue, type BulkBody, type FlaggedSubject } from './moderation-api';
import { ReasonDialog } from '../../components/ReasonDialog';

const keyOf = (s: FlaggedSubject['subject']) => `${s.type}:${s.id}`;

/** Flags grouped by what was flagged: select several and hide them with one reason, or dismiss their flags. */
export function FlagQueue({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queue = useFlagQueue(initiative.id);
  const bulk = useBulk(initiative.id);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<null | 'hide' | 'dismiss'>(null);
  const [recent, setRecent] = useState<FlaggedSubject[]>([]);
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const chosen = items.filter((item) => selected.has(keyOf(item.subject)));
  const toggle = (key: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const run = (action: BulkBody['action'], targets: FlaggedSubject[], reason?: string) =>
    bulk.mutate(
      { action, items: targets.map((c) => ({ type: c.subject.type, id: c.subject.id })), ...(reason ? { reason } : {}) },
      {
        onSuccess: (result) => {
          const done = result.results.filter((r) => r.ok).length;
          const failed = result.results.length - done;
          toast.show(t(`contributions.moderation.bulkDone.${action}`, { count: done }) + (failed > 0 ? ` ${t('contributions.moderation.bulkFailed', { count: failed })}` : ''), failed > 0 ? 'info' : 'success');
          const ok = new Set(result.results.filter((r) => r.ok).map((r) => `${r.type}:${r.id}`));
          // What was hidden leaves the queue (its flags are resolved): keep it at hand to show again.
          if (action === 'hide') setRecent((previous) => [...targets.filter((c) => ok.has(keyOf(c.subject))), ...previous]);
          if (action === 'unhide') setRecent((previous) => previous.filter((c) => !ok.has(keyOf(c.subject))));
          setSelected(new Set());
          setOpen(null);
        },
      },
    );
  const hiddenChosen = chosen.filter((c) => c.subject.hidden);
  const allSelected = items.length > 0 && chosen.length === items.length;
  return (
    <Section id="flags" title={t('contributions.moderation.flagsTitle')}>
      {recent.length > 0 && (
        <div className="card recent-hidden" role="group" aria-labelledby="recent-hidden-title">
          <h3 id="recent-hidden-title">{t('contributions.moderation.recentTitle', { count: recent.length })}</h3>
          <ul className="ref-list">
            {recent.map((item) => (
              <li key={keyOf(item.subject)}>{item.subject.type === 'comment' ? t('contributions.moderation.commentOn', { title: item.subject.title }) : item.subject.title}</li>
            ))}
          </ul>
          <div className="alert-buttons">
            <Button variant="secondary" size="sm" loading={bulk.isPending && bulk.variables?.action === 'unhide'} onClick={() => run('unhide', recent)}>
              {t('contributions.moderation.unhideRecent', { count: recent.length })}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setRecent([])}>
              {t('common.dismiss')}
            </Button>
          </div>
        </div>
      )}
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <LoadError message={errorMessage(t, queue.error)} onRetry={() => void queue.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState level={3} title={t('contributions.moderation.noFlagsTitle')}>
          <p>{t('contributions.moderation.noFlags')}</p>
        </EmptyState>
      ) : (
        <>
          <div className="bulk-bar" role="group" aria-label={t('contributions.moderation.bulkLabel')}>
            <label className="check">
              <input type="checkbox" checked={allSelected} onChange={(e) => setSelected(e.target.checked ? new Set(items.map((i) => keyOf(i.subject))) : new Set())} />
              {t('contributions.moderation.selectAll')}
            </label>
            <span className="muted" role="status">
              {t('contributions.moderation.selected', { count: chosen.length })}
            </span>
            <Button variant="danger" size="sm" disabled={chosen.length === 0} onClick={() => setOpen('hide')}>
              {t('contributions.moderation.hideSelected')}
            </Button>
            <Button variant="secondary" size="sm" disabled={chosen.length === 0} onClick={() => setOpen('dismiss')}>
              {t('contributions.moderation.dismissSelected')}
            </Button>
            <Button variant="secondary" size="sm" disabled={hiddenChosen.length === 0} loading={bulk.isPending && bulk.variables?.action === 'unhide'} onClick={() => run('unhide', hiddenChosen)}>
              {t('contributions.moderation.unhideSelected')}
            </Button>
          </div>
          <ul className="moderation-list">
            {items.map((item) => (
              <FlaggedItem key={keyOf(item.subject)} item={item} checked={selected.has(keyOf(item.subject))} onCheck={(on) => toggle(keyOf(item.subject), on)} />
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
      <ReasonDialog
        open={open === 'hide'}
        onClose={() => setOpen(null)}
        title={t('contributions.moderation.hideTitle', { count: chosen.length })}
        description={t('contributions.host.hideBody')}
        label={t('contributions.host.reason')}
        hint={t('contributions.host.reasonHint')}
        confirm={t('contributions.moderation.hideConfirm', { count: chosen.length })}
        danger
        action={bulk}
        onConfirm={(reason) => run('hide', chosen, reason)}
      />
      <ConfirmDialog
        open={open === 'dismiss'}
        onClose={() => setOpen(null)}
        title={t('contributions.moderation.dismissTitle', { count: chosen.length })}
        description={t('contributions.moderation.dismissBody')}
        confirm={t('contributions.moderation.dismissSelected')}
        action={bulk}
        onConfirm={() => run('dismiss_flags', chosen)}
      />
    </Section>
  );
}

function FlaggedItem({ item, checked, onCheck }: { item: FlaggedSubject; checked: boolean; onCheck: (on: boolean) => void }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const s = item.subject;
  const href = s.type === 'comment' ? `/contributions/${s.contributionId}#comment-${s.id}` : `/contributions/${s.id}`;
  const label = s.type === 'comment' ? t('contributions.moderation.commentOn', { title: s.title }) : s.title;
  return (
    <li className={checked ? 'card moderation-item moderation-item-selected' : 'card moderation-item'}>
      <input type="checkbox" className="moderation-check" checked={checked} onChange={(e) => onCheck(e.target.checked)} aria-label={t('contributions.moderation.select', { title: label })} />
      <div className="moderation-body">
        <div className="contribution-card-badges">
          <Badge tone={s.type === 'comment' ? 'neutral' : 'member'}>{t(`contributions.moderation.type.${s.type}`)}</Badge>
          <Badge tone="danger">{t('contributions.moderation.flagCount', { count: item.count })}</Badge>
          {s.hidden && <HiddenBadge />}
        </div>
        <h3 className="contribution-card-title">
          <Link to={href}>{label}</Link>
        </h3>
        {s.excerpt && <p className="contribution-card-excerpt">{s.excerpt}</p>}
        <p className="muted">
          {t('contributions.moderation.author', { name: s.author.name })} · {t('contributions.moderation.flagged', { first: dateTime(item.firstFlaggedAt), last: dateTime(item.lastFlaggedAt) })}
        </p>
        <p>
          {item.reasons.map((r) => (
            <span key={r.reason} className="chip">
              {t(`contributions.flag.reasons.${r.reason}`)} × {r.count}
            </span>
          ))}
        </p>
        {item.notes.length > 0 && (
          <ul className="flag-notes" aria-label={t('contributions.moderation.notes')}>
            {item.notes.map((n, i) => (
              <li key={i}>
                <q>{n.note}</q> <span className="muted">({t(`contributions.flag.reasons.${n.reason}`)})</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
