import { readFileSync } from 'node:fs';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { loadConfig } from '../server/config.js';
import { buildApp } from '../server/app.js';
import { createDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { DEMO_LOGIN, seedDemo } from '../server/demo/seed.js';
import { invalidField } from '../server/lib/errors.js';
import { limitHeapGrowth } from '../server/lib/heap.js';
import { hashPassword } from '../server/modules/accounts/passwords.js';
import { startServer } from '../server/runtime.js';

export async function start(): Promise<void> {
  const config = loadConfig();
  limitHeapGrowth(config.heapGrowthPercent);
  const running = await startServer(config);
  const address = config.baseUrl;
  console.log(`\nMoebius is running at ${address}  (API docs: ${address}/api/docs)`);
  console.log(`Database: ${config.dialect === 'sqlite' ? config.sqlitePath : 'PostgreSQL'}`);
  if (running.demoLogin) {
    console.log(`Demo login: ${running.demoLogin.email} / ${running.demoLogin.password}  (organisation "Acme Outdoor")`);
  } else if (config.dialect === 'sqlite' && config.demo) {
    console.log(`Demo login (if the demo was seeded earlier): ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
  }
  process.once('SIGINT', () => stopGracefully(running, 'SIGINT'));
  process.once('SIGTERM', () => stopGracefully(running, 'SIGTERM'));
}

/** How long open requests and the worker's current pass get to finish before the process quits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Finishes what is in flight and exits; a second signal, or the grace period running out, exits at once. */
function stopGracefully(running: { app: { log: FastifyBaseLogger }; close(): Promise<void> }, signal: string): void {
  running.app.log.info({ signal }, 'shutting down');
  const force = () => {
    running.app.log.warn({ signal }, 'did not finish shutting down in time; exiting now');
    process.exit(1);
  };
  setTimeout(force, SHUTDOWN_GRACE_MS).unref();
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}

/** A database handle and the services, without listening: for one-off tasks. */
async function withServices<T>(task: (services: Awaited<ReturnType<typeof buildApp>>['services'], db: ReturnType<typeof createDatabase>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = createDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database);
    const { app, services } = await buildApp(config, database, { logger: false });
    try {
      return await task(services, database);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

/** Only the dispatch worker: delivers notifications, e-mail and webhooks; run as many as wanted. */
export async function worker(): Promise<void> {
  const config = loadConfig();
  limitHeapGrowth(config.heapGrowthPercent);
  const database = createDatabase(config.databaseUrl);
  await migrateToLatest(database);
  const { app, services } = await buildApp(config, database);
  services.dispatch.worker.start();
  console.log(`Moebius worker ${services.dispatch.dispatcher.workerId} is delivering (database: ${config.dialect === 'sqlite' ? config.sqlitePath : 'PostgreSQL'}).`);
  const running = { app, close: () => app.close().then(() => database.close()) };
  process.once('SIGINT', () => stopGracefully(running, 'SIGINT'));
  process.once('SIGTERM', () => stopGracefully(running, 'SIGTERM'));
}

export async function migrate(): Promise<void> {
  const config = loadConfig();
  const database = createDatabase(config.databaseUrl);
  try {
    const applied = await migrateToLatest(database);
    console.log(applied.length === 0 ? 'The database is up to date.' : `Applied: ${applied.join(', ')}`);
  } finally {
    await database.close();
  }
}

export async function seed(): Promise<void> {
  const seeded = await withServices((services, database) => seedDemo(services, database.db));
  console.log(seeded ? `Seeded "Acme Outdoor". Log in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}` : 'The demo is there already; nothing changed.');
}

export async function adminCreateUser(values: { email?: string; name?: string; password?: string; 'password-stdin'?: boolean }): Promise<void> {
  const password = values['password-stdin'] ? readFileSync(0, 'utf8').replace(/\r?\n$/, '') : values.password;
  // The same rules as sign-up: validate through the API's own schema.
  const probe = Fastify({ logger: false });
  const { SignupBody } = await import('../server/modules/accounts/schemas.js');
  const { installValidation } = await import('../server/plugins/validation.js');
  installValidation(probe);
  const validate = probe.validatorCompiler
    ? probe.validatorCompiler({ schema: SignupBody, method: 'POST', url: '/', httpPart: 'body' })
    : null;
  const input = { email: values.email, name: values.name, password };
  if (validate && validate(input) !== true) {
    // The compiled validator reports what failed on its `errors` property, as Ajv's do.
    const { errors } = validate as { errors?: { instancePath: string; message?: string }[] | null };
    const what = (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ') || 'invalid';
    throw invalidField('/', `--email, --name and a password of at least 10 characters are required (${what})`);
  }
  const user = await withServices(async (services, database) => {
    const passwordHash = await hashPassword(password ?? '');
    return database.db.transaction().execute((trx) => services.accounts.createAccount(trx, { email: values.email ?? '', name: values.name ?? '', passwordHash }));
  });
  console.log(`Created ${user.email} (${user.id}).`);
}

/** Exit code 0 when every sealed terms version still matches its hash, 1 otherwise. */
export async function verifyTerms(): Promise<number> {
  const { mismatches, total } = await withServices(async (services, database) => ({
    mismatches: await services.ledger.verify(database.db),
    total: Number((await database.db.selectFrom('termsVersions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  }));
  if (mismatches.length === 0) {
    console.log(`All ${total} sealed terms versions match their hashes.`);
    return 0;
  }
  for (const m of mismatches) {
    console.error(`MISMATCH initiative ${m.initiativeId} version ${m.version}: stored ${m.stored}, computed ${m.computed}`);
  }
  console.error(`${mismatches.length} of ${total} sealed terms versions do not match their hashes.`);
  return 1;
}
