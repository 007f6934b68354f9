import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/Button';
import { Section } from '../../components/PageLayout';
import type { Initiative } from '../initiatives/types';
import { useFeed } from './api';
import { ContributionCard } from './ContributionCard';
import { useAbilities } from './participation';
import { ACTION_OF_KIND, KINDS } from './types';
import './contributions.css';

/** On the initiative's home: the latest contributions and the way to all of them, so nobody misses the conversation. */
export function ContributionsTeaser({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const feed = useFeed(initiative.id, { sort: 'new' }, { limit: 3, enabled: initiative.status !== 'draft' });
  const { can } = useAbilities(initiative);
  if (initiative.status === 'draft') return null;
  const items = feed.data?.pages[0]?.items ?? [];
  const first = KINDS.find((k) => {
    const a = can(ACTION_OF_KIND[k]);
    return a.allowed || a.refusal === 'terms_not_accepted';
  });
  const all = `/initiatives/${initiative.id}/contributions`;
  return (
    <Section
      id="contributions"
      title={t('contributions.teaser.title')}
      actions={
        <>
          {first && (
            <ButtonLink size="sm" to={`/initiatives/${initiative.id}/contribute?kind=${first}`}>
              {t(`contributions.write.${first}`)}
            </ButtonLink>
          )}
          <ButtonLink size="sm" variant="secondary" to={all}>
            {t('contributions.teaser.all')}
          </ButtonLink>
        </>
      }
    >
      {feed.isSuccess && items.length === 0 ? (
        <p className="muted">{first ? t(`contributions.feed.emptyBody.${first}`) : t('contributions.teaser.none')}</p>
      ) : (
        <ul className="contribution-list" aria-label={t('contributions.teaser.latest')}>
          {items.map((item) => (
            <ContributionCard key={item.id} item={item} />
          ))}
        </ul>
      )}
    </Section>
  );
}
