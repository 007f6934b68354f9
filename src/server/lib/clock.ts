/** Injectable time source so tests can move time (expiry, response targets). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests and tools: starts at `start` and moves only when told. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-01-01T00:00:00.000Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

export const iso = (clock: Clock): string => clock.now().toISOString();

export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * 86_400_000);
