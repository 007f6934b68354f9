import { sql, type RawBuilder } from 'kysely';
import type { Context } from '../../context.js';
import type { Actor } from '../../lib/actor.js';
import { invalidField } from '../../lib/errors.js';
import { decodeCursor, toPage, type Cursor, type PageResult } from '../../lib/pagination.js';
import { excerptOf } from '../contributions/present.js';
import type { InitiativesService } from '../initiatives/service.js';
import { PG_DOCUMENT } from '../../db/migrations/0003_contributions.js';
import { anyTermFts5, anyTermTsquery, lookupKeys, requireWords, toFts5, toWebsearch } from './query.js';
import { inIds, readableInitiatives, type Readable } from './readable.js';
import type { SearchHit, SearchQuery, SimilarBody, SimilarContribution } from './schemas.js';
import { MATCH_END, MATCH_START, plain, toSegments } from './segments.js';
import { cosine, inverseFrequencies, termCounts, terms, vectorOf, type Term } from './text.js';

/** How many contributions the index proposes before similarity re-ranks them: keeps it fast. */
const CANDIDATES = 50;
/** Below this cosine similarity two texts are not about the same thing (tuned on test/support/gear-corpus.ts). */
export const SIMILAR_THRESHOLD = 0.1;
const MAX_QUERY_TERMS = 24;

const DOCUMENT = sql.raw(PG_DOCUMENT);
// bm25 weights per column: subject_type, subject_id, contribution_id, initiative_id (unindexed), title, body.
const BM25 = sql.raw('bm25(search_index, 0, 0, 0, 0, 3.0, 1.0)');

interface RankedRow {
  rowId: number | null;
  subjectType: 'contribution' | 'comment';
  subjectId: string;
  contributionId: string;
  score: number;
}

interface MarkedRow {
  key: string | number;
  titleMarked: string;
  snippetMarked: string;
}

/** Full-text search over what readers may see, and "similar to what I am writing". */
export class SearchService {
  constructor(
    private readonly ctx: Context,
    private readonly initiatives: InitiativesService,
  ) {}

  /** Contributions and comments matching `q`, best first, in the initiatives this reader may see. */
  async search(actor: Actor | null, query: SearchQuery): Promise<PageResult<SearchHit>> {
    const parsed = requireWords(query.q);
    const limit = query.limit ?? 20;
    const cursor = searchCursor(query.cursor);
    const scope = await this.scope(actor, query.initiative);
    if (scope.titles.size === 0) return { items: [], nextCursor: null };
    const match = this.ctx.dialect === 'sqlite' ? toFts5(parsed) : toWebsearch(parsed);
    const rows = await this.guard(() => rankQuery(this.ctx.dialect, match, scope, actor?.userId ?? '', cursor, limit + 1).execute(this.ctx.db)).then((r) => r.rows);
    const page = rows.slice(0, limit);
    const [marked, contributions] = await Promise.all([this.mark(match, page), this.contributions(page.map((r) => r.contributionId))]);
    const result = toPage(rows, limit, (r) => ({ key: Number(r.score), id: r.subjectId }), (r): SearchHit | null => {
      const c = contributions.get(r.contributionId);
      if (c === undefined) return null;
      const m = marked.get(this.ctx.dialect === 'sqlite' ? Number(r.rowId) : r.subjectId);
      return {
        subjectType: r.subjectType,
        commentId: r.subjectType === 'comment' ? r.subjectId : null,
        score: Number(r.score),
        title: r.subjectType === 'contribution' && m ? toSegments(m.titleMarked) : plain(c.title),
        snippet: m ? toSegments(m.snippetMarked) : [],
        contribution: { ...c, initiativeTitle: scope.titles.get(c.initiativeId) ?? '' },
      };
    });
    return { items: result.items.filter((hit) => hit !== null), nextCursor: result.nextCursor };
  }

