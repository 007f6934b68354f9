import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { useFeed } from './api';
import { KindBadge } from './badges';
import type { ContributionKind, Ref } from './types';
import { asKind } from './kinds';

interface Props {
  initiativeId: string;
  legend: string;
  hint?: string;
  /** Only this kind can be chosen (experiences for citations). */
  kind?: ContributionKind;
  value: Ref[];
  onChange: (value: Ref[]) => void;
  error?: string;
  /** Contributions that cannot be chosen (the one being written about). */
  exclude?: string[];
  max?: number;
  /** What the search field is for, e.g. "Find an experience by its title". */
  searchLabel?: string;
}

/** Choose contributions of the initiative by title: what a build builds on, the experiences an idea cites. */
export function ContributionPicker({ initiativeId, legend, hint, kind, value, onChange, error, exclude = [], max = 10, searchLabel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const feed = useFeed(initiativeId, kind ? { sort: 'top', kind } : { sort: 'top' }, { limit: 100 });
  const chosen = new Set([...value.map((v) => v.id), ...exclude]);
  const needle = q.trim().toLocaleLowerCase();
  const matches = (feed.data?.pages.flatMap((p) => p.items) ?? []).filter((c) => !chosen.has(c.id) && !c.hidden && (needle === '' || c.title.toLocaleLowerCase().includes(needle))).slice(0, 6);
  const full = value.length >= max;
  return (
    <fieldset className={error ? 'fieldset picker field-invalid' : 'fieldset picker'} aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {value.length > 0 && (
        <ul className="picker-chosen">
          {value.map((ref) => (
            <li key={ref.id}>
              <span className="picker-title">
                <KindBadge kind={asKind(ref.kind)} /> {ref.title}
              </span>
              <Button variant="ghost" size="sm" onClick={() => onChange(value.filter((v) => v.id !== ref.id))} aria-label={t('contributions.picker.removeFor', { title: ref.title })}>
                {t('contributions.picker.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {!full && (
        <>
          <label className="field-label picker-search-label" htmlFor={`${id}-q`}>
            {searchLabel ?? (kind === 'experience' ? t('contributions.picker.findExperience') : t('contributions.picker.find'))}
          </label>
          <input id={`${id}-q`} className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
          {matches.length > 0 ? (
            <ul className="picker-matches" aria-label={t('contributions.picker.matches')}>
              {matches.map((c) => (
                <li key={c.id}>
                  <span className="picker-title">
                    <KindBadge kind={c.kind} /> {c.title}
                  </span>
                  <Button variant="secondary" size="sm" onClick={() => onChange([...value, { id: c.id, title: c.title, kind: c.kind }])} aria-label={t('contributions.picker.addFor', { title: c.title })}>
                    {t('contributions.picker.add')}
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            feed.isSuccess && <p className="muted picker-none">{needle === '' ? t('contributions.picker.nothing') : t('contributions.picker.noMatch')}</p>
          )}
        </>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </fieldset>
  );
}
