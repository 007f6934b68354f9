import type { Config } from './config.js';
import { buildApp, type AppOptions, type Services } from './app.js';
import { createDatabase, type DatabaseHandle } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { DEMO_LOGIN, isEmpty, seedDemo } from './demo/seed.js';
import type { App } from './lib/http.js';

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
    if (config.worker) services.dispatch.worker.start();
    return {
      app,
      services,
      database,
      demoLogin,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
