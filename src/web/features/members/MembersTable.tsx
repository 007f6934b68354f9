import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { Select } from '../../components/Select';
import { useToast } from '../../components/Toast';
import { errorMessage } from '../../lib/errors';
import { capitalise, useFormat } from '../../lib/format';
import { KINDS, ROLES, type Member, type Org } from '../../lib/types';
import { KindBadge, RoleBadge } from '../orgs/badges';
import { useChangeMember, type MemberChange } from './api';
import { RemoveMemberDialog } from './RemoveMemberDialog';
import '../../components/Table.css';

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

  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('members.caption', { name: org.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('members.columns.person')}</th>
            <th scope="col">{t('members.columns.kind')}</th>
            <th scope="col">{t('members.columns.role')}</th>
            <th scope="col">{t('members.columns.joined')}</th>
            {canManage && (
              <th scope="col">
                <span className="visually-hidden">{t('members.columns.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const isMe = member.userId === currentUserId;
            const busy = change.isPending && change.variables.userId === member.userId;
            return (
              <tr key={member.userId}>
                <td className="cell-title">
                  <span className="cell-primary">
                    {member.name}
                    {isMe && <span className="muted"> ({t('common.you')})</span>}
                  </span>
                  {member.email && <span className="cell-secondary">{member.email}</span>}
                </td>
                <td data-label={t('members.columns.kind')}>
                  {canManage ? (
                    <Select hideLabel label={t('members.kindFor', { name: member.name })} value={member.kind} options={kindOptions} disabled={busy} onChange={(kind) => apply(member, { kind })} />
                  ) : (
                    <KindBadge kind={member.kind} />
                  )}
                </td>
                <td data-label={t('members.columns.role')}>
                  {canManage ? (
                    <Select hideLabel label={t('members.roleFor', { name: member.name })} value={member.role} options={roleOptions} disabled={busy} onChange={(role) => apply(member, { role })} />
                  ) : (
                    <RoleBadge role={member.role} />
                  )}
                </td>
                <td data-label={t('members.columns.joined')}>{format.date(member.joinedAt)}</td>
                {canManage && (
                  <td className="cell-actions">
                    {!isMe && (
                      <Button variant="ghost" size="sm" onClick={() => setRemoving(member)} aria-label={t('members.remove.buttonFor', { name: member.name })}>
                        {t('members.remove.button')}
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <RemoveMemberDialog org={org} member={removing} onClose={() => setRemoving(null)} />
    </div>
  );
}
