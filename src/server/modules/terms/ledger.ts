import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import type { EventsService } from '../events/service.js';
import { canonicalJson, sha256 } from './canonical.js';
import type { Terms, Worsening } from './schemas.js';

export interface SealInput {
  initiativeId: string;
  orgId: string;
  terms: Terms;
  reason: string | null;
  actorId: string;
  worse: Worsening[];
}

/**
 * The append-only record of sealed terms. A version, once written, is never changed:
 * its content is canonical JSON and its hash is SHA-256 of exactly those bytes.
 */
export class TermsLedger {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
  ) {}

  /** Seals the next version inside the caller's transaction; returns its number. */
  async seal(trx: Db, input: SealInput): Promise<{ version: number; hash: string }> {
    const last = await trx
      .selectFrom('termsVersions')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('initiativeId', '=', input.initiativeId)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const content = canonicalJson(input.terms);
    const hash = sha256(content);
    const now = this.ctx.clock.now().toISOString();
    await trx
      .insertInto('termsVersions')
      .values({ id: newId(), initiativeId: input.initiativeId, version, content, hash, reason: input.reason, createdBy: input.actorId, createdAt: now })
      .execute();
    await trx.updateTable('initiatives').set({ termsVersion: version, termsDraft: null, updatedAt: now }).where('id', '=', input.initiativeId).execute();
    await this.events.record(trx, {
      type: version === 1 ? 'terms.sealed' : 'terms.amended',
      actorId: input.actorId,
      orgId: input.orgId,
      subjectType: 'initiative',
      subjectId: input.initiativeId,
      payload: { version, hash, reason: input.reason, worseForContributors: input.worse },
    });
    return { version, hash };
  }

  /** Recomputes every hash; returns the versions whose content no longer matches. */
  async verify(db: Db): Promise<{ initiativeId: string; version: number; stored: string; computed: string }[]> {
    const rows = await db.selectFrom('termsVersions').select(['initiativeId', 'version', 'content', 'hash']).orderBy('initiativeId').orderBy('version').execute();
    // The stored bytes must be canonical and hash to the stored value: any edit, even one that
    // only reformats the JSON, is reported.
    const recompute = (content: string): string => {
      try {
        return canonicalJson(JSON.parse(content) as Terms) === content ? sha256(content) : 'not canonical JSON';
      } catch {
        return 'not JSON';
      }
    };
    return rows
      .map((row) => ({ initiativeId: row.initiativeId, version: row.version, stored: row.hash, computed: recompute(row.content) }))
      .filter((row) => row.stored !== row.computed);
  }
}
