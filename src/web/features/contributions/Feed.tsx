import { useTranslation } from 'react-i18next';
import { Button, ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { LoadError, Loading } from '../../components/Loading';
import { errorMessage } from '../../lib/errors';
import type { Initiative } from '../initiatives/types';
import { useFeed } from './api';
import { ContributionCard } from './ContributionCard';
import { useFeedParams } from './feed-params';
import { FeedFilters } from './FeedFilters';
import { useAbilities } from './participation';
import { SearchBox } from './SearchBox';
import { SearchResults } from './SearchResults';
import { SortBar } from './SortBar';
import { SafeMarkdown } from '../initiatives/SafeMarkdown';
import { useThemes } from './themes-api';

/** The initiative's contributions: search, sort, filter, and page through them. */
export function Feed({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const { sort, filters, q, update, linkWith, activeFilters } = useFeedParams();
  return (
    <section className="feed" aria-labelledby="feed-title">
      <h2 id="feed-title" className="visually-hidden">
        {t('contributions.feed.title')}
      </h2>
      <SearchBox value={q} onSearch={(value) => update({ q: value })} />
      {q !== '' ? (
        <SearchResults initiativeId={initiative.id} q={q} onClear={() => update({ q: null })} />
      ) : (
        <>
          <SortBar value={sort} onChange={(value) => update({ sort: value === 'new' ? null : value })} />
          <FeedFilters initiative={initiative} filters={filters} onChange={update} />
          {filters.theme && <ThemeIntro initiativeId={initiative.id} themeId={filters.theme} />}
          <FeedList initiative={initiative} params={{ sort, ...filters }} filtered={activeFilters.length > 0} onClear={() => update(Object.fromEntries(activeFilters.map((k) => [k, null])))} linkWith={linkWith} />
        </>
      )}
    </section>
  );
}

interface ListProps {
  initiative: Initiative;
  params: Record<string, string>;
  filtered: boolean;
  onClear: () => void;
  linkWith: (key: 'tag' | 'theme', value: string) => string;
}

function FeedList({ initiative, params, filtered, onClear, linkWith }: ListProps) {
  const { t } = useTranslation();
  const feed = useFeed(initiative.id, params);
  const { can } = useAbilities(initiative);
  if (feed.isPending) return <Loading />;
  if (feed.isError) return <LoadError message={errorMessage(t, feed.error)} onRetry={() => void feed.refetch()} />;
  const items = feed.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    if (filtered) {
      return (
        <EmptyState level={3} title={t('contributions.feed.noMatchTitle')} action={<Button variant="secondary" onClick={onClear}>{t('contributions.feed.clearFilters')}</Button>}>
          <p>{t('contributions.feed.noMatch')}</p>
        </EmptyState>
      );
    }
    if (params.sort === 'unanswered') return <EmptyState level={3} title={t('contributions.feed.allAnsweredTitle')}><p>{t('contributions.feed.allAnswered')}</p></EmptyState>;
    if (params.sort === 'controversial') return <EmptyState level={3} title={t('contributions.feed.noDebateTitle')}><p>{t('contributions.feed.noDebate')}</p></EmptyState>;
    const canWrite = can('tell_experiences').allowed || can('tell_experiences').refusal === 'terms_not_accepted';
    const canPropose = can('propose_ideas').allowed || can('propose_ideas').refusal === 'terms_not_accepted';
    const first = canWrite ? 'experience' : canPropose ? 'idea' : null;
    return (
      <EmptyState
        level={3}
        title={t('contributions.feed.emptyTitle')}
        action={first && <ButtonLink to={`/initiatives/${initiative.id}/contribute?kind=${first}`}>{t(`contributions.write.${first}`)}</ButtonLink>}
      >
        <p>{first ? t(`contributions.feed.emptyBody.${first}`) : t('contributions.feed.emptyBody.none')}</p>
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="contribution-list" aria-label={t('contributions.feed.listLabel')}>
        {items.map((item) => (
          <ContributionCard key={item.id} item={item} filterLink={linkWith} />
        ))}
      </ul>
      {feed.hasNextPage && (
        <div className="feed-more">
          <Button variant="secondary" loading={feed.isFetchingNextPage} onClick={() => void feed.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}

/** Above a feed filtered by a theme: what the hosts say belongs in it. */
function ThemeIntro({ initiativeId, themeId }: { initiativeId: string; themeId: string }) {
  const { t } = useTranslation();
  const themes = useThemes(initiativeId);
  const theme = themes.data?.items.find((th) => th.id === themeId);
  if (!theme || theme.description.trim() === '') return null;
  return (
    <section className="theme-intro" aria-label={t('contributions.themes.about', { name: theme.name })}>
      <p className="theme-intro-name">{t('contributions.card.theme', { name: theme.name })}</p>
      <SafeMarkdown>{theme.description}</SafeMarkdown>
    </section>
  );
}
