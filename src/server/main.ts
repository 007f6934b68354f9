import { main } from '../cli/main.js';

// `tsx src/server/main.ts` during development: the same as `moebius start`.
await main(['start', ...process.argv.slice(2)]);
