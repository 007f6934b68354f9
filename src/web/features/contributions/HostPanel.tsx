import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toast';
import { errorMessage } from '../../lib/errors';
import type { Initiative } from '../initiatives/types';
import { ContributionPicker } from './ContributionPicker';
import { useHide, useUnhide } from './moderation-api';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useMerge, useUnmerge } from './team-api';
import { ThemeControl } from './ThemeControl';
import type { Contribution, Ref } from './types';

type Open = null | 'hide' | 'merge';

/** What stewards do to a contribution: theme it, merge a duplicate (undoably), hide it with a reason, or show it again. */
export function HostPanel({ c, initiative }: { c: Contribution; initiative: Initiative }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [open, setOpen] = useState<Open>(null);
  const [target, setTarget] = useState<Ref[]>([]);
  const [targetError, setTargetError] = useState<string | null>(null);
  const hide = useHide('contribution', c.id);
  const unhide = useUnhide('contribution', c.id);
  const merge = useMerge(c);
  const unmerge = useUnmerge(c);
  const fail = (error: unknown) => toast.show(errorMessage(t, error), 'error');
  return (
    <section className="card side-card" aria-labelledby="host-panel-title">
      <h2 id="host-panel-title">{t('initiatives.host.title')}</h2>
      {c.mergedInto === null && <ThemeControl c={c} />}
      <div className="host-actions">
        {c.hidden ? (
          <Button variant="secondary" loading={unhide.isPending} onClick={() => unhide.mutate(undefined, { onSuccess: () => toast.show(t('contributions.host.shown')), onError: fail })}>
            {t('contributions.host.unhide')}
          </Button>
        ) : (
          <Button variant="secondary" onClick={() => setOpen('hide')}>
            {t('contributions.host.hide')}
          </Button>
        )}
        {c.mergedInto ? (
          <Button variant="secondary" loading={unmerge.isPending} onClick={() => unmerge.mutate(undefined, { onSuccess: () => toast.show(t('contributions.host.unmerged')), onError: fail })}>
            {t('contributions.host.unmerge')}
          </Button>
        ) : (
          !c.hidden && (
            <Button variant="secondary" onClick={() => setOpen('merge')}>
              {t('contributions.host.merge')}
            </Button>
          )
        )}
      </div>
      <ReasonDialog
        open={open === 'hide'}
        onClose={() => setOpen(null)}
        title={t('contributions.host.hideTitle', { title: c.title })}
        description={t('contributions.host.hideBody')}
        label={t('contributions.host.reason')}
        hint={t('contributions.host.reasonHint')}
        confirm={t('contributions.host.hideConfirm')}
        danger
        action={hide}
        onConfirm={(reason) => hide.mutate(reason, { onSuccess: () => { toast.show(t('contributions.host.hidden')); setOpen(null); } })}
      />
      <ReasonDialog
        open={open === 'merge'}
        onClose={() => {
          setTargetError(null);
          setOpen(null);
        }}
        title={t('contributions.host.mergeTitle', { title: c.title })}
        description={t('contributions.host.mergeBody')}
        label={t('contributions.host.mergeReason')}
        confirm={t('contributions.host.mergeConfirm')}
        action={merge}
        onConfirm={(reason) => {
          const into = target[0];
          if (!into) return setTargetError(t('contributions.host.chooseTarget'));
          merge.mutate({ targetId: into.id, reason }, { onSuccess: () => { toast.show(t('contributions.host.merged', { title: into.title })); setTarget([]); setOpen(null); } });
        }}
      >
        <ContributionPicker initiativeId={initiative.id} legend={t('contributions.host.mergeInto')} value={target} onChange={(v) => { setTargetError(null); setTarget(v); }} exclude={[c.id]} max={1} searchLabel={t('contributions.picker.findTarget')} error={targetError ?? undefined} />
      </ReasonDialog>
    </section>
  );
}
