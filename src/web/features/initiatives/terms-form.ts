import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api';
import type { Terms } from './types';

/** JSON pointer → message, for the deep fields of the terms and the wizard (`/rewards/0/currency`). */
export type PathErrors = Partial<Record<string, string>>;

export function pathErrorsOf(t: TFunction, error: unknown, prefix = ''): PathErrors {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return {};
  const result: PathErrors = {};
  for (const detail of error.details) {
    if (!detail.path) continue;
    const path = prefix && detail.path.startsWith(prefix) ? detail.path.slice(prefix.length) : detail.path;
    if (result[path] !== undefined) continue;
    result[path] =
      detail.code === 'required' || detail.code === 'minLength' || detail.code === 'minItems'
        ? t('validation.required')
        : detail.code === 'maxLength'
          ? t('validation.tooLong')
          : detail.code === 'minimum' || detail.code === 'maximum'
            ? t('validation.outOfRange')
            : path === '/slug'
              ? t('validation.slugPattern')
              : t('validation.invalid');
  }
  return result;
}

export const emptyTerms = (): Terms => ({
  ip: { policy: 'contributor_retains_with_licence' },
  rewards: [],
  revenueShare: null,
  confidentiality: { mode: 'public' },
  exclusivity: 'with_consent',
  coInvestment: [],
  killCriteria: [],
  dataUse: '',
  freeText: '',
});

const opt = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);

/** What the editor holds, made ready for the API: no empty optional strings, no blank lines. */
export function cleanTerms(terms: Terms): Terms {
  return {
    ip: { policy: terms.ip.policy, licence: terms.ip.policy === 'open_licence' ? opt(terms.ip.licence) : undefined, notes: opt(terms.ip.notes) },
    rewards: terms.rewards.map((r) => ({
      kind: r.kind,
      amount: r.amount,
      percentage: r.percentage,
      currency: opt(r.currency)?.toUpperCase(),
      earnedBy: r.earnedBy,
    })),
    revenueShare: terms.revenueShare,
    confidentiality: terms.confidentiality.mode === 'nda' ? { mode: 'nda', ndaText: terms.confidentiality.ndaText ?? '' } : { mode: 'public' },
    exclusivity: terms.exclusivity,
    coInvestment: terms.coInvestment,
    killCriteria: terms.killCriteria.map((k) => k.trim()).filter((k) => k !== ''),
    dataUse: terms.dataUse,
    freeText: terms.freeText,
  };
}

/** A number field's text as a number, or undefined when empty. */
export const numberOrUndefined = (text: string): number | undefined => (text.trim() === '' || Number.isNaN(Number(text)) ? undefined : Number(text));
