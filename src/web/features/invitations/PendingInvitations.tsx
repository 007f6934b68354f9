import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { LoadError, Loading } from '../../components/Loading';
import { useToast } from '../../components/Toast';
import { errorMessage } from '../../lib/errors';
import type { Invitation, Org } from '../../lib/types';
import { useInvitations, useRevokeInvitation } from './api';
import { InvitationsTable } from './InvitationsTable';

/** Invitations still waiting for an answer, with a way to withdraw each; the answered ones on request. */
export function PendingInvitations({ org }: { org: Org }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invitations = useInvitations(org.slug, true);
  const revoke = useRevokeInvitation(org.slug);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [showClosed, setShowClosed] = useState(false);

  if (invitations.isPending) return <Loading />;
  if (invitations.isError) return <LoadError message={errorMessage(t, invitations.error)} onRetry={() => void invitations.refetch()} />;
  const all = invitations.data.pages.flatMap((p) => p.items);
  const shown = showClosed ? all : all.filter((i) => i.status === 'pending');

  const confirm = (invitation: Invitation) =>
    revoke.mutate(invitation.id, {
      onSuccess: () => {
        toast.show(t('invitations.revoke.done', { email: invitation.email }));
        setRevoking(null);
      },
    });

  return (
    <>
      {shown.length === 0 ? (
        <EmptyState level={3} title={t('invitations.pending.emptyTitle')}>
          {t('invitations.pending.emptyBody')}
        </EmptyState>
      ) : (
        <InvitationsTable invitations={shown} showStatus={showClosed} onRevoke={setRevoking} />
      )}
      {all.some((i) => i.status !== 'pending') && (
        <label className="check">
          <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} />
          {t('invitations.pending.showClosed')}
        </label>
      )}
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('invitations.revoke.title')}
        description={t('invitations.revoke.body', { email: revoking?.email ?? '' })}
        confirm={t('invitations.revoke.confirm')}
        onConfirm={() => revoking && confirm(revoking)}
        action={revoke}
      />
    </>
  );
}
