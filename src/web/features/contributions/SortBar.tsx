import { useTranslation } from 'react-i18next';
import { SORTS, type Sort } from './types';

/** Six ways to order the feed, as toggle buttons; the chosen one says what it means. */
export function SortBar({ value, onChange }: { value: Sort; onChange: (value: Sort) => void }) {
  const { t } = useTranslation();
  return (
    <div className="sort-bar">
      <div className="sort-buttons" role="group" aria-labelledby="sort-label">
        <span id="sort-label" className="sort-label">
          {t('contributions.sort.label')}
        </span>
        {SORTS.map((sort) => (
          <button key={sort} type="button" className="sort-button" aria-pressed={sort === value} aria-describedby={sort === value ? 'sort-hint' : undefined} onClick={() => onChange(sort)}>
            {t(`contributions.sort.${sort}`)}
          </button>
        ))}
      </div>
      <p id="sort-hint" className="muted sort-hint">
        {t(`contributions.sort.hint.${value}`)}
      </p>
    </div>
  );
}
