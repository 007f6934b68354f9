import { invalidField } from '../../lib/errors.js';
import { decodeCursor } from '../../lib/pagination.js';

/**
 * A cursor keyed by a time: the key must be an ISO-8601 UTC time, or PostgreSQL would refuse to
 * compare it with a timestamptz column (a forged cursor must be a 422, never a 5xx).
 */
export function decodeTimeCursor(raw: string | undefined): { at: string; id: string } | null {
  const cursor = decodeCursor(raw);
  if (cursor === null) return null;
  if (typeof cursor.key !== 'string' || !isIssuedTime(cursor.key) || !isId(cursor.id)) throw forged();
  return { at: cursor.key, id: cursor.id };
}

/** A cursor keyed by an id (UUIDv7, so in time order). */
export function decodeIdCursor(raw: string | undefined): string | null {
  const cursor = decodeCursor(raw);
  if (cursor === null) return null;
  if (!isId(cursor.id)) throw forged();
  return cursor.id;
}

const forged = () => invalidField('/cursor', 'is not a cursor this server issued', 'invalid_cursor');

/** Ids are short and printable; a NUL would make PostgreSQL refuse the query. */
const isId = (id: unknown): id is string => typeof id === 'string' && /^[\w-]{1,64}$/.test(id);

/** Times are written by `toISOString()` on both dialects, so an issued key reads back unchanged. */
function isIssuedTime(key: string): boolean {
  const time = new Date(key);
  return !Number.isNaN(time.getTime()) && time.toISOString() === key;
}
