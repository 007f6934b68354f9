/** How much data each scale makes. Supports, comments and follows are spread with Zipf-like skew. */
export interface Scale {
  name: string;
  members: number;
  /** Stewards of the organisation besides its owner; they steward every initiative. */
  stewards: number;
  initiatives: number;
  contributions: number;
  comments: number;
  supports: number;
  /** Including each author following their own contribution (as the app does). */
  follows: number;
  /** Members given an API token for the load tests. */
  tokens: number;
  /** Days of activity before the anchor date. */
  days: number;
}

export const SCALES = {
  tiny: { name: 'tiny', members: 100, stewards: 2, initiatives: 2, contributions: 120, comments: 400, supports: 1_500, follows: 250, tokens: 5, days: 30 },
  small: { name: 'small', members: 1_000, stewards: 3, initiatives: 2, contributions: 2_000, comments: 10_000, supports: 40_000, follows: 4_000, tokens: 50, days: 60 },
  madrid: { name: 'madrid', members: 500_000, stewards: 10, initiatives: 20, contributions: 50_000, comments: 250_000, supports: 2_000_000, follows: 100_000, tokens: 500, days: 365 },
} as const satisfies Record<string, Scale>;

export type ScaleName = keyof typeof SCALES;

export const isScaleName = (name: string): name is ScaleName => Object.hasOwn(SCALES, name);
