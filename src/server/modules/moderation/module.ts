import type { Context } from '../../context.js';
import type { ContributionsService } from '../contributions/service.js';
import type { EventsService } from '../events/service.js';
import type { InitiativesService } from '../initiatives/service.js';
import type { OrgsService } from '../orgs/service.js';
import { AppealsService } from './appeals.js';
import { BlocksService } from './blocks.js';
import { BulkModeration } from './bulk.js';
import { ErasureService } from './erasure.js';
import { FlagsService } from './flags.js';
import { HidingService } from './hiding.js';
import { Subjects } from './subjects.js';

/** The moderation services, wired once. */
export interface Moderation {
  subjects: Subjects;
  flags: FlagsService;
  hiding: HidingService;
  appeals: AppealsService;
  bulk: BulkModeration;
  blocks: BlocksService;
  erasure: ErasureService;
}

export function createModeration(ctx: Context, deps: { events: EventsService; initiatives: InitiativesService; contributions: ContributionsService; orgs: OrgsService }): Moderation {
  const { events } = deps;
  const subjects = new Subjects(ctx, deps.initiatives, deps.contributions);
  const flags = new FlagsService(ctx, events, subjects);
  const hiding = new HidingService(ctx, events, subjects);
  return {
    subjects,
    flags,
    hiding,
    appeals: new AppealsService(ctx, events, subjects, hiding),
    bulk: new BulkModeration(ctx, subjects, hiding, flags),
    blocks: new BlocksService(ctx, events, deps.orgs),
    erasure: new ErasureService(ctx, events),
  };
}
