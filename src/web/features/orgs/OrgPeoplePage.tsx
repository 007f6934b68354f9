import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { LoadError, Loading } from '../../components/Loading';
import { Section } from '../../components/PageLayout';
import { errorMessage } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { InviteButton } from '../invitations/InviteDialog';
import { PendingInvitations } from '../invitations/PendingInvitations';
import { useBlocks, useMembers } from '../members/api';
import { BlockedSection } from '../members/BlockedSection';
import { MembersTable } from '../members/MembersTable';
import { LeaveOrgButton } from './LeaveOrgButton';
import { useOrgContext } from './OrgLayout';

/** The organisation's home: its people, and for hosts the invitations still open. */
export function OrgPeoplePage() {
  const { t } = useTranslation();
  const { org, user } = useOrgContext();
  useDocumentTitle(org.name);
  const isMember = org.me !== null;
  const members = useMembers(org.slug, isMember);
  const canInvite = org.me?.role === 'owner' || org.me?.role === 'steward';
  const blocks = useBlocks(org.slug, canInvite);
  if (!isMember) return null;
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  const blocked = canInvite && blocks.isSuccess ? new Map(blocks.data.pages.flatMap((p) => p.items).map((b) => [b.user.id, b])) : null;

  return (
    <>
      <Section id="people" title={t('members.title')} actions={canInvite && <InviteButton org={org} />}>
        {members.isPending ? (
          <Loading />
        ) : members.isError ? (
          <LoadError message={errorMessage(t, members.error)} onRetry={() => void members.refetch()} />
        ) : (
          <MembersTable org={org} members={items} currentUserId={user?.id ?? null} blocked={blocked} />
        )}
        {members.hasNextPage && (
          <p>
            <Button variant="secondary" loading={members.isFetchingNextPage} onClick={() => void members.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          </p>
        )}
      </Section>
      {canInvite && <BlockedSection org={org} blocks={blocks} />}
      {canInvite && (
        <Section id="invitations" title={t('invitations.pending.title')}>
          <PendingInvitations org={org} />
        </Section>
      )}
      {org.me && user && (
        <Section id="membership" title={t('members.leave.sectionTitle')}>
          <p>{t('members.leave.yourPlace', { kind: t(`kindsInSentence.${org.me.kind}`), role: t(`roles.${org.me.role}`) })}</p>
          <LeaveOrgButton org={org} userId={user.id} />
        </Section>
      )}
    </>
  );
}
