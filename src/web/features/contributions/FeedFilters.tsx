import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { Select } from '../../components/Select';
import { capitalise } from '../../lib/format';
import { KINDS as PROTAGONIST_KINDS } from '../../lib/types';
import type { Initiative } from '../initiatives/types';
import type { Filters } from './feed-params';
import { useThemes } from './themes-api';
import { KINDS, STATUSES } from './types';

interface Props {
  initiative: Initiative;
  filters: Filters;
  onChange: (changes: Record<string, string | null>) => void;
}

/** Narrow the feed: by kind, status, who wrote it, theme and tag. Each change applies at once. */
export function FeedFilters({ initiative, filters, onChange }: Props) {
  const { t } = useTranslation();
  const themes = useThemes(initiative.id);
  const all = t('contributions.filters.all');
  const active = Object.values(filters).filter(Boolean).length;
  const themeList = themes.data?.items ?? [];
  return (
    <details className="feed-filters" open={active > 0 || undefined}>
      <summary>
        <span className="filter-chevron" aria-hidden="true" />
        <span>{t('contributions.filters.title')}</span>
        {active === 0 && <span className="filter-hint">{t('contributions.filters.hint')}</span>}
        {active > 0 && <span className="chip chip-strong filter-count">{t('contributions.filters.active', { count: active })}</span>}
      </summary>
      <div className="form-grid feed-filter-grid">
        <Select label={t('contributions.filters.kind')} value={filters.kind ?? ''} options={[{ value: '', label: all }, ...KINDS.map((k) => ({ value: k, label: t(`contributions.kindPlural.${k}`) }))]} onChange={(kind) => onChange({ kind })} />
        <Select label={t('contributions.filters.status')} value={filters.status ?? ''} options={[{ value: '', label: all }, ...STATUSES.map((s) => ({ value: s, label: t(`contributions.status.${s}`) }))]} onChange={(status) => onChange({ status })} />
        <Select
          label={t('contributions.filters.authorKind')}
          value={filters.authorKind ?? ''}
          options={[{ value: '', label: all }, ...PROTAGONIST_KINDS.map((k) => ({ value: k, label: capitalise(t(`kinds.${k}`)) }))]}
          onChange={(authorKind) => onChange({ authorKind })}
        />
        {themeList.length > 0 && (
          <Select label={t('contributions.filters.theme')} value={filters.theme ?? ''} options={[{ value: '', label: all }, ...themeList.map((th) => ({ value: th.id, label: th.name }))]} onChange={(theme) => onChange({ theme })} />
        )}
        <TagFilter key={filters.tag ?? ''} value={filters.tag ?? ''} onApply={(tag) => onChange({ tag })} />
      </div>
      {active > 0 && (
        <Button variant="ghost" size="sm" onClick={() => onChange({ kind: null, status: null, authorKind: null, theme: null, tag: null })}>
          {t('contributions.feed.clearFilters')}
        </Button>
      )}
    </details>
  );
}

/** A tag applies when you leave the field or press Enter; clicking a tag on a card fills it in. */
function TagFilter({ value, onApply }: { value: string; onApply: (tag: string) => void }) {
  const { t } = useTranslation();
  const apply = (text: string) => {
    const tag = text.trim().replace(/^#/, '');
    if (tag !== value) onApply(tag);
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor="feed-tag">
        {t('contributions.filters.tag')}
      </label>
      <input
        id="feed-tag"
        className="input"
        defaultValue={value}
        onBlur={(e) => apply(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            apply(e.currentTarget.value);
          }
        }}
      />
    </div>
  );
}
