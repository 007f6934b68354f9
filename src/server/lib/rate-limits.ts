/** Per-route limits; tests may lower or raise them through buildApp options. */
export interface RateLimits {
  /** Login attempts per IP address per minute. */
  login: number;
  /** Sign-ups and invitation acceptances per IP address per hour. */
  signup: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { login: 20, signup: 30 };

export const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: 60_000 } });
export const perHour = (max: number) => ({ rateLimit: { max, timeWindow: 3_600_000 } });
