import type { Context } from '../../context.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import type { FlagsService } from './flags.js';
import { requireText, type HidingService } from './hiding.js';
import type { BulkBody, BulkResult } from './schemas.js';
import type { Subjects } from './subjects.js';

/**
 * Bulk moderation for a wave of spam: each item in its own transaction, so one that fails
 * (unknown, of another initiative, already hidden) does not stop the others.
 */
export class BulkModeration {
  constructor(
    private readonly ctx: Context,
    private readonly subjects: Subjects,
    private readonly hiding: HidingService,
    private readonly flags: FlagsService,
  ) {}

  async run(actor: Actor, initiativeId: string, body: BulkBody): Promise<BulkResult> {
    await this.subjects.host(actor, initiativeId);
    const reason = body.action === 'hide' ? requireText('/reason', body.reason) : '';
    const results: BulkResult['results'] = [];
    for (const item of body.items) {
      try {
        await this.ctx.db.transaction().execute(async (trx) => {
          const subject = await this.subjects.find(trx, item.type, item.id);
          if (!subject || subject.initiativeId !== initiativeId) throw new AppError(404, 'not_found', 'Not in this initiative.');
          if (body.action === 'hide') await this.hiding.hideIn(trx, actor.userId, subject, reason);
          else if (body.action === 'unhide') await this.hiding.unhideIn(trx, actor.userId, subject, null);
          else await this.flags.dismissIn(trx, actor.userId, subject);
        });
        results.push({ type: item.type, id: item.id, ok: true });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({ type: item.type, id: item.id, ok: false, code: error.code });
      }
    }
    return { results };
  }
}
