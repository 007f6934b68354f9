import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import type { ContributionsService } from '../contributions/service.js';
import type { InitiativeAccess, InitiativesService } from '../initiatives/service.js';
import type { SubjectType } from './schemas.js';

/** A contribution or a comment, with what moderation needs to know about it. */
export interface Subject {
  type: SubjectType;
  id: string;
  /** The contribution itself, or the one the comment is on. */
  contributionId: string;
  initiativeId: string;
  orgId: string;
  /** The author and accepted co-authors of a contribution; the author of a comment. */
  authorIds: string[];
  hiddenAt: string | null;
  hiddenReason: string | null;
}

/** A subject as one person meets it. */
export interface SeenSubject {
  subject: Subject;
  isAuthor: boolean;
  isHost: boolean;
}

export const TABLE = { contribution: 'contributions', comment: 'comments' } as const;
const WHAT = { contribution: 'The contribution', comment: 'The comment' } as const;

/** Hosts of an initiative: its stewards and the owners of its organisation. */
export const isHost = (access: InitiativeAccess) => access.steward || access.membership?.role === 'owner';

/** Finds and loads what moderation acts on; visibility follows the contributions module. */
export class Subjects {
  constructor(
    private readonly ctx: Context,
    private readonly initiatives: InitiativesService,
    private readonly contributions: ContributionsService,
  ) {}

  /** Hiding or showing a contribution changes what "similar" may propose (see SimilarIndex). */
  visibilityChanged(subject: Subject): void {
    if (subject.type === 'contribution') this.contributions.textChanged(subject.initiativeId, subject.id);
  }

  /** A subject by type and id, without any access check (for callers that checked the initiative). */
  async find(db: Db, type: SubjectType, id: string): Promise<Subject | undefined> {
    if (type === 'contribution') {
      const c = await db.selectFrom('contributions').select(['id', 'initiativeId', 'orgId', 'hiddenAt', 'hiddenReason']).where('id', '=', id).executeTakeFirst();
      if (!c) return undefined;
      const authors = await db.selectFrom('contributionAuthors').select('userId').where('contributionId', '=', id).where('role', 'in', ['author', 'coauthor']).where('status', '=', 'accepted').orderBy('createdAt').execute();
      return { type, id, contributionId: id, initiativeId: c.initiativeId, orgId: c.orgId, authorIds: authors.map((a) => a.userId), hiddenAt: c.hiddenAt, hiddenReason: c.hiddenReason };
    }
    const m = await db
      .selectFrom('comments as m')
      .innerJoin('contributions as c', 'c.id', 'm.contributionId')
      .select(['m.id', 'm.contributionId', 'm.authorId', 'm.hiddenAt', 'm.hiddenReason', 'c.initiativeId', 'c.orgId'])
      .where('m.id', '=', id)
      .executeTakeFirst();
    if (!m) return undefined;
    return { type, id, contributionId: m.contributionId, initiativeId: m.initiativeId, orgId: m.orgId, authorIds: [m.authorId], hiddenAt: m.hiddenAt, hiddenReason: m.hiddenReason };
  }

  /** Finds a subject of any type by id (ids are unique across tables). */
  async findAny(db: Db, id: string): Promise<Subject | undefined> {
    return (await this.find(db, 'contribution', id)) ?? (await this.find(db, 'comment', id));
  }

  /**
   * A subject the actor may see: the contribution must be visible to them (a hidden one only to
   * its authors and the hosts); a hidden comment is a placeholder everyone sees. 404 otherwise.
   */
  async see(actor: Actor | null, type: SubjectType, id: string): Promise<SeenSubject> {
    const subject = await this.find(this.ctx.db, type, id);
    if (!subject) throw notFound(WHAT[type]);
    let access;
    try {
      access = await this.contributions.access(actor, subject.contributionId);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw notFound(WHAT[type]);
      throw error;
    }
    const isAuthor = actor !== null && (type === 'contribution' ? access.isAuthor : subject.authorIds.includes(actor.userId));
    return { subject, isAuthor, isHost: access.isHost };
  }

  /** A subject the actor moderates: 404 when they cannot see it, 403 unless they host its initiative. */
  async moderate(actor: Actor, type: SubjectType, id: string): Promise<Subject> {
    const seen = await this.see(actor, type, id);
    if (!seen.isHost) throw forbidden('Only the hosts of this initiative moderate it.');
    return seen.subject;
  }

  /** The initiative of a host: 404 when the actor cannot see it, 403 unless they host it. */
  async host(actor: Actor, initiativeId: string): Promise<InitiativeAccess> {
    const access = await this.initiatives.authorize(actor, initiativeId);
    if (!isHost(access)) throw forbidden('Only the hosts of this initiative moderate it.');
    return access;
  }

  /** Serialises writers on one subject (flags, appeals) on PostgreSQL; SQLite writes one at a time. */
  async lock(trx: Db, subject: Subject): Promise<void> {
    if (this.ctx.dialect !== 'postgres') return;
    if (subject.type === 'contribution') await trx.selectFrom('contributions').select('id').where('id', '=', subject.id).forUpdate().execute();
    else await trx.selectFrom('comments').select('id').where('id', '=', subject.id).forUpdate().execute();
  }
}
