import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { LoadError, Loading } from '../../components/Loading';
import { errorMessage } from '../../lib/errors';
import { HiddenBadge, KindBadge, StatusBadge } from './badges';
import { useSearch, type Segment } from './search-api';

/** Text with the words that matched marked; the server sends plain text pieces, never HTML. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}

export function SearchResults({ initiativeId, q, onClear }: { initiativeId: string; q: string; onClear: () => void }) {
  const { t } = useTranslation();
  const search = useSearch(initiativeId, q);
  const head = (
    <div className="search-head">
      <p role="status">{search.data ? t('contributions.search.results', { count: search.data.pages.flatMap((p) => p.items).length, more: search.hasNextPage ? '+' : '', q }) : t('contributions.search.searching', { q })}</p>
      <Button variant="ghost" size="sm" onClick={onClear}>
        {t('contributions.search.clear')}
      </Button>
    </div>
  );
  if (search.isPending) return <>{head}<Loading /></>;
  if (search.isError) return <>{head}<LoadError message={errorMessage(t, search.error)} onRetry={() => void search.refetch()} /></>;
  const hits = search.data.pages.flatMap((p) => p.items);
  if (hits.length === 0) {
    return (
      <>
        {head}
        <EmptyState level={3} title={t('contributions.search.noneTitle', { q })}>
          <p>{t('contributions.search.none')}</p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {head}
      <ul className="contribution-list" aria-label={t('contributions.search.listLabel', { q })}>
        {hits.map((hit) => {
          const c = hit.contribution;
          const href = hit.commentId ? `/contributions/${c.id}#comment-${hit.commentId}` : `/contributions/${c.id}`;
          return (
            <li key={`${c.id}-${hit.commentId ?? ''}`} className="card contribution-card">
              <div className="contribution-card-badges">
                <KindBadge kind={c.kind} />
                {c.status !== 'received' && <StatusBadge status={c.status} />}
                {c.hidden && <HiddenBadge />}
                {hit.subjectType === 'comment' && <span className="chip">{t('contributions.search.inComment')}</span>}
              </div>
              <h3 className="contribution-card-title">
                <Link to={href}>
                  <Highlighted segments={hit.title} />
                </Link>
              </h3>
              <p className="contribution-card-excerpt">
                <Highlighted segments={hit.snippet} />
              </p>
              {c.mergedInto && (
                <p className="muted">
                  {t('contributions.card.mergedInto')} <Link to={`/contributions/${c.mergedInto.id}`}>{c.mergedInto.title}</Link>
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {search.hasNextPage && (
        <div className="feed-more">
          <Button variant="secondary" loading={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}
