import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { CommentRow } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { decodeCursor, encodeCursor, type PageQuery } from '../../lib/pagination.js';
import type { ContributionAccess } from '../contributions/access.js';
import { displayName } from '../contributions/present.js';
import type { ContributionsService } from '../contributions/service.js';
import type { EventsService } from '../events/service.js';
import type { ParticipationGate } from '../initiatives/participation.js';
import { searchIndex } from '../search/search-index.js';
import type { Comment, CreateCommentBody } from './schemas.js';

type Row = CommentRow & { authorName: string; erasedAt: string | null };

/** Threaded comments (two levels); every edit keeps the earlier text. */
export class CommentsService {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly contributions: ContributionsService,
    private readonly gate: ParticipationGate,
  ) {}

  private rows(db: Db = this.ctx.db) {
    return db.selectFrom('comments as m').innerJoin('users as u', 'u.id', 'm.authorId').selectAll('m').select(['u.name as authorName', 'u.erasedAt']);
  }

  private present(row: Row, access: ContributionAccess, actor: Actor | null, appeal?: { id: string; status: string; text: string; decisionNote: string | null }): Comment {
    const isAuthor = actor !== null && row.authorId === actor.userId;
    const hidden = row.hiddenAt !== null;
    const readable = !hidden || isAuthor || access.isHost;
    return {
      id: row.id,
      contributionId: row.contributionId,
      parentId: row.parentId,
      author: { id: row.authorId, name: displayName({ name: row.authorName, erasedAt: row.erasedAt }) },
      body: readable ? row.body : '',
      bodyHtml: readable ? renderMarkdown(row.body) : '',
      revision: row.revision,
      edited: row.revision > 1,
      hidden,
      moderation: hidden && row.hiddenAt !== null && (isAuthor || access.isHost) ? { reason: row.hiddenReason ?? '', hiddenAt: row.hiddenAt, appeal: appeal ?? null } : null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      me: { isAuthor, canEdit: isAuthor && !hidden && access.initiative.status === 'open' },
    };
  }

  /** A comment the actor may see, with the access to its contribution. */
  private async load(actor: Actor | null, id: string): Promise<{ row: Row; access: ContributionAccess }> {
    const row = await this.rows().where('m.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('The comment');
    const access = await this.contributions.access(actor, row.contributionId);
    return { row, access };
  }

  async create(actor: Actor, contributionId: string, body: CreateCommentBody): Promise<Comment> {
    const access = await this.contributions.access(actor, contributionId);
    const c = access.contribution;
    await this.gate.require(actor, c.initiativeId, 'comment', access);
    if (c.hiddenAt !== null) throw new AppError(409, 'contribution_hidden', 'A hidden contribution cannot be discussed.');
    if (c.mergedIntoId !== null) throw new AppError(409, 'contribution_merged', 'This contribution was merged into another; the conversation continues there.', [{ path: '/mergedInto', message: c.mergedIntoId, code: 'contribution_merged' }]);
    if (body.body.trim() === '') throw new AppError(422, 'validation_failed', 'Write something first.', [{ path: '/body', message: 'is empty', code: 'required' }]);
    if (body.parentId !== undefined) {
      const parent = await this.ctx.db.selectFrom('comments').select(['contributionId', 'parentId']).where('id', '=', body.parentId).executeTakeFirst();
      if (!parent || parent.contributionId !== contributionId) throw new AppError(422, 'validation_failed', 'Reply to a comment on this contribution.', [{ path: '/parentId', message: 'is not a comment on this contribution', code: 'unknown_comment' }]);
      if (parent.parentId !== null) throw new AppError(422, 'validation_failed', 'Threads are two levels deep: reply to the first comment of the thread.', [{ path: '/parentId', message: 'is a reply itself', code: 'too_deep' }]);
    }
    const now = this.ctx.clock.now().toISOString();
    const id = newId();
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('comments').values({ id, contributionId, parentId: body.parentId ?? null, authorId: actor.userId, body: body.body, revision: 1, hiddenAt: null, hiddenBy: null, hiddenReason: null, createdAt: now, updatedAt: now }).execute();
      await trx.insertInto('commentRevisions').values({ commentId: id, revision: 1, body: body.body, editorId: actor.userId, createdAt: now }).execute();
      await trx.updateTable('contributions').set((eb) => ({ commentCount: eb('commentCount', '+', 1), lastActivityAt: now })).where('id', '=', contributionId).execute();
      await searchIndex.put(trx, this.ctx.dialect, { subjectType: 'comment', subjectId: id, contributionId, initiativeId: c.initiativeId, title: '', body: body.body });
      await this.events.record(trx, { type: 'comment.created', actorId: actor.userId, orgId: c.orgId, subjectType: 'comment', subjectId: id, payload: { initiativeId: c.initiativeId, contributionId, parentId: body.parentId ?? null } });
    });
    return (await this.get(actor, id));
  }

  async get(actor: Actor | null, id: string): Promise<Comment> {
    const { row, access } = await this.load(actor, id);
    return this.present(row, access, actor);
  }

  /** Top-level comments oldest first, each with its replies; paged by thread. */
  async list(actor: Actor | null, contributionId: string, query: PageQuery) {
    const access = await this.contributions.access(actor, contributionId);
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor);
    let top = this.rows().where('m.contributionId', '=', contributionId).where('m.parentId', 'is', null);
    if (cursor) top = top.where('m.id', '>', String(cursor.id));
    const threads = await top.orderBy('m.id').limit(limit + 1).execute();
    const page = threads.slice(0, limit);
    const last = page[page.length - 1];
    const replies = page.length === 0 ? [] : await this.rows().where('m.parentId', 'in', page.map((t) => t.id)).orderBy('m.id').execute();
    const hiddenIds = [...page, ...replies].filter((r) => r.hiddenAt !== null).map((r) => r.id);
    const appeals = hiddenIds.length === 0 ? [] : await this.ctx.db.selectFrom('appeals').select(['id', 'subjectId', 'status', 'text', 'decisionNote']).where('subjectId', 'in', hiddenIds).orderBy('id', 'desc').execute();
    const appealOf = (id: string) => appeals.find((a) => a.subjectId === id);
    return {
      items: page.map((t) => ({ ...this.present(t, access, actor, appealOf(t.id)), replies: replies.filter((r) => r.parentId === t.id).map((r) => this.present(r, access, actor, appealOf(r.id))) })),
      nextCursor: threads.length > limit && last !== undefined ? encodeCursor({ key: last.id, id: last.id }) : null,
    };
  }

  async update(actor: Actor, id: string, body: string): Promise<Comment> {
    const { row, access } = await this.load(actor, id);
    if (row.authorId !== actor.userId) throw forbidden('Only its author can edit a comment.');
    if (row.hiddenAt !== null) throw new AppError(409, 'comment_hidden', 'This comment is hidden by the stewards; appeal instead of editing.');
    if (access.initiative.status !== 'open') throw new AppError(409, 'initiative_not_open', 'This initiative is not open: its comments can no longer change.');
    if (body.trim() === '') throw new AppError(422, 'validation_failed', 'Write something first.', [{ path: '/body', message: 'is empty', code: 'required' }]);
    if (body === row.body) return this.present(row, access, actor);
    const now = this.ctx.clock.now().toISOString();
    const revision = row.revision + 1;
    await this.ctx.db.transaction().execute(async (trx) => {
      const updated = await trx.updateTable('comments').set({ body, revision, updatedAt: now }).where('id', '=', id).where('revision', '=', row.revision).executeTakeFirst();
      if (updated.numUpdatedRows === 0n) throw new AppError(409, 'edit_conflict', 'This comment changed a moment ago. Reload, then edit again.');
      await trx.insertInto('commentRevisions').values({ commentId: id, revision, body, editorId: actor.userId, createdAt: now }).execute();
      await searchIndex.put(trx, this.ctx.dialect, { subjectType: 'comment', subjectId: id, contributionId: row.contributionId, initiativeId: access.contribution.initiativeId, title: '', body });
      await this.events.record(trx, { type: 'comment.revised', actorId: actor.userId, orgId: access.contribution.orgId, subjectType: 'comment', subjectId: id, payload: { contributionId: row.contributionId, revision } });
    });
    return this.get(actor, id);
  }

  /** Earlier texts of a comment, oldest first; a hidden comment's history only for its author and hosts. */
  async revisions(actor: Actor | null, id: string) {
    const { row, access } = await this.load(actor, id);
    if (row.hiddenAt !== null && row.authorId !== actor?.userId && !access.isHost) throw notFound('The comment');
    const items = await this.ctx.db
      .selectFrom('commentRevisions as r')
      .innerJoin('users as u', 'u.id', 'r.editorId')
      .select(['r.revision', 'r.body', 'r.createdAt', 'u.id as editorId', 'u.name', 'u.erasedAt'])
      .where('r.commentId', '=', id)
      .orderBy('r.revision')
      .execute();
    return { items: items.map((r) => ({ revision: r.revision, body: r.body, createdAt: r.createdAt, editor: { id: r.editorId, name: displayName(r) } })) };
  }
}
