import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { Select } from '../../components/Select';
import { useToast } from '../../components/Toast';
import { errorMessage } from '../../lib/errors';
import { capitalise, useFormat } from '../../lib/format';
import { KINDS, ROLES, type Block, type Member, type Org } from '../../lib/types';
import { Badge } from '../../components/Badge';
import { KindBadge, RoleBadge } from '../orgs/badges';
import { useChangeMember, type MemberChange } from './api';
import { BlockDialog, UnblockDialog } from './BlockDialogs';
import { RemoveMemberDialog } from './RemoveMemberDialog';

interface MembersTableProps {
  org: Org;
  members: Member[];
  currentUserId: string | null;
  /** Who is blocked (owners and stewards see it); null for everyone else. */
  blocked: ReadonlyMap<string, Block> | null;
}

/** Everyone in the organisation; owners change roles and kinds in place and can remove people; owners and stewards block and unblock. */
export function MembersTable({ org, members, currentUserId, blocked }: MembersTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const change = useChangeMember(org.slug);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [blocking, setBlocking] = useState<Member | null>(null);
  const [unblocking, setUnblocking] = useState<Block | null>(null);
  const canManage = org.me?.role === 'owner';
  const canBlock = blocked !== null && (org.me?.role === 'owner' || org.me?.role === 'steward');
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
              {blocked?.has(member.userId) && (
                <span className="cell-badge">
                  <Badge tone="danger">{t('members.block.badge')}</Badge>
                </span>
              )}
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
          canManage || canBlock
            ? (member) => {
                if (isMe(member)) return null;
                const block = blocked?.get(member.userId);
                return (
                  <span className="row-actions">
                    {canBlock &&
                      member.role !== 'owner' &&
                      (block ? (
                        <Button variant="ghost" size="sm" onClick={() => setUnblocking(block)} aria-label={t('members.block.unblockFor', { name: member.name })}>
                          {t('members.block.unblock')}
                        </Button>
                      ) : (
                        <Button variant="ghost" size="sm" onClick={() => setBlocking(member)} aria-label={t('members.block.buttonFor', { name: member.name })}>
                          {t('members.block.button')}
                        </Button>
                      ))}
                    {canManage && (
                      <Button variant="ghost" size="sm" onClick={() => setRemoving(member)} aria-label={t('members.remove.buttonFor', { name: member.name })}>
                        {t('members.remove.button')}
                      </Button>
                    )}
                  </span>
                );
              }
            : undefined
        }
      />
      <RemoveMemberDialog org={org} member={removing} onClose={() => setRemoving(null)} />
      {canBlock && (
        <>
          <BlockDialog org={org} member={blocking} onClose={() => setBlocking(null)} />
          <UnblockDialog org={org} block={unblocking} onClose={() => setUnblocking(null)} />
        </>
      )}
    </>
  );
}
