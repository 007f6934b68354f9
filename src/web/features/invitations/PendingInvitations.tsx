import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { LoadError, Loading } from '../../components/Loading';
import { useToast } from '../../components/Toast';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import type { Invitation, Org } from '../../lib/types';
import { KindBadge, RoleBadge } from '../orgs/badges';
import { useInvitations, useRevokeInvitation } from './api';
import '../../components/Table.css';

/** Invitations still waiting for an answer, with a way to withdraw each. */
export function PendingInvitations({ org }: { org: Org }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const invitations = useInvitations(org.slug, true);
  const revoke = useRevokeInvitation(org.slug);
  const [revoking, setRevoking] = useState<Invitation | null>(null);

  if (invitations.isPending) return <Loading />;
  if (invitations.isError) return <LoadError message={errorMessage(t, invitations.error)} onRetry={() => void invitations.refetch()} />;
  const pending = invitations.data.pages.flatMap((p) => p.items).filter((i) => i.status === 'pending');
  if (pending.length === 0) return <EmptyState level={3} title={t('invitations.pending.emptyTitle')}>{t('invitations.pending.emptyBody')}</EmptyState>;

  const close = () => {
    revoke.reset();
    setRevoking(null);
  };
  const confirm = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        toast.show(t('invitations.revoke.done', { email: revoking.email }));
        close();
      },
    });
  };

  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('invitations.pending.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fields.email')}</th>
            <th scope="col">{t('invitations.pending.invitedAs')}</th>
            <th scope="col">{t('invitations.pending.invitedBy')}</th>
            <th scope="col">{t('invitations.pending.expires')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('members.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {pending.map((invitation) => (
            <tr key={invitation.id}>
              <td className="cell-title">
                <span className="cell-primary">{invitation.email}</span>
              </td>
              <td data-label={t('invitations.pending.invitedAs')}>
                <span className="badges">
                  <KindBadge kind={invitation.kind} />
                  <RoleBadge role={invitation.role} />
                </span>
              </td>
              <td data-label={t('invitations.pending.invitedBy')}>{invitation.invitedBy.name}</td>
              <td data-label={t('invitations.pending.expires')}>{format.date(invitation.expiresAt)}</td>
              <td className="cell-actions">
                <Button variant="ghost" size="sm" onClick={() => setRevoking(invitation)} aria-label={t('invitations.revoke.buttonFor', { email: invitation.email })}>
                  {t('invitations.revoke.button')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Dialog open={revoking !== null} onClose={close} title={t('invitations.revoke.title')} description={t('invitations.revoke.body', { email: revoking?.email ?? '' })}>
        {revoke.error && <Alert tone="error">{errorMessage(t, revoke.error)}</Alert>}
        <div className="form-actions">
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button variant="danger" loading={revoke.isPending} onClick={confirm}>
            {t('invitations.revoke.confirm')}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
