import { AppError, type ErrorDetail } from '../../lib/errors.js';
import type { Terms } from './schemas.js';

/** Rules the schema cannot say: each names the field it is about. */
export function checkTerms(terms: Terms, base = '/terms'): void {
  const problems: ErrorDetail[] = [];
  if (terms.ip.policy === 'open_licence' && !terms.ip.licence) {
    problems.push({ path: `${base}/ip/licence`, message: 'an open licence needs its SPDX identifier, e.g. CC-BY-4.0', code: 'required' });
  }
  if (terms.confidentiality.mode === 'nda' && !terms.confidentiality.ndaText?.trim()) {
    problems.push({ path: `${base}/confidentiality/ndaText`, message: 'an NDA needs its text, so people know what they sign', code: 'required' });
  }
  terms.rewards.forEach((reward, i) => {
    if ((reward.kind === 'cash' || reward.kind === 'royalty' || reward.kind === 'points') && reward.amount === undefined && reward.percentage === undefined) {
      problems.push({ path: `${base}/rewards/${i}`, message: `a ${reward.kind} reward needs an amount or a percentage`, code: 'required' });
    }
    if (reward.kind === 'cash' && reward.amount !== undefined && reward.currency === undefined) {
      problems.push({ path: `${base}/rewards/${i}/currency`, message: 'a cash amount needs its currency', code: 'required' });
    }
  });
  if (problems.length > 0) {
    throw new AppError(422, 'validation_failed', `The terms have ${problems.length} problem(s): ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`, problems);
  }
}

/** Terms a new initiative starts with: the most protective choices for contributors. */
export const defaultTerms = (): Terms => ({
  ip: { policy: 'contributor_retains_with_licence' },
  rewards: [{ kind: 'recognition', earnedBy: 'Every contributor whose input is used is credited by name.' }],
  revenueShare: null,
  confidentiality: { mode: 'public' },
  exclusivity: 'with_consent',
  coInvestment: [],
  killCriteria: [],
  dataUse: 'Contributions are used only for this initiative.',
  freeText: '',
});
