import { parseArgs } from 'node:util';
import { ConfigError } from '../server/config.js';
import { MigrationError } from '../server/db/migrate.js';
import { AppError } from '../server/lib/errors.js';
import { adminCreateUser, migrate, seed, start, verifyTerms, worker } from './commands.js';

const USAGE = `Usage: moebius <command> [options]

Commands:
  start                 migrate, seed the demo on a new embedded database, and serve
                        (with the delivery worker inside, unless MOEBIUS_WORKER=0)
  worker                only deliver: notifications, e-mail, webhooks (run as many as wanted)
  migrate               apply pending database migrations
  seed --demo           add the demo organisation "Acme Outdoor"
  admin create-user     create an account (--email, --name, --password-stdin or --password)
  verify-terms          recompute the hash of every sealed terms version; exit 1 on any mismatch

Run "moebius <command> --help" for a command's options. Configuration comes from
MOEBIUS_* environment variables; see README.md.`;

export const HELP: Record<string, string> = {
  start: `Usage: moebius start

Applies pending migrations, seeds the demo organisation when the embedded database is
new (unless MOEBIUS_DEMO=0), and serves the API and web app on MOEBIUS_HOST:MOEBIUS_PORT.`,
  worker: `Usage: moebius worker

Runs only the delivery worker: it hands every committed event to the consumers (in-app
notifications, e-mail, webhooks) and runs due jobs with retries. Several workers share the
work safely. Serve with MOEBIUS_WORKER=0 when the workers run on their own.`,
  migrate: `Usage: moebius migrate

Applies every pending forward-only migration to MOEBIUS_DATABASE_URL and lists them.`,
  seed: `Usage: moebius seed --demo

Adds the demo organisation "Acme Outdoor" with people of every protagonist kind.
Running it twice changes nothing.`,
  'verify-terms': `Usage: moebius verify-terms

Recomputes the SHA-256 of every sealed terms version from its stored canonical JSON and
reports any version whose bytes or hash changed. Exits 1 if any did, 0 otherwise.`,
  admin: `Usage: moebius admin create-user --email E --name N (--password-stdin | --password P)

Creates an account. Prefer --password-stdin so the password stays out of the process list.`,
};

/** Runs one command; the exit code says how it went (2: bad usage or configuration). */
export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      console.log(USAGE);
      return;
    }
    const help = HELP[command];
    if (help === undefined) {
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(help);
      return;
    }
    switch (command) {
      case 'start':
        parseArgs({ args: rest, options: {}, strict: true });
        await start();
        return;
      case 'worker':
        parseArgs({ args: rest, options: {}, strict: true });
        await worker();
        return;
      case 'migrate':
        parseArgs({ args: rest, options: {}, strict: true });
        await migrate();
        return;
      case 'seed': {
        const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' } }, strict: true });
        if (!values.demo) throw new UsageError('Say what to seed: moebius seed --demo');
        await seed();
        return;
      }
      case 'verify-terms':
        parseArgs({ args: rest, options: {}, strict: true });
        process.exitCode = await verifyTerms();
        return;
      case 'admin': {
        const [sub, ...args] = rest;
        if (sub !== 'create-user') throw new UsageError(`Unknown admin task "${sub ?? ''}". ${HELP.admin}`);
        const { values } = parseArgs({
          args,
          options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
          strict: true,
        });
        await adminCreateUser(values);
        return;
      }
    }
  } catch (error) {
    process.exitCode = report(error);
  }
}

export class UsageError extends Error {}

/** One clear sentence on stderr for the errors a person can fix; a stack trace only for bugs. */
function report(error: unknown): number {
  if (error instanceof ConfigError || error instanceof UsageError) {
    console.error(error.message);
    return 2;
  }
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`${error.message}. Run with --help to see the options.`);
    return 2;
  }
  if (error instanceof AppError) {
    console.error(`${error.message}${error.details.map((d) => ` ${d.path ?? ''} ${d.message}`).join(';')}`);
    return 1;
  }
  if (error instanceof MigrationError) {
    console.error(error.message);
    return 1;
  }
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (['ECONNREFUSED', 'ENOTFOUND', '3D000', '28P01', '28000'].includes(code)) {
    console.error(`Cannot reach the database (${code}): ${(error as Error).message}. Check MOEBIUS_DATABASE_URL.`);
    return 1;
  }
  console.error(error);
  return 1;
}
