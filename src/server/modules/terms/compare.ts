import { diffJson } from 'diff';
import type { Reward, Terms, Worsening } from './schemas.js';

/** How protective of the contributor each IP policy is (higher is better for them). */
const IP_RANK: Record<Terms['ip']['policy'], number> = { open_licence: 3, contributor_retains_with_licence: 3, joint: 2, assign_to_host: 1 };
const EXCLUSIVITY_RANK: Record<Terms['exclusivity'], number> = { no: 3, with_consent: 2, yes: 1 };


/** Rewards are compared within the same kind and unit: cash in EUR with cash in EUR, percentages with percentages. */
const rewardKey = (r: Reward) => `${r.kind}:${r.amount !== undefined ? (r.currency ?? '') : r.percentage !== undefined ? '%' : '-'}`;
const rewardValue = (r: Reward) => r.amount ?? r.percentage ?? 0;
const rewardText = (r: Reward) => (r.amount !== undefined ? `${r.amount}${r.currency ? ` ${r.currency}` : ''}` : r.percentage !== undefined ? `${r.percentage}%` : r.kind);

function groupRewards(rewards: Reward[]): Map<string, Reward[]> {
  const groups = new Map<string, Reward[]>();
  for (const reward of rewards) groups.set(rewardKey(reward), [...(groups.get(rewardKey(reward)) ?? []), reward]);
  for (const list of groups.values()) list.sort((a, b) => rewardValue(b) - rewardValue(a));
  return groups;
}

/** Rewards of one kind, largest first, paired with the new ones largest first: a missing partner is a removal, a smaller one a cut. */
function worseRewards(before: Reward[], after: Reward[]): Worsening[] {
  const worse: Worsening[] = [];
  const now = groupRewards(after);
  for (const [key, olds] of groupRewards(before)) {
    const news = now.get(key) ?? [];
    olds.forEach((old, i) => {
      const replacement = news[i];
      if (replacement === undefined) worse.push({ code: 'reward_removed', subject: old.kind, from: rewardText(old), message: `A ${old.kind} reward of ${rewardText(old)} was removed.` });
      else if (rewardValue(replacement) < rewardValue(old)) {
        worse.push({ code: 'reward_lowered', subject: old.kind, from: rewardText(old), to: rewardText(replacement), message: `A ${old.kind} reward went down from ${rewardText(old)} to ${rewardText(replacement)}.` });
      }
    });
  }
  return worse;
}

function worseShare(before: Terms['revenueShare'], after: Terms['revenueShare']): Worsening[] {
  if (before === null) return [];
  const worse: Worsening[] = [];
  const share = after?.percentage ?? 0;
  if (share < before.percentage) worse.push({ code: 'revenue_share_lowered', from: `${before.percentage}%`, to: `${share}%`, message: `The revenue share went down from ${before.percentage}% to ${share}%.` });
  const months = (d: number | null) => (d === null ? Infinity : d);
  if (after !== null && months(after.durationMonths) < months(before.durationMonths)) {
    const value = (d: number | null) => (d === null ? 'unlimited' : String(d));
    const text = (d: number | null) => (d === null ? 'for as long as the result earns' : `for ${d} months`);
    worse.push({ code: 'revenue_share_shortened', from: value(before.durationMonths), to: value(after.durationMonths), message: `The revenue share lasts less long: ${text(before.durationMonths)} before, ${text(after.durationMonths)} now.` });
  }
  return worse;
}

/**
 * What a new version makes worse for contributors than the old one: lower or removed
 * rewards, a smaller or shorter revenue share, a weaker IP position or exclusivity. Such an
 * amendment is allowed but governs only contributions made after it, and the history says so.
 */
export function worseForContributors(before: Terms, after: Terms): Worsening[] {
  const worse = [...worseRewards(before.rewards, after.rewards), ...worseShare(before.revenueShare, after.revenueShare)];
  if (IP_RANK[after.ip.policy] < IP_RANK[before.ip.policy]) {
    worse.push({ code: 'ip_weakened', from: before.ip.policy, to: after.ip.policy, message: `The IP policy moved from ${before.ip.policy} to ${after.ip.policy}.` });
  }
  if (EXCLUSIVITY_RANK[after.exclusivity] < EXCLUSIVITY_RANK[before.exclusivity]) {
    worse.push({ code: 'exclusivity_weakened', from: before.exclusivity, to: after.exclusivity, message: `Selling the result to contributors' competitors moved from "${before.exclusivity}" to "${after.exclusivity}".` });
  }
  return worse;
}

/** A readable line diff of two versions (pretty JSON), for the terms history. */
export function diffTerms(before: Terms | null, after: Terms): { op: 'same' | 'added' | 'removed'; text: string }[] {
  return diffJson(before ?? {}, after).map((part) => ({ op: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value }));
}
