import type { Config } from './config.js';
import { buildApp, type AppOptions, type Services } from './app.js';
import { createDatabase, type DatabaseHandle } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { DEMO_LOGIN, isEmpty, seedDemo } from './demo/seed.js';
import type { App } from './lib/http.js';

/**
 * The delivery worker starts this long after the server listens. A pass over a backlog (after a
 * restart, or the response-target alerts of a big database) keeps the event loop busy for
 * seconds; starting it at once held back the first requests, readiness probes included.
 */
export const WORKER_START_DELAY_MS = 1_000;

export interface Running {
  app: App;
  services: Services;
  database: DatabaseHandle;
  /** Set when the demo was seeded on this start. */
  demoLogin: typeof DEMO_LOGIN | null;
  close(): Promise<void>;
}

/** Opens the database, migrates, seeds the demo on a new embedded database, and listens. */
export async function startServer(config: Config, options: AppOptions = {}): Promise<Running> {
  const database = createDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database);
    const { app, services } = await buildApp(config, database, options);
    let demoLogin: typeof DEMO_LOGIN | null = null;
    if (config.demo && config.dialect === 'sqlite' && (await isEmpty(database.db))) {
      await seedDemo(services, database.db);
      demoLogin = DEMO_LOGIN;
    }
    await app.listen({ port: config.port, host: config.host });
    const startWorker = config.worker ? setTimeout(() => services.dispatch.worker.start(), WORKER_START_DELAY_MS) : null;
    let closing = false;
    const warm = setTimeout(() => {
      services.similarIndex.warm(() => closing).catch((error: unknown) => app.log.warn({ err: error }, 'warming the similar index failed'));
    }, WORKER_START_DELAY_MS);
    return {
      app,
      services,
      database,
      demoLogin,
      close: async () => {
        if (startWorker !== null) clearTimeout(startWorker);
        clearTimeout(warm);
        closing = true;
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
