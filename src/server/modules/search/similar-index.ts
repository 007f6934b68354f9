import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { Context } from '../../context.js';
import { parseJson } from '../../db/database.js';
import { searchableBody } from '../contributions/content.js';
import type { Details } from '../contributions/schemas.js';
import { termCounts, terms } from './text.js';

/** How many rows one read of a build takes (a build yields to requests between reads). */
const BATCH = 1_000;
/** How often an index in use is rebuilt when the database changed: catches edits made by other processes. */
const REFRESH_MS = 60_000;
/** An initiative's index nobody asked for in this long is dropped (memory). */
const IDLE_MS = 15 * 60_000;

/**
 * One contribution's text, packed one number per distinct term (title words count double, see
 * termCounts): the term id, whether the title holds it, and its count (at most 255). One small
 * array per contribution keeps 50,000 of them in about 20 MiB.
 */
export interface Doc {
  id: string;
  packed: Int32Array;
}

export const termOfEntry = (entry: number): number => entry >>> 9;
export const countOfEntry = (entry: number): number => entry & 255;
const IN_TITLE = 256;

/**
 * The texts of one initiative's contributions, with a postings list per title term (term id →
 * positions, oldest first). Positions follow arrival: the build reads by id (time ordered), later
 * contributions are appended, an edit keeps its position, a dropped one leaves a gap (null).
 */
export class InitiativeTexts {
  readonly docs: (Doc | null)[] = [];
  readonly position = new Map<string, number>();
  readonly titles = new Map<number, number[]>();

  put(doc: Doc): void {
    const at = this.position.get(doc.id);
    if (at !== undefined) {
      this.unlist(at);
      this.docs[at] = doc;
    }
    const position = at ?? this.docs.push(doc) - 1;
    this.position.set(doc.id, position);
    for (const entry of doc.packed) if ((entry & IN_TITLE) !== 0) add(this.titles, termOfEntry(entry), position);
  }

  /** Out of the postings lists and the scans (hidden, merged or gone); its position stays taken. */
  drop(id: string): void {
    const at = this.position.get(id);
    if (at === undefined) return;
    this.unlist(at);
    this.docs[at] = null;
  }

  private unlist(at: number): void {
    const old = this.docs[at];
    if (old === undefined || old === null) return;
    for (const entry of old.packed) if ((entry & IN_TITLE) !== 0) remove(this.titles.get(termOfEntry(entry)), at);
  }
}

/** Inserts keeping the list sorted; appending (the usual case) is O(1). */
function add(map: Map<number, number[]>, term: number, position: number): void {
  const list = map.get(term);
  if (list === undefined) {
    map.set(term, [position]);
    return;
  }
  const last = list[list.length - 1] ?? -1;
  if (position > last) list.push(position);
  else if (!list.includes(position)) list.splice(sortedIndex(list, position), 0, position);
}

function remove(list: number[] | undefined, position: number): void {
  if (list === undefined) return;
  const i = sortedIndex(list, position);
  if (list[i] === position) list.splice(i, 1);
}

