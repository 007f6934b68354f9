import type { ColumnDataType, CreateTableBuilder } from 'kysely';
import type { Dialect } from '../database.js';

/** Column types that differ between the dialects, named once for every migration. */
export const columnTypes = (dialect: Dialect) => ({
  /** ISO-8601 UTC text on SQLite, timestamptz on PostgreSQL. */
  time: (dialect === 'postgres' ? 'timestamptz' : 'text') as ColumnDataType,
  json: (dialect === 'postgres' ? 'jsonb' : 'text') as ColumnDataType,
});

/** An auto-incrementing integer primary key (outbox order, cursors). */
export function serialId<T extends string>(table: CreateTableBuilder<T>, dialect: Dialect): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
