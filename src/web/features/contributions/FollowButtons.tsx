import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toast';
import { errorMessage } from '../../lib/errors';
import { useFollowContribution, useFollowInitiative, useInitiativeFollow } from './api';
import { BellIcon, CheckIcon } from './icons';

/** Follow an initiative: its updates reach you. */
export function FollowInitiativeButton({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const toast = useToast();
  const state = useInitiativeFollow(initiativeId, user !== null);
  const follow = useFollowInitiative(initiativeId);
  if (!user || !state.data) return null;
  const following = state.data.following;
  return (
    <div className="follow">
      <Button
        variant="secondary"
        size="sm"
        aria-pressed={following}
        loading={follow.isPending}
        onClick={() =>
          follow.mutate(!following, {
            onSuccess: (s) => toast.show(s.following ? t('contributions.follow.initiativeOn') : t('contributions.follow.initiativeOff')),
            onError: (error) => toast.show(errorMessage(t, error), 'error'),
          })
        }
      >
        {following ? <CheckIcon /> : <BellIcon />}
        {following ? t('contributions.follow.followingInitiative') : t('contributions.follow.initiative')}
      </Button>
    </div>
  );
}

/** Follow a contribution: what happens to it reaches you. */
export function FollowContributionButton({ id, following }: { id: string; following: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const follow = useFollowContribution(id);
  return (
    <Button
      variant="secondary"
      aria-pressed={following}
      loading={follow.isPending}
      onClick={() =>
        follow.mutate(!following, {
          onSuccess: (s) => toast.show(s.following ? t('contributions.follow.on') : t('contributions.follow.off')),
          onError: (error) => toast.show(errorMessage(t, error), 'error'),
        })
      }
    >
      {following ? <CheckIcon /> : <BellIcon />}
      {following ? t('contributions.follow.following') : t('contributions.follow.follow')}
    </Button>
  );
}