function sortedIndex(list: number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((list[mid] ?? 0) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

interface Entry {
  current: InitiativeTexts | null;
  building: Promise<InitiativeTexts> | null;
  /** When the database was last checked for changes since the build (a build counts as a check). */
  checkedAt: number;
  builtVersion: string;
  usedAt: number;
  /** Contributions written in this process since the last read: re-read before the next answer. */
  pending: Set<string>;
}

interface TextRow {
  id: string;
  title: string;
  body: string;
  details: unknown;
  hiddenAt: string | null;
  mergedIntoId: string | null;
}

/**
 * "Similar to what I am writing" in memory: the texts of each initiative's contributions as term
 * ids with postings lists, built on first use and kept in step. Looking candidates up in the
 * full-text index cost 5–10 ms per draft at city scale (ORs of every form of up to 24 words);
 * here it costs a few walks of short lists. Writes in this process mark the contribution for a
 * re-read before the next answer (exact); writes by other processes are caught by a rebuild at
 * most every minute while the database changes. Hidden and merged contributions are left out
 * when read; one hidden since is still dropped from the answer, which is checked against the
 * database (see SearchService.similar).
 */
export class SimilarIndex {
  private readonly vocabulary = new Map<string, number>();
  private readonly stems: string[] = [];
  private readonly entries = new Map<string, Entry>();
  /** warm() has finished (see /readyz). */
  warmed = false;
  /** Builds started, first ones and rebuilds (a rebuild costs about a second at city scale). */
  builds = 0;

  constructor(
    private readonly ctx: Context,
    private readonly dataVersion: () => Promise<string>,
  ) {}

  /**
   * Builds the indexes of the open initiatives, one after another, so the first drafts do not
   * wait for a build (about a second for 15,000 contributions). Runs after the server listens;
   * builds yield to requests between reads. `stopped` ends it early (shutdown).
   */
  async warm(stopped: () => boolean): Promise<void> {
    try {
      const open = await this.ctx.db.selectFrom('initiatives').select('id').where('status', '=', 'open').execute();
      for (const { id } of open) {
        if (stopped()) return;
        await this.texts(id);
      }
    } finally {
      this.warmed = true;
    }
  }

  /** A contribution's text changed (or it was written): called after the transaction commits. */
  changed(initiativeId: string, contributionId: string): void {
    this.entries.get(initiativeId)?.pending.add(contributionId);
  }

  /** The stem a term id stands for. */
  stem(term: number): string {
    return this.stems[term] ?? '';
  }

  /** The id of a stem, or undefined when no contribution uses it. */
  termId(stem: string): number | undefined {
    return this.vocabulary.get(stem);
  }

  /** The initiative's texts, built on first use and brought up to date with this process's writes. */
  async texts(initiativeId: string): Promise<InitiativeTexts> {
    const now = this.ctx.clock.now().getTime();
    this.dropIdle(now);
    let entry = this.entries.get(initiativeId);
    if (entry === undefined) {
      entry = { current: null, building: null, checkedAt: 0, builtVersion: '', usedAt: now, pending: new Set() };
      this.entries.set(initiativeId, entry);
    }
    entry.usedAt = now;
    if (entry.current === null) {
      entry.building ??= this.build(entry, initiativeId);
      await entry.building;
    } else if (entry.building === null && now - entry.checkedAt > REFRESH_MS) {
      // Rebuilt in the background; answers keep using the current one meanwhile. The next check
      // is pushed back before anything is awaited, so concurrent answers start one build at most.
      entry.checkedAt = now;
      const version = await this.dataVersion();
      if (version !== entry.builtVersion && entry.building === null) entry.building = this.build(entry, initiativeId);
    }
    const texts = entry.current;
    if (texts === null) throw new Error(`The similar index of ${initiativeId} was not built.`);
    if (entry.pending.size > 0) {
      const ids = [...entry.pending];
      // While a rebuild runs, its reads may predate these writes: they stay pending for it.
      if (entry.building === null) entry.pending.clear();
      const rows = new Map((await this.rows(initiativeId, { ids })).map((r) => [r.id, r]));
      for (const id of ids) {
        const row = rows.get(id);
        if (row === undefined || row.hiddenAt !== null || row.mergedIntoId !== null) texts.drop(id);
        else texts.put(this.docOf(row));
      }
    }
    return texts;
  }

  private async build(entry: Entry, initiativeId: string): Promise<InitiativeTexts> {
    this.builds++;
    try {
      const version = await this.dataVersion();
      const started = this.ctx.clock.now().getTime();
      const texts = new InitiativeTexts();
      let after = '';
      for (;;) {
        const rows = await this.rows(initiativeId, { after });
        for (const row of rows) texts.put(this.docOf(row));
        const last = rows[rows.length - 1];
        if (last === undefined || rows.length < BATCH) break;
        after = last.id;
        await yieldToRequests();
      }
      Object.assign(entry, { current: texts, checkedAt: started, builtVersion: version });
      return texts;
    } finally {
      entry.building = null;
    }
  }

  /** Contributions of the initiative by id, or the next batch of those shown after an id. */
  private rows(initiativeId: string, which: { ids: string[] } | { after: string }): Promise<TextRow[]> {
    let query = this.ctx.db.selectFrom('contributions').select(['id', 'title', 'body', 'details', 'hiddenAt', 'mergedIntoId']).where('initiativeId', '=', initiativeId);
    query = 'ids' in which
      ? query.where('id', 'in', which.ids)
      : query.where('id', '>', which.after).where('hiddenAt', 'is', null).where('mergedIntoId', 'is', null).orderBy('id').limit(BATCH);
    return query.execute();
  }

  private docOf(row: TextRow): Doc {
    const counts = termCounts(row.title, searchableBody(row.body, parseJson(row.details) as Details));
    const inTitle = new Set(terms(row.title).map((t) => t.stem));
    const packed = new Int32Array(counts.size);
    let i = 0;
    for (const [stem, count] of counts) packed[i++] = (this.intern(stem) << 9) | (inTitle.has(stem) ? IN_TITLE : 0) | Math.min(count, 255);
    return { id: row.id, packed };
  }

  private intern(stem: string): number {
    let id = this.vocabulary.get(stem);
    if (id === undefined) {
      // Term ids take 22 bits of a packed entry: a vocabulary that large is noise, folded into one id.
      if (this.stems.length >= 1 << 22) return (1 << 22) - 1;
      id = this.stems.push(stem) - 1;
      this.vocabulary.set(stem, id);
    }
    return id;
  }

  private dropIdle(now: number): void {
    for (const [id, entry] of this.entries) if (entry.building === null && now - entry.usedAt > IDLE_MS) this.entries.delete(id);
  }
}
