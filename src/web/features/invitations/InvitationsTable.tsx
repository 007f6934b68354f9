import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { useFormat } from '../../lib/format';
import type { Invitation } from '../../lib/types';
import { KindBadge, RoleBadge, StatusBadge } from '../orgs/badges';
import '../../components/Table.css';

interface Props {
  invitations: Invitation[];
  showStatus: boolean;
  onRevoke: (invitation: Invitation) => void;
}

export function InvitationsTable({ invitations, showStatus, onRevoke }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
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
            {showStatus && <th scope="col">{t('invitations.pending.status')}</th>}
            <th scope="col">
              <span className="visually-hidden">{t('members.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
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
              {showStatus && (
                <td data-label={t('invitations.pending.status')}>
                  <StatusBadge status={invitation.status} />
                </td>
              )}
              <td className="cell-actions">
                {invitation.status === 'pending' && (
                  <Button variant="ghost" size="sm" onClick={() => onRevoke(invitation)} aria-label={t('invitations.revoke.buttonFor', { email: invitation.email })}>
                    {t('invitations.revoke.button')}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
