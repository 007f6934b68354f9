import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { useFormat } from '../../lib/format';
import type { Invitation } from '../../lib/types';
import { KindBadge, RoleBadge, StatusBadge } from '../orgs/badges';

interface Props {
  invitations: Invitation[];
  showStatus: boolean;
  onRevoke: (invitation: Invitation) => void;
}

export function InvitationsTable({ invitations, showStatus, onRevoke }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      caption={t('invitations.pending.title')}
      rows={invitations}
      rowKey={(invitation) => invitation.id}
      title={{ label: t('fields.email'), cell: (invitation) => <span className="cell-primary">{invitation.email}</span> }}
      columns={[
        {
          label: t('invitations.pending.invitedAs'),
          cell: (invitation) => (
            <span className="badges">
              <KindBadge kind={invitation.kind} />
              <RoleBadge role={invitation.role} />
            </span>
          ),
        },
        { label: t('invitations.pending.invitedBy'), cell: (invitation) => invitation.invitedBy.name },
        { label: t('invitations.pending.expires'), cell: (invitation) => format.date(invitation.expiresAt) },
        showStatus && { label: t('invitations.pending.status'), cell: (invitation) => <StatusBadge status={invitation.status} /> },
      ]}
      actions={(invitation) =>
        invitation.status === 'pending' && (
          <Button variant="ghost" size="sm" onClick={() => onRevoke(invitation)} aria-label={t('invitations.revoke.buttonFor', { email: invitation.email })}>
            {t('invitations.revoke.button')}
          </Button>
        )
      }
    />
  );
}
