import { defineConfig } from 'vitest/config';

// Two projects: `api` (unit + API tests on SQLite, and PostgreSQL when MOEBIUS_TEST_POSTGRES_URL is set)
// and `e2e` (the built web app in Debian's Chromium through playwright-core).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'api',
          include: ['src/server/**/*.test.ts', 'test/api/**/*.test.ts', 'test/cli/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