  /**
   * The contributions of an initiative most like a draft: the index proposes candidates sharing
   * any of its words (OR, best ranked first, at most 50), then the cosine similarity of their
   * TF-IDF vectors re-ranks them and drops weak matches. Hidden and merged ones never appear.
   */
  async similar(actor: Actor | null, initiativeId: string, body: SimilarBody): Promise<{ items: SimilarContribution[] }> {
    await this.initiatives.authorize(actor, initiativeId);
    const draft = termCounts(body.title, body.body ?? '');
    const distinct = distinctTerms([...terms(body.title), ...terms(body.body ?? '')], draft).slice(0, MAX_QUERY_TERMS);
    if (distinct.length === 0) return { items: [] };
    const keys = lookupKeys(distinct, this.ctx.dialect, MAX_QUERY_TERMS * 2);
    const candidates = (await this.guard(() => candidateQuery(this.ctx.dialect, keys, initiativeId).execute(this.ctx.db))).rows;
    const documents = candidates.map((c) => ({ id: c.id, counts: termCounts(c.title, c.body) }));
    const idf = inverseFrequencies([draft, ...documents.map((d) => d.counts)]);
    const mine = vectorOf(draft, idf);
    const wordOf = new Map(distinct.map((t) => [t.stem, t.written]));
    const scored = documents
      .map((d) => {
        const theirs = vectorOf(d.counts, idf);
        const weight = ([term, w]: [string, number]) => w * (theirs.get(term) ?? 0);
        const shared = [...mine].filter(([term]) => theirs.has(term)).sort((a, b) => weight(b) - weight(a));
        return { id: d.id, score: cosine(mine, theirs), sharedTerms: shared.slice(0, 3).map(([term]) => wordOf.get(term) ?? term) };
      })
      .filter((s) => s.score >= SIMILAR_THRESHOLD)
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, body.limit ?? 5);
    if (scored.length === 0) return { items: [] };
    const rows = await this.ctx.db.selectFrom('contributions').select(['id', 'title', 'kind', 'status', 'body', 'supportCount']).where('id', 'in', scored.map((s) => s.id)).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return {
      items: scored.flatMap((s) => {
        const r = byId.get(s.id);
        if (r === undefined) return [];
        return { id: r.id, title: r.title, kind: r.kind as SimilarContribution['kind'], status: r.status as SimilarContribution['status'], excerpt: excerptOf(r.body, 160), supportCount: r.supportCount, score: Math.round(s.score * 1000) / 1000, sharedTerms: s.sharedTerms };
      }),
    };
  }

  /** One initiative (404 unless visible) or every initiative this reader may see. */
  private async scope(actor: Actor | null, initiativeId: string | undefined): Promise<Readable> {
    if (initiativeId === undefined) return readableInitiatives(this.ctx.db, actor);
    const access = await this.initiatives.authorize(actor, initiativeId);
    const host = access.steward || access.membership?.role === 'owner';
    return { titles: new Map([[access.initiative.id, access.initiative.title]]), hosted: new Set(host ? [access.initiative.id] : []) };
  }

  /** Titles highlighted and body snippets of one page of hits, computed for that page only. */
  private async mark(match: string, page: RankedRow[]): Promise<Map<string | number, MarkedRow>> {
    if (page.length === 0) return new Map();
    const query =
      this.ctx.dialect === 'sqlite'
        ? sql<MarkedRow>`select rowid as key, highlight(search_index, 4, ${MATCH_START}, ${MATCH_END}) as title_marked,
            snippet(search_index, 5, ${MATCH_START}, ${MATCH_END}, '…', 24) as snippet_marked
            from search_index where search_index match ${match} and rowid in (select value from json_each(${JSON.stringify(page.map((r) => Number(r.rowId)))}))`
        : sql<MarkedRow>`select subject_id as key,
            ts_headline('simple', title, websearch_to_tsquery('simple', ${match}), ${`HighlightAll=true, StartSel=${MATCH_START}, StopSel=${MATCH_END}`}) as title_marked,
            ts_headline('simple', body, websearch_to_tsquery('simple', ${match}), ${`MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … ", StartSel=${MATCH_START}, StopSel=${MATCH_END}`}) as snippet_marked
            from search_index where ${inIds('postgres', sql`subject_id`, page.map((r) => r.subjectId))}`;
    const rows = (await this.guard(() => query.execute(this.ctx.db))).rows;
    return new Map(rows.map((r) => [typeof r.key === 'string' ? r.key : Number(r.key), r]));
  }

  private async contributions(ids: string[]) {
    if (ids.length === 0) return new Map<string, Omit<SearchHit['contribution'], 'initiativeTitle'>>();
    const rows = await this.ctx.db
      .selectFrom('contributions as c')
      .leftJoin('contributions as t', 't.id', 'c.mergedIntoId')
      .select(['c.id', 'c.title', 'c.kind', 'c.status', 'c.initiativeId', 'c.hiddenAt', 't.id as targetId', 't.title as targetTitle'])
      .where('c.id', 'in', [...new Set(ids)])
      .execute();
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id, title: r.title, kind: r.kind as SearchHit['contribution']['kind'], status: r.status as SearchHit['contribution']['status'], initiativeId: r.initiativeId,
          hidden: r.hiddenAt !== null, mergedInto: r.targetId !== null && r.targetTitle !== null ? { id: r.targetId, title: r.targetTitle } : null,
        },
      ]),
    );
  }

  /** An FTS5 syntax error is the query's fault, never a 500 (every word is quoted; this is the belt to those braces). */
  private async guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof Error && /fts5|syntax error|tsquery/i.test(error.message)) throw invalidField('/q', 'could not be understood as a search', 'query_not_understood');
      throw error;
    }
  }
}

/** A search cursor carries the score and subject id of the last hit. */
function searchCursor(raw: string | undefined): Cursor | null {
  const cursor = decodeCursor(raw);
  if (cursor !== null && (typeof cursor.key !== 'number' || !Number.isFinite(cursor.key) || typeof cursor.id !== 'string')) {
    throw invalidField('/cursor', 'is not a cursor this server issued', 'invalid_cursor');
  }
  return cursor;
}

/** The stems of a text once each, title words first, then by how often they occur. */
function distinctTerms(list: Term[], counts: Map<string, number>): Term[] {
  const seen = new Map<string, Term>();
  for (const t of list) if (!seen.has(t.stem)) seen.set(t.stem, t);
  return [...seen.values()].sort((a, b) => (counts.get(b.stem) ?? 0) - (counts.get(a.stem) ?? 0));
}

/**
 * Hits in scope, ranked (best first, then by subject id), after the cursor. A contribution
 * hidden by the stewards shows only to its authors and the hosts; a hidden comment only to
 * its author and the hosts. On PostgreSQL the document expression is spelled exactly as the
 * GIN index's, so the index serves the match.
 */
export function rankQuery(dialect: Context['dialect'], match: string, scope: Readable, userId: string, cursor: Cursor | null, limit: number): RawBuilder<RankedRow> {
  const hits =
    dialect === 'sqlite'
      ? sql`select search_index.rowid as row_id, subject_type, subject_id, contribution_id, -${BM25} as score from search_index where search_index match ${match}`
      : sql`select null as row_id, subject_type, subject_id, contribution_id, ts_rank(${DOCUMENT}, websearch_to_tsquery('simple', ${match}))::float8 as score
            from search_index where ${DOCUMENT} @@ websearch_to_tsquery('simple', ${match})`;
  const hosted = inIds(dialect, sql`c.initiative_id`, scope.hosted);
  const after = cursor === null ? sql`1 = 1` : sql`(hits.score < ${cursor.key} or (hits.score = ${cursor.key} and hits.subject_id > ${String(cursor.id)}))`;
  return sql<RankedRow>`select hits.* from (${hits}) hits
    join contributions c on c.id = hits.contribution_id
    left join comments cm on hits.subject_type = 'comment' and cm.id = hits.subject_id
    where ${inIds(dialect, sql`c.initiative_id`, scope.titles.keys())}
      and (c.hidden_at is null or ${hosted}
        or exists (select 1 from contribution_authors a where a.contribution_id = c.id and a.user_id = ${userId} and a.status = 'accepted'))
      and (hits.subject_type = 'contribution' or (cm.id is not null and (cm.hidden_at is null or cm.author_id = ${userId} or ${hosted})))
      and ${after}
    order by hits.score desc, hits.subject_id asc
    limit ${limit}`;
}

/** Contributions of one initiative sharing any of the keys, not hidden, not merged; best ranked first. */
function candidateQuery(dialect: Context['dialect'], keys: string[], initiativeId: string): RawBuilder<{ id: string; title: string; body: string }> {
  if (dialect === 'sqlite') {
    return sql`select c.id, search_index.title, search_index.body, -${BM25} as score
      from search_index join contributions c on c.id = search_index.contribution_id
      where search_index match ${anyTermFts5(keys)} and search_index.subject_type = 'contribution'
        and c.initiative_id = ${initiativeId} and c.hidden_at is null and c.merged_into_id is null
      order by score desc limit ${CANDIDATES}`;
  }
  const tsquery = anyTermTsquery(keys);
  return sql`select c.id, si.title, si.body from (
      select subject_id, title, body, ts_rank(${DOCUMENT}, to_tsquery('simple', ${tsquery}))::float8 as score from search_index
      where ${DOCUMENT} @@ to_tsquery('simple', ${tsquery}) and subject_type = 'contribution' and initiative_id = ${initiativeId}
    ) si join contributions c on c.id = si.subject_id
    where c.hidden_at is null and c.merged_into_id is null
    order by si.score desc, c.id limit ${CANDIDATES}`;
}
