import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, ButtonLink } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useToast } from '../../components/Toast';
import { useAdvancePhase, useDiscard, useTransition } from './api';
import { AssetDialog, NeedDialog } from './HostForms';
import type { Initiative } from './types';

type Open = null | 'need' | 'asset' | 'close' | 'archive' | 'discard';

/** What a host can do from the initiative's page. */
export function HostTools({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const [open, setOpen] = useState<Open>(null);
  const transition = useTransition(initiative);
  const advance = useAdvancePhase(initiative);
  const discard = useDiscard(initiative);
  const index = initiative.phases.findIndex((p) => p.id === initiative.currentPhaseId);
  const next = initiative.status === 'open' ? initiative.phases[index + 1] : undefined;
  const title = initiative.title;

  return (
    <section className="card side-card" aria-labelledby="host-tools">
      <h2 id="host-tools">{t('initiatives.host.title')}</h2>
      <div className="host-actions">
        {initiative.status === 'draft' && <ButtonLink to={`/orgs/${initiative.org.slug}/initiatives/${initiative.id}/edit`}>{t('initiatives.home.editDraft')}</ButtonLink>}
        {next && (
          <Button variant="secondary" loading={advance.isPending} onClick={() => advance.mutate(next.id, { onSuccess: () => toast.show(t('initiatives.host.moved', { phase: next.name })) })}>
            {t('initiatives.host.next', { phase: next.name })}
          </Button>
        )}
        {initiative.status === 'open' && (
          <>
            <Button variant="secondary" onClick={() => setOpen('need')}>
              {t('initiatives.host.need')}
            </Button>
            <Button variant="secondary" onClick={() => setOpen('asset')}>
              {t('initiatives.host.asset')}
            </Button>
            <Button variant="secondary" onClick={() => setOpen('close')}>
              {t('initiatives.host.close')}
            </Button>
          </>
        )}
        {initiative.status === 'closed' && (
          <Button variant="secondary" onClick={() => setOpen('archive')}>
            {t('initiatives.host.archive')}
          </Button>
        )}
        {initiative.status === 'draft' && (
          <Button variant="danger" onClick={() => setOpen('discard')}>
            {t('initiatives.host.discard')}
          </Button>
        )}
      </div>
      <NeedDialog initiativeId={initiative.id} open={open === 'need'} onClose={() => setOpen(null)} />
      <AssetDialog initiativeId={initiative.id} open={open === 'asset'} onClose={() => setOpen(null)} />
      <ConfirmDialog
        open={open === 'close' || open === 'archive'}
        onClose={() => setOpen(null)}
        title={open === 'archive' ? t('initiatives.host.archiveConfirm', { title }) : t('initiatives.host.closeConfirm', { title })}
        description={open === 'archive' ? t('initiatives.host.archiveBody') : t('initiatives.host.closeBody')}
        confirm={open === 'archive' ? t('initiatives.host.archive') : t('initiatives.host.close')}
        action={transition}
        onConfirm={() => {
          const action = open === 'archive' ? 'archive' : 'close';
          transition.mutate(action, {
            onSuccess: () => {
              toast.show(action === 'archive' ? t('initiatives.host.archived') : t('initiatives.host.closed'));
              setOpen(null);
            },
          });
        }}
      />
      <ConfirmDialog
        open={open === 'discard'}
        onClose={() => setOpen(null)}
        title={t('initiatives.host.discardConfirm', { title })}
        description={t('initiatives.host.discardBody')}
        confirm={t('initiatives.host.discard')}
        action={discard}
        onConfirm={() => discard.mutate(undefined, { onSuccess: () => void navigate(`/orgs/${initiative.org.slug}`) })}
      />
    </section>
  );
}
