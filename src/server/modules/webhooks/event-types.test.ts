import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSubscribable, subscribes, TEST_EVENT_TYPE, WEBHOOK_EVENT_TYPES } from './event-types.js';

/** Event types without an organisation: they never go to webhooks. */
const PERSONAL = new Set(['user.signed_up', 'user.updated', 'user.password_changed', 'user.erased', 'token.created', 'token.revoked']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('webhook event types', () => {
  it('lists every event type the server records with a literal name', () => {
    const recorded = new Set<string>();
    for (const file of sources(join(import.meta.dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/type: (?:[^,{}]*\? )?'([a-z_]+\.[a-z_]+)'(?: : '([a-z_]+\.[a-z_]+)')?/g)) {
        for (const type of [match[1], match[2]]) if (type !== undefined) recorded.add(type);
      }
    }
    const missing = [...recorded].filter((type) => !PERSONAL.has(type) && type !== TEST_EVENT_TYPE && !isSubscribable(type));
    expect(missing, 'add these to WEBHOOK_EVENT_TYPES').toEqual([]);
    expect(recorded.has('contribution.created')).toBe(true);
  });

  it('matches exact types, families and everything, never the test event', () => {
    expect(subscribes(['contribution.created'], 'contribution.created')).toBe(true);
    expect(subscribes(['contribution.created'], 'contribution.revised')).toBe(false);
    expect(subscribes(['contribution.*'], 'contribution.revised')).toBe(true);
    expect(subscribes(['contribution.*'], 'comment.created')).toBe(false);
    expect(subscribes(['*'], 'org.updated')).toBe(true);
    expect(subscribes(['*'], TEST_EVENT_TYPE)).toBe(false);
    expect(isSubscribable('contribution.*')).toBe(true);
    expect(isSubscribable('nothing.*')).toBe(false);
    expect(isSubscribable('user.signed_up')).toBe(false);
    expect(WEBHOOK_EVENT_TYPES).not.toContain(TEST_EVENT_TYPE);
  });
});
