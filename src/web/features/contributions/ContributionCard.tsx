import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../lib/format';
import { HiddenBadge, KindBadge, StatusBadge } from './badges';
import { CommentIcon, SupportIcon } from './icons';
import { protagonistKind } from './kinds';
import type { ContributionSummary } from './types';

interface Props {
  item: ContributionSummary;
  /** Builds the link of a tag or theme chip: it filters the feed. */
  filterLink?: (key: 'tag' | 'theme', value: string) => string;
  headingLevel?: 2 | 3;
}

/** One contribution in a list: what kind, its title and first words, who wrote it, and how it is received. */
export function ContributionCard({ item, filterLink, headingLevel = 3 }: Props) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="card contribution-card">
      <div className="contribution-card-badges">
        <KindBadge kind={item.kind} />
        {item.status !== 'received' && <StatusBadge status={item.status} />}
        {item.hidden && <HiddenBadge />}
        {item.theme &&
          (filterLink ? (
            <Link className="chip chip-link" to={filterLink('theme', item.theme.id)}>
              {t('contributions.card.theme', { name: item.theme.name })}
            </Link>
          ) : (
            <span className="chip">{t('contributions.card.theme', { name: item.theme.name })}</span>
          ))}
      </div>
      <Heading className="contribution-card-title">
        <Link to={`/contributions/${item.id}`}>{item.title}</Link>
      </Heading>
      {item.excerpt && <p className="contribution-card-excerpt">{item.excerpt}</p>}
      {item.mergedInto && (
        <p className="muted">
          {t('contributions.card.mergedInto')} <Link to={`/contributions/${item.mergedInto.id}`}>{item.mergedInto.title}</Link>
        </p>
      )}
      <div className="contribution-card-foot">
        <span className="contribution-card-author">
          {t('contributions.card.by', { name: item.author.name, kind: t(`kinds.${protagonistKind(item.author.kind)}`) })} · <time dateTime={item.createdAt}>{date(item.createdAt)}</time>
        </span>
        <span className="contribution-card-counts">
          <span className="count">
            <SupportIcon />
            {t('contributions.supportCount', { count: item.supportCount })}
          </span>
          <span className="count">
            <CommentIcon />
            {t('contributions.commentCount', { count: item.commentCount })}
          </span>
        </span>
      </div>
      {item.tags.length > 0 && (
        <ul className="tag-list" aria-label={t('contributions.fields.tags')}>
          {item.tags.map((tag) => (
            <li key={tag}>{filterLink ? <Link className="tag" to={filterLink('tag', tag)}>#{tag}</Link> : <span className="tag">#{tag}</span>}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
