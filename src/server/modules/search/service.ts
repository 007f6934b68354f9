import type { Context } from '../../context.js';
import type { Actor } from '../../lib/actor.js';
import { invalidField } from '../../lib/errors.js';
import { decodeCursor, toPage, type PageResult } from '../../lib/pagination.js';
import { reusable } from '../../db/reusable.js';
import { excerptOf } from '../contributions/present.js';
import type { InitiativesService } from '../initiatives/service.js';
import { markTitle, phrasesOf, snippet } from './marks.js';
import { requireWords, toFts5, toWebsearch } from './query.js';
import { readableInitiatives, type Readable } from './readable.js';
import { MAX_SIMILAR, type SearchHit, type SearchQuery, type SimilarBody, type SimilarContribution } from './schemas.js';
import { plain, toSegments } from './segments.js';
import type { SimilarIndex } from './similar-index.js';
import { similarTo } from './similar.js';
import { rankQuery, textsQuery, type Bound, type RankedRow } from './statements.js';

/** How many of the newest matches are ranked together (see search()). */
export const WINDOW = 100;

/** One slot per contribution a similar answer may hold (MAX_SIMILAR), and the initiative. */
type Slots = Record<string, string>;

/** Up to MAX_SIMILAR contributions of an initiative still shown, by id (compiled once; empty slots match nothing). */
const shownAmong = reusable((db, p: Slots) =>
  db
    .selectFrom('contributions')
    .select(['id', 'title', 'kind', 'status', 'body', 'supportCount'])
    .where('id', 'in', Array.from({ length: MAX_SIMILAR }, (_, i) => p[`id${i}`] ?? ''))
    .where('initiativeId', '=', p.initiativeId ?? '')
    .where('hiddenAt', 'is', null)
    .where('mergedIntoId', 'is', null),
);

function slotsOf(initiativeId: string, ids: string[]): Slots {
  const slots: Slots = { initiativeId };
  for (let i = 0; i < MAX_SIMILAR; i++) slots[`id${i}`] = ids[i] ?? '';
  return slots;
}

/** A ranked hit and the newest key of its window (for the cursor). */
interface WindowedRow extends RankedRow {
  top: string;
}


/** Full-text search over what readers may see, and "similar to what I am writing". */
export class SearchService {
  constructor(
    private readonly ctx: Context,
    private readonly initiatives: InitiativesService,
    private readonly texts: SimilarIndex,
  ) {}

