import { describe, expect, it } from 'vitest';
import { worseForContributors } from './compare.js';
import { defaultTerms } from './rules.js';
import type { Reward, Terms } from './schemas.js';

const cash = (amount: number, currency = 'EUR'): Reward => ({ kind: 'cash', amount, currency, earnedBy: 'The best idea.' });
const terms = (over: Partial<Terms>): Terms => ({ ...defaultTerms(), ...over });
const codes = (before: Partial<Terms>, after: Partial<Terms>) => worseForContributors(terms(before), terms(after)).map((w) => `${w.code} ${w.from ?? ''}→${w.to ?? ''}`);

describe('what an amendment makes worse for contributors', () => {
  it('does not flag a second, smaller reward of the same kind added next to the first', () => {
    expect(codes({ rewards: [cash(5000)] }, { rewards: [cash(5000), cash(1000)] })).toEqual([]);
  });

  it('pairs rewards of one kind largest first: cutting or dropping either is flagged', () => {
    expect(codes({ rewards: [cash(5000), cash(1000)] }, { rewards: [cash(1000)] })).toEqual(['reward_lowered 5000 EUR→1000 EUR', 'reward_removed 1000 EUR→']);
    expect(codes({ rewards: [cash(1000), cash(5000)] }, { rewards: [cash(5000), cash(500)] })).toEqual(['reward_lowered 1000 EUR→500 EUR']);
  });

  it('compares only like with like: another currency or kind is a removal, not a raise', () => {
    expect(codes({ rewards: [cash(100)] }, { rewards: [cash(1000, 'SEK')] })).toEqual(['reward_removed 100 EUR→']);
    expect(codes({ rewards: [cash(100)] }, { rewards: [{ kind: 'points', amount: 1000, earnedBy: 'Each idea.' }] })).toEqual(['reward_removed 100 EUR→']);
    expect(codes({ rewards: [{ kind: 'royalty', percentage: 3, earnedBy: 'Sales.' }] }, { rewards: [{ kind: 'royalty', percentage: 2, earnedBy: 'Sales.' }] })).toEqual(['reward_lowered 3%→2%']);
  });

  it('flags a smaller, shorter or removed revenue share, and accepts a new or longer one', () => {
    const share = (percentage: number, durationMonths: number | null) => ({ revenueShare: { percentage, of: 'net sales', durationMonths } });
    expect(codes(share(2, null), share(2, 24))).toEqual(['revenue_share_shortened unlimited→24']);
    expect(codes(share(2, 24), { revenueShare: null })).toEqual(['revenue_share_lowered 2%→0%']);
    expect(codes({ revenueShare: null }, share(1, 12))).toEqual([]);
    expect(codes(share(2, 24), share(3, null))).toEqual([]);
  });

  it('ranks IP and exclusivity by how well they protect the contributor', () => {
    expect(codes({ ip: { policy: 'joint' } }, { ip: { policy: 'assign_to_host' } })).toEqual(['ip_weakened joint→assign_to_host']);
    expect(codes({ ip: { policy: 'assign_to_host' } }, { ip: { policy: 'open_licence', licence: 'CC-BY-4.0' } })).toEqual([]);
    expect(codes({ exclusivity: 'with_consent' }, { exclusivity: 'yes' })).toEqual(['exclusivity_weakened with_consent→yes']);
    expect(codes({ exclusivity: 'with_consent' }, { exclusivity: 'no' })).toEqual([]);
  });
});
