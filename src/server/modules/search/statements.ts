import { sql, type RawBuilder } from 'kysely';
import type { Context } from '../../context.js';
import { inIds, type Readable } from './readable.js';

// The SQL of search and similar, per dialect: FTS5 on SQLite, the GIN-indexed document on PostgreSQL.

// PostgreSQL's stored search document (migration 0007), GIN-indexed.
const DOCUMENT = sql.raw('document');
// bm25 weights per column: subject_type, subject_id, contribution_id, initiative_id (unindexed), title, body.
const BM25 = sql.raw('bm25(search_index, 0, 0, 0, 0, 3.0, 1.0)');

export interface RankedRow {
  rowId: number | null;
  subjectType: 'contribution' | 'comment';
  subjectId: string;
  contributionId: string;
  score: number;
}

/** The newest end of a window: at or below a key (a cursor's window), or strictly below (the next window). */
export interface Bound {
  key: string | number;
  inclusive: boolean;
}

/**
 * One window of hits: the `size` newest matches in scope at or below the bound, each with its
 * score (ranked by the caller). A contribution hidden by the stewards shows only to its authors
 * and the hosts; a hidden comment only to its author and the hosts. The scope and moderation
 * filters apply before the limit, so a window holds only what this reader may see; on SQLite
 * FTS5 walks its index newest first and stops after `size` (bm25 is computed for those only).
 * On PostgreSQL the stored `document` column (GIN-indexed) serves the match, whether the
 * planner walks the GIN index or the newest rows, and ts_rank runs on the window only.
 */
export function rankQuery(dialect: Context['dialect'], match: string, scope: Readable, userId: string, bound: Bound | null, size: number): RawBuilder<RankedRow> {
  const hosted = inIds(dialect, sql`c.initiative_id`, scope.hosted);
  const hits = sql.raw(dialect === 'sqlite' ? 'search_index' : 'hits');
  // `+c.initiative_id` keeps SQLite on the primary key for c: probing the (initiative_id, id)
  // index once per readable initiative for every hit costs far more.
  const initiative = dialect === 'sqlite' ? sql`+c.initiative_id` : sql`c.initiative_id`;
  const visible = sql`${inIds(dialect, initiative, scope.titles.keys())}
      and (c.hidden_at is null or ${hosted}
        or exists (select 1 from contribution_authors a where a.contribution_id = c.id and a.user_id = ${userId} and a.status = 'accepted'))
      and (${hits}.subject_type = 'contribution' or (cm.id is not null and (cm.hidden_at is null or cm.author_id = ${userId} or ${hosted})))`;
  if (dialect === 'sqlite') {
    // FTS5 knows the table by its name only (no alias) in MATCH and bm25().
    const below = bound === null ? sql`1 = 1` : bound.inclusive ? sql`search_index.rowid <= ${Number(bound.key)}` : sql`search_index.rowid < ${Number(bound.key)}`;
    return sql<RankedRow>`select search_index.rowid as row_id, search_index.subject_type, search_index.subject_id, search_index.contribution_id, -${BM25} as score
      from search_index
      join contributions c on c.id = search_index.contribution_id
      left join comments cm on search_index.subject_type = 'comment' and cm.id = search_index.subject_id
      where search_index match ${match} and ${below} and ${visible}
      order by search_index.rowid desc
      limit ${size}`;
  }
  const below = bound === null ? sql`1 = 1` : bound.inclusive ? sql`subject_id <= ${String(bound.key)}` : sql`subject_id < ${String(bound.key)}`;
  return sql<RankedRow>`select null as row_id, w.subject_type, w.subject_id, w.contribution_id, ts_rank(w.document, websearch_to_tsquery('simple', ${match}))::float8 as score
    from (
      select hits.subject_type, hits.subject_id, hits.contribution_id, hits.document
      from (select subject_type, subject_id, contribution_id, document from search_index where ${DOCUMENT} @@ websearch_to_tsquery('simple', ${match}) and ${below}) hits
      join contributions c on c.id = hits.contribution_id
      left join comments cm on hits.subject_type = 'comment' and cm.id = hits.subject_id
      where ${visible}
      order by hits.subject_id desc
      limit ${size}
    ) w`;
}

export interface TextRow {
  key: string | number;
  title: string;
  body: string;
}

/** The indexed title and body of one page of hits: by FTS5 rowid on SQLite, by subject on PostgreSQL. */
export function textsQuery(dialect: Context['dialect'], page: RankedRow[]): RawBuilder<TextRow> {
  return dialect === 'sqlite'
    ? sql<TextRow>`select s.rowid as key, s.title, s.body from json_each(${JSON.stringify(page.map((r) => Number(r.rowId)))}) j join search_index s on s.rowid = j.value`
    : sql<TextRow>`select subject_id as key, title, body from search_index where ${inIds('postgres', sql`subject_id`, page.map((r) => r.subjectId))}`;
}
