import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { Select } from '../../components/Select';
import { useToast } from '../../components/Toast';
import { errorMessage } from '../../lib/errors';
import { capitalise, useFormat } from '../../lib/format';
import { KINDS, ROLES, type Member, type Org } from '../../lib/types';
import { KindBadge, RoleBadge } from '../orgs/badges';
import { useChangeMember, type MemberChange } from './api';
import { RemoveMemberDialog } from './RemoveMemberDialog';

interface MembersTableProps {
  org: Org;
  members: Member[];
  currentUserId: string | null;
}

/** Everyone in the organisation; owners change roles and kinds in place and can remove people. */
export function MembersTable({ org, members, currentUserId }: MembersTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const change = useChangeMember(org.slug);
  const [removing, setRemoving] = useState<Member | null>(null);
  const canManage = org.me?.role === 'owner';
  const roleOptions = ROLES.map((role) => ({ value: role, label: capitalise(t(`roles.${role}`)) }));
  const kindOptions = KINDS.map((kind) => ({ value: kind, label: capitalise(t(`kinds.${kind}`)) }));

  const apply = (member: Member, update: Omit<MemberChange, 'userId'>) =>
    change.mutate(
      { userId: member.userId, ...update },
      {
        onSuccess: (changed) =>
          toast.show(
            update.role
              ? t('members.changedRole', { name: changed.name, role: t(`roles.${changed.role}`) })
              : t('members.changedKind', { name: changed.name, kind: t(`kindsInSentence.${changed.kind}`) }),
          ),
        onError: (error) => toast.show(errorMessage(t, error), 'error'),
      },
    );

  const isMe = (member: Member) => member.userId === currentUserId;
  const busy = (member: Member) => change.isPending && change.variables.userId === member.userId;

  return (
    <>
      <DataTable
        caption={t('members.caption', { name: org.name })}
        rows={members}
        rowKey={(member) => member.userId}
        title={{
          label: t('members.columns.person'),
          cell: (member) => (
            <>
              <span className="cell-primary">
                {member.name}
                {isMe(member) && <span className="muted"> ({t('common.you')})</span>}
              </span>
              {member.email && <span className="cell-secondary">{member.email}</span>}
            </>
          ),
        }}
        columns={[
          {
            label: t('members.columns.kind'),
            cell: (member) =>
              canManage ? (
                <Select hideLabel label={t('members.kindFor', { name: member.name })} value={member.kind} options={kindOptions} disabled={busy(member)} onChange={(kind) => apply(member, { kind })} />
              ) : (
                <KindBadge kind={member.kind} />
              ),
          },
          {
            label: t('members.columns.role'),
            cell: (member) =>
              canManage ? (
                <Select hideLabel label={t('members.roleFor', { name: member.name })} value={member.role} options={roleOptions} disabled={busy(member)} onChange={(role) => apply(member, { role })} />
              ) : (
                <RoleBadge role={member.role} />
              ),
          },
          { label: t('members.columns.joined'), cell: (member) => format.date(member.joinedAt) },
        ]}
        actions={
          canManage
            ? (member) =>
                !isMe(member) && (
                  <Button variant="ghost" size="sm" onClick={() => setRemoving(member)} aria-label={t('members.remove.buttonFor', { name: member.name })}>
                    {t('members.remove.button')}
                  </Button>
                )
            : undefined
        }
      />
      <RemoveMemberDialog org={org} member={removing} onClose={() => setRemoving(null)} />
    </>
  );
}
