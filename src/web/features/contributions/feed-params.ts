import { useSearchParams } from 'react-router';
import { KINDS as PROTAGONIST_KINDS } from '../../lib/types';
import { isKind, isSort, isStatus, type Sort } from './types';

export const FILTER_KEYS = ['kind', 'status', 'tag', 'authorKind', 'theme'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** The feed's search, sort and filters live in the address, so a filtered list can be shared and survives a reload. */
export function useFeedParams() {
  const [params, setParams] = useSearchParams();
  const rawSort = params.get('sort');
  const sort: Sort = isSort(rawSort) ? rawSort : 'new';
  const filters: Filters = {};
  const kind = params.get('kind');
  if (isKind(kind)) filters.kind = kind;
  const status = params.get('status');
  if (isStatus(status)) filters.status = status;
  const authorKind = params.get('authorKind');
  if (authorKind !== null && (PROTAGONIST_KINDS as readonly string[]).includes(authorKind)) filters.authorKind = authorKind;
  const tag = params.get('tag')?.trim();
  if (tag) filters.tag = tag;
  const theme = params.get('theme');
  if (theme) filters.theme = theme;
  const q = params.get('q') ?? '';

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  /** A link to this feed with one filter set (from a tag or theme chip). */
  const linkWith = (key: FilterKey, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    next.delete('q');
    return `?${next.toString()}`;
  };
  return { sort, filters, q, update, linkWith, activeFilters: FILTER_KEYS.filter((k) => filters[k] !== undefined) };
}
