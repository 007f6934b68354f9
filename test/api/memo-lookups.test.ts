import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNWATCHED_TABLES } from '../../src/server/db/memo-generation.js';
import type { Actor } from '../../src/server/lib/actor.js';
import { idea, openRoom, type Room } from '../support/contributions.js';
import type { Client } from '../support/client.js';
import { describeEachDatabase, TestApp, type Person } from '../support/test-app.js';

// The kept lookups (version-memo.ts) on SQLite outlive this process's writes to the tables in
// UNWATCHED_TABLES (memo-generation.ts). That is only sound while no kept lookup reads one of
// them: this holds every kept lookup to it, and checks that the lookups are kept through a
// support; and, on both databases, that a write changing what they answer drops them.

/** The tables a statement names (from, join, into, update). */
const tablesOf = (sql: string) => [...sql.matchAll(/\b(?:from|join|into|update)\s+"(\w+)"/gi)].map((m) => m[1] ?? '');

let queries: string[] | null = null;
let t: TestApp;
let room: Room;
let ana: Person;
let bea: Person;
let token: string;
/** Ana through her API token alone. */
let api: Client;

/** The SQL the app runs while `work` does. */
async function recorded(work: () => Promise<unknown>): Promise<string[]> {
  queries = [];
  try {
    await work();
    return queries;
  } finally {
    queries = null;
  }
}

const actorOf = (person: Person): Actor => ({ userId: person.user.id, name: person.user.name, email: person.user.email, via: 'token', sessionId: null, csrfToken: null });

/** Every kept lookup a support makes, and the session's, from nothing kept. */
async function keptLookups() {
  const { accounts, initiatives, gate } = t.services;
  await accounts.authenticateToken(token);
  await accounts.authenticateSession(bea.client.cookie ?? '');
  await initiatives.authorize(actorOf(ana), room.initiative.id);
  await gate.describe(actorOf(ana), room.initiative.id);
}

beforeAll(async () => {
  t = await TestApp.start('sqlite', {}, {}, (sql) => queries?.push(sql));
  room = await openRoom(t);
  ana = await room.participant('Ana');
  bea = await room.participant('Bea');
  const created = await ana.client.post<{ secret: string }>('/api/v1/me/tokens', { name: 'bench' });
  token = created.body.secret;
  api = t.client();
  api.bearer = token;
});
afterAll(async () => t.close());

describe('kept lookups across this process’s own writes (SQLite)', () => {
  it('read no table whose writes leave them kept', async () => {
    // A write to a watched table first, so that nothing is kept when they run.
    await t.db.updateTable('orgs').set({ updatedAt: new Date().toISOString() }).where('slug', '=', room.org).execute();
    const sql = await recorded(keptLookups);
    const tables = new Set(sql.flatMap(tablesOf));
    for (const table of ['api_tokens', 'sessions', 'users', 'initiatives', 'orgs', 'memberships', 'phases', 'terms_acceptances', 'org_blocks']) expect(tables).toContain(table);
    expect([...tables].filter((table) => UNWATCHED_TABLES.has(table))).toEqual([]);
  });

  it('are kept through supports and retractions, and answer again without the database', async () => {
    const host = room.host;
    const mine = await room.contribute(host, idea('Taped seams'));
    await keptLookups();
    expect((await api.post(`/api/v1/contributions/${mine.id}/support`)).status).toBe(200);
    expect((await api.request('DELETE', `/api/v1/contributions/${mine.id}/support`)).status).toBe(200);
    const sql = await recorded(keptLookups);
    expect(sql.flatMap(tablesOf)).toEqual([]);
  });
});

// On both databases (PostgreSQL keeps them under its data version).
describeEachDatabase('kept standing in an initiative', (tt) => {
  it('is dropped by a write that changes it: a block refuses the very next support', async () => {
    const room = await openRoom(tt());
    const ana = await room.participant('Ana');
    const mine = await room.contribute(room.host, idea('Welded zips'));
    const url = `/api/v1/contributions/${mine.id}/support`;
    // Her token, access and standing are kept now.
    expect((await ana.client.post(url)).status).toBe(200);
    const blocked = await room.host.client.post(`/api/v1/orgs/${room.org}/blocks`, { userId: ana.user.id, reason: 'Spam' });
    expect(blocked.status).toBe(201);
    // Retracting stays open to a blocked member; supporting again does not.
    expect((await ana.client.request('DELETE', url)).status).toBe(200);
    const again = await ana.client.post<{ error: { code: string } }>(url);
    expect([again.status, again.body.error.code]).toEqual([403, 'blocked']);
  });
});
