import { createHmac, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Time-ordered identifiers (UUIDv7): unique across nodes and sortable by creation time. */
export const newId = (): string => uuidv7();

/** A random secret for links and tokens, URL-safe, 256 bits. */
export const newSecret = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

/** Secrets are stored only as keyed hashes so a database leak does not leak sessions. */
export const hashSecret = (serverSecret: string, value: string): string =>
  createHmac('sha256', serverSecret).update(value).digest('base64url');
