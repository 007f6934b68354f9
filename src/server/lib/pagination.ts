import { Type, type Static, type TSchema } from 'typebox';
import { invalidField } from './errors.js';

export const PageQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 512, description: 'Opaque cursor from a previous page.' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
export type PageQuery = Static<typeof PageQuery>;

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `cursor` for the next page; null on the last page.' }),
  });

export interface PageResult<T> {
  items: T[];
  nextCursor: string | null;
}

/** A keyset cursor: the sort key and id of the last item of a page. */
export interface Cursor {
  key: string | number;
  id: string | number;
}

export const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (raw === undefined || raw === '') return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && 'key' in value && 'id' in value) {
      const { key, id } = value as Record<string, unknown>;
      if ((typeof key === 'string' || typeof key === 'number') && (typeof id === 'string' || typeof id === 'number')) {
        return { key, id };
      }
    }
  } catch {
    // fall through to the error below
  }
  throw invalidField('/cursor', 'is not a cursor this server issued', 'invalid_cursor');
}

/** Given `limit + 1` rows, returns the page and the cursor for the next one. */
export function toPage<R, T>(rows: R[], limit: number, cursorOf: (row: R) => Cursor, present: (row: R) => T): PageResult<T> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(present),
    nextCursor: more && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}
