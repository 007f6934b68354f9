import { diffJson } from 'diff';
import type { Reward, Terms } from './schemas.js';

/** How protective of the contributor each IP policy is (higher is better for them). */
const IP_RANK: Record<Terms['ip']['policy'], number> = { open_licence: 3, contributor_retains_with_licence: 3, joint: 2, assign_to_host: 1 };
const EXCLUSIVITY_RANK: Record<Terms['exclusivity'], number> = { no: 3, with_consent: 2, yes: 1 };

const rewardKey = (r: Reward) => `${r.kind}:${r.currency ?? ''}`;
const rewardValue = (r: Reward) => r.amount ?? r.percentage ?? 0;

/**
 * What a new version makes worse for contributors than the old one: lower or removed
 * rewards, a smaller revenue share, a weaker IP position or exclusivity. Such an amendment
 * is allowed but governs only contributions made after it, and the history says so.
 */
export function worseForContributors(before: Terms, after: Terms): string[] {
  const worse: string[] = [];
  const afterRewards = new Map(after.rewards.map((r) => [rewardKey(r), r]));
  for (const reward of before.rewards) {
    const now = afterRewards.get(rewardKey(reward));
    if (now === undefined) worse.push(`The ${reward.kind} reward was removed.`);
    else if (rewardValue(now) < rewardValue(reward)) worse.push(`The ${reward.kind} reward went down from ${rewardValue(reward)} to ${rewardValue(now)}.`);
  }
  if (before.revenueShare !== null) {
    const share = after.revenueShare?.percentage ?? 0;
    if (share < before.revenueShare.percentage) worse.push(`The revenue share went down from ${before.revenueShare.percentage}% to ${share}%.`);
    const months = (d: number | null | undefined) => (d === null ? Infinity : (d ?? 0));
    if (after.revenueShare !== null && months(after.revenueShare.durationMonths) < months(before.revenueShare.durationMonths)) {
      worse.push('The revenue share lasts less long.');
    }
  }
  if (IP_RANK[after.ip.policy] < IP_RANK[before.ip.policy]) worse.push(`The IP policy moved from ${before.ip.policy} to ${after.ip.policy}.`);
  if (EXCLUSIVITY_RANK[after.exclusivity] < EXCLUSIVITY_RANK[before.exclusivity]) {
    worse.push(`Selling the result to contributors' competitors moved from "${before.exclusivity}" to "${after.exclusivity}".`);
  }
  return worse;
}

/** A readable line diff of two versions (pretty JSON), for the terms history. */
export function diffTerms(before: Terms | null, after: Terms): { op: 'same' | 'added' | 'removed'; text: string }[] {
  return diffJson(before ?? {}, after).map((part) => ({ op: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value }));
}