  /**
   * Contributions and comments matching `q`, best first, in the initiatives this reader may see.
   * Ranking every match of a common word costs tens of milliseconds at city scale, so hits are
   * ranked a window at a time: the newest WINDOW readable matches, best first, then the next
   * WINDOW older ones, and so on. The cursor remembers its window, so pages never repeat or skip.
   */
  async search(actor: Actor | null, query: SearchQuery): Promise<PageResult<SearchHit>> {
    const parsed = requireWords(query.q);
    const limit = query.limit ?? 20;
    const cursor = searchCursor(query.cursor);
    const scope = await this.scope(actor, query.initiative);
    if (scope.titles.size === 0) return { items: [], nextCursor: null };
    const match = this.ctx.dialect === 'sqlite' ? toFts5(parsed) : toWebsearch(parsed);
    const rows = await this.guard(() => this.ranked(match, scope, actor?.userId ?? '', cursor, limit + 1));
    const page = rows.slice(0, limit);
    const [marked, contributions] = await Promise.all([this.mark(phrasesOf(parsed), page), this.contributions(page.map((r) => r.contributionId))]);
    const result = toPage(rows, limit, (r) => ({ key: Number(r.score), id: `${r.top} ${r.subjectId}` }), (r): SearchHit | null => {
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

  /** Up to `count` hits after the cursor: each window ranked best first, newer windows first. */
  private async ranked(match: string, scope: Readable, userId: string, cursor: SearchCursor | null, count: number): Promise<WindowedRow[]> {
    const out: WindowedRow[] = [];
    let bound: Bound | null = cursor?.top === undefined || cursor.top === null ? null : { key: cursor.top, inclusive: true };
    let first = true;
    while (out.length < count) {
      const rows = (await rankQuery(this.ctx.dialect, match, scope, userId, bound, WINDOW).execute(this.ctx.db)).rows;
      const newest = rows[0];
      if (newest === undefined) break;
      const top = bound?.inclusive === true ? bound.key : windowKey(this.ctx.dialect, newest);
      const after = first && cursor !== null ? cursor : null;
      const sorted = rows
        .filter((r) => after === null || Number(r.score) < after.score || (Number(r.score) === after.score && r.subjectId > after.subjectId))
        .sort((a, b) => Number(b.score) - Number(a.score) || (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0));
      for (const r of sorted) out.push({ ...r, top: String(top) });
      const oldest = rows[rows.length - 1];
      if (rows.length < WINDOW || oldest === undefined) break;
      bound = { key: windowKey(this.ctx.dialect, oldest), inclusive: false };
      first = false;
    }
    return out.slice(0, count);
  }

  /**
   * The contributions of an initiative most like a draft (see similar.ts), from the in-memory
   * index of its texts. Hidden and merged ones never appear: the answer is checked against the
   * database, which has the last word over the index.
   */
  async similar(actor: Actor | null, initiativeId: string, body: SimilarBody): Promise<{ items: SimilarContribution[] }> {
    await this.initiatives.authorize(actor, initiativeId);
    const texts = await this.texts.texts(initiativeId);
    const scored = similarTo(this.texts, texts, { title: body.title, body: body.body ?? '' });
    const limit = body.limit ?? 5;
    const items: SimilarContribution[] = [];
    // The best first: usually all of them are still shown, so one read of `limit` rows answers.
    for (let from = 0; from < scored.length && items.length < limit; from += limit) {
      const batch = scored.slice(from, from + limit);
      const rows = await shownAmong.all(this.ctx.db, slotsOf(initiativeId, batch.map((s) => s.id)));
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const s of batch) {
        const r = byId.get(s.id);
        if (r === undefined || items.length >= limit) continue;
        items.push({ id: r.id, title: r.title, kind: r.kind as SimilarContribution['kind'], status: r.status as SimilarContribution['status'], excerpt: excerptOf(r.body, 160), supportCount: r.supportCount, score: Math.round(s.score * 1000) / 1000, sharedTerms: s.sharedTerms });
      }
    }
    return { items };
  }

  /** One initiative (404 unless visible) or every initiative this reader may see. */
  private async scope(actor: Actor | null, initiativeId: string | undefined): Promise<Readable> {
    if (initiativeId === undefined) return readableInitiatives(this.ctx.db, actor);
    const access = await this.initiatives.authorize(actor, initiativeId);
    const host = access.steward || access.membership?.role === 'owner';
    return { titles: new Map([[access.initiative.id, access.initiative.title]]), hosted: new Set(host ? [access.initiative.id] : []) };
  }

  /** Titles highlighted and body snippets of one page of hits, computed for that page only (marks.ts). */
  private async mark(phrases: string[][], page: RankedRow[]): Promise<Map<string | number, { titleMarked: string; snippetMarked: string }>> {
    if (page.length === 0) return new Map();
    const rows = (await textsQuery(this.ctx.dialect, page).execute(this.ctx.db)).rows;
    return new Map(rows.map((r) => [typeof r.key === 'string' ? r.key : Number(r.key), { titleMarked: markTitle(r.title, phrases), snippetMarked: snippet(r.body, phrases) }]));
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

/** Where a page ends: the score and subject id of its last hit, and the newest key of that hit's window. */
interface SearchCursor {
  score: number;
  subjectId: string;
  top: string | number | null;
}

/** A search cursor carries the score, and the window's newest key and the subject id of the last hit. */
function searchCursor(raw: string | undefined): SearchCursor | null {
  const cursor = decodeCursor(raw);
  if (cursor === null) return null;
  if (typeof cursor.key !== 'number' || !Number.isFinite(cursor.key) || typeof cursor.id !== 'string') {
    throw invalidField('/cursor', 'is not a cursor this server issued', 'invalid_cursor');
  }
  const space = cursor.id.indexOf(' ');
  // A cursor from before windows (no space) starts from the newest window.
  if (space < 0) return { score: cursor.key, subjectId: cursor.id, top: null };
  const top = cursor.id.slice(0, space);
  return { score: cursor.key, subjectId: cursor.id.slice(space + 1), top: /^\d+$/.test(top) ? Number(top) : top };
}

/** The key that orders matches newest first: the FTS5 rowid on SQLite, the (time-ordered) subject id on PostgreSQL. */
function windowKey(dialect: Context['dialect'], row: RankedRow): string | number {
  return dialect === 'sqlite' ? Number(row.rowId) : row.subjectId;
}
