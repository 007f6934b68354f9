import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { Button, ButtonLink } from '../../components/Button';
import type { Initiative } from '../initiatives/types';
import { FlagDialog } from './FlagDialog';
import { SupportIcon } from './icons';
import { FollowContributionButton } from './FollowButtons';
import { useAbilities } from './participation';
import { SupportButton } from './SupportButton';
import type { Contribution } from './types';

interface Props {
  c: Contribution;
  initiative: Initiative;
  onEdit: () => void;
  onTermsNeeded: () => void;
}

/** What a reader can do with a contribution: support it, follow it, build on it; its authors edit; others flag. */
export function ContributionActions({ c, initiative, onEdit, onTermsNeeded }: Props) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { can } = useAbilities(initiative);
  const [flagging, setFlagging] = useState(false);
  const live = c.mergedInto === null && !c.hidden;
  const support = can('support');
  const build = can('build');
  const supportable = live && !c.me.isAuthor && (support.allowed || support.refusal === 'terms_not_accepted');
  return (
    <div className="contribution-actions" role="group" aria-label={t('contributions.page.actions')}>
      {supportable ? (
        <SupportButton target={c} supported={c.me.supported} count={c.supportCount} onTermsNeeded={onTermsNeeded} />
      ) : (
        <span className="support-count support-count-alone">
          <SupportIcon />
          {t('contributions.supportCount', { count: c.supportCount })}
          {c.me.isAuthor && <span className="muted"> · {t('contributions.support.own')}</span>}
        </span>
      )}
      {user && <FollowContributionButton id={c.id} following={c.me.following} />}
      {live && (build.allowed || build.refusal === 'terms_not_accepted') && (
        <ButtonLink variant="secondary" to={`/initiatives/${initiative.id}/contribute?kind=build&buildsOn=${encodeURIComponent(c.id)}`}>
          {t('contributions.page.buildOn')}
        </ButtonLink>
      )}
      {c.me.canEdit && live && initiative.status === 'open' && (
        <Button variant="secondary" onClick={onEdit}>
          {t('contributions.page.edit')}
        </Button>
      )}
      {user && !c.me.isAuthor && !c.me.canModerate && !c.hidden && (
        <>
          <Button variant="ghost" onClick={() => setFlagging(true)}>
            {t('contributions.flag.button')}
          </Button>
          <FlagDialog type="contribution" id={c.id} open={flagging} onClose={() => setFlagging(false)} />
        </>
      )}
    </div>
  );
}
