import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp, type AppOptions, type Services } from '../../src/server/app.js';
import type { Config } from '../../src/server/config.js';
import { createDatabase, type DatabaseHandle, type Dialect } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import type { App } from '../../src/server/lib/http.js';
import { Client } from './client.js';
import { createTestDatabase, dialects, type TestDatabase } from './databases.js';

export const BASE_URL = 'http://moebius.test';
export const PASSWORD = 'correct horse battery';

export function testConfig(database: TestDatabase, overrides: Partial<Config> = {}): Config {
  return {
    databaseUrl: database.url,
    dialect: database.dialect,
    sqlitePath: database.dialect === 'sqlite' ? database.url.slice('sqlite:'.length) : null,
    port: 0,
    host: '127.0.0.1',
    baseUrl: BASE_URL,
    secret: 'test-secret-that-is-long-enough-0123456789',
    logLevel: 'silent',
    dataDir: database.dataDir,
    demo: false,
    smtpUrl: null,
    worker: false,
    // On in every test: each read after a write checks that the cache never serves stale data.
    readCache: true,
    trustProxy: false,
    heapGrowthPercent: 50,
    ...overrides,
  };
}

let counter = 0;
/** A unique e-mail for this run, readable in failures. */
export const uniqueEmail = (name = 'person') => `${name.toLowerCase().replace(/\W+/g, '.')}.${process.pid}.${++counter}@example.com`;

export interface Person {
  client: Client;
  user: { id: string; email: string; name: string };
}

/** A running app on a fresh, migrated database, with helpers to act as people. */
export class TestApp {
  constructor(
    readonly app: App,
    readonly services: Services,
    readonly database: DatabaseHandle,
    readonly config: Config,
    private readonly testDb: TestDatabase,
  ) {}

  /** `onQuery` sees the SQL of every statement the app runs. */
  static async start(dialect: Dialect, options: AppOptions = {}, overrides: Partial<Config> = {}, onQuery?: (sql: string) => void): Promise<TestApp> {
    const testDb = await createTestDatabase(dialect);
    const config = testConfig(testDb, overrides);
    const database = createDatabase(testDb.url, onQuery === undefined ? {} : { onQuery });
    await migrateToLatest(database);
    const { app, services } = await buildApp(config, database, { logger: false, ...options });
    await app.ready();
    return new TestApp(app, services, database, config, testDb);
  }

  get db() {
    return this.database.db;
  }

  client(): Client {
    return new Client(this.app, BASE_URL);
  }

  /** Signs up a new person and returns their signed-in client. */
  async person(name = 'Person'): Promise<Person> {
    const client = this.client();
    const response = await client.post<{ user: Person['user'] }>('/api/v1/auth/signup', { email: uniqueEmail(name), password: PASSWORD, name });
    if (response.status !== 201) throw new Error(`signup failed: ${response.status} ${JSON.stringify(response.body)}`);
    return { client, user: response.body.user };
  }

  /** Creates an organisation owned by `owner`; returns its slug. */
  async org(owner: Person, visibility: 'public' | 'private' = 'public'): Promise<string> {
    const slug = `org-${process.pid}-${++counter}`;
    const response = await owner.client.post('/api/v1/orgs', { name: `Org ${counter}`, slug, visibility });
    if (response.status !== 201) throw new Error(`org failed: ${response.status} ${JSON.stringify(response.body)}`);
    return slug;
  }

  /** Makes `person` a member of `slug` with `role`, through a real invitation. */
  async join(owner: Person, slug: string, person: Person, role: string, kind = 'customer'): Promise<void> {
    const invited = await owner.client.post<{ acceptUrl: string }>(`/api/v1/orgs/${slug}/invitations`, { email: person.user.email, kind, role });
    if (invited.status !== 201) throw new Error(`invite failed: ${invited.status} ${JSON.stringify(invited.body)}`);
    const token = invited.body.acceptUrl.split('/').pop() ?? '';
    const accepted = await person.client.post(`/api/v1/invitations/${token}/accept`);
    if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  }

  /** The .eml files written by the file mailer, oldest first. */
  mails(): string[] {
    const dir = join(this.config.dataDir, 'mail');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .sort()
      .map((file) => readFileSync(join(dir, file), 'utf8'));
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.database.close();
    await this.testDb.drop();
  }
}

/**
 * Runs `body` once per database dialect, each with its own fresh database.
 * Inside, `t()` returns the running TestApp.
 */
export function describeEachDatabase(title: string, body: (t: () => TestApp, dialect: Dialect) => void, options: AppOptions = {}): void {
  for (const dialect of dialects()) {
    describe(`${title} [${dialect}]`, () => {
      let current: TestApp | null = null;
      beforeAll(async () => {
        current = await TestApp.start(dialect, options);
      });
      afterAll(async () => {
        await current?.close();
      });
      body(() => {
        if (current === null) throw new Error('the test app is not running');
        return current;
      }, dialect);
    });
  }
}
