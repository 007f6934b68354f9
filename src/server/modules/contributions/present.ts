import { parseJson, type Db } from '../../db/database.js';
import type { ContributionRow } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { renderMarkdown } from '../../lib/markdown.js';
import type { ContributionAccess } from './access.js';
import type { Contribution, ContributionSummary, Details } from './schemas.js';

const ref = (r: { id: string; title: string; kind: string }) => ({ id: r.id, title: r.title, kind: r.kind });

/** The first words of a Markdown body as plain text. */
export function excerptOf(body: string, length = 240): string {
  const plain = body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/^\s*(?:[#>|]+|[-+]\s|\d+\.\s)/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= length) return plain;
  // Whitespace is single spaces by now: the cut goes back to the last one (a regex looking for
  // it from each space in turn cost as much as the rest of the excerpt).
  const head = plain.slice(0, length - 1);
  const space = head.lastIndexOf(' ');
  return `${space < 0 ? head : head.slice(0, space)}…`;
}

/** Summaries of many rows with three queries: authors, themes and tags, merge targets. */
export async function presentSummaries(db: Db, rows: ContributionRow[]): Promise<ContributionSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const userIds = [...new Set(rows.map((r) => r.authorId))];
  const [users, tags, themes, targets] = await Promise.all([
    db.selectFrom('users').select(['id', 'name', 'erasedAt']).where('id', 'in', userIds).execute(),
    db.selectFrom('contributionTags').select(['contributionId', 'tag']).where('contributionId', 'in', ids).orderBy('tag').execute(),
    db.selectFrom('themes').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.themeId).filter((t): t is string => t !== null)), '']).execute(),
    db.selectFrom('contributions').select(['id', 'title', 'kind']).where('id', 'in', [...new Set(rows.map((r) => r.mergedIntoId).filter((t): t is string => t !== null)), '']).execute(),
  ]);
  const nameOf = new Map(users.map((u) => [u.id, displayName(u)]));
  return rows.map((r) => ({
    id: r.id,
    initiativeId: r.initiativeId,
    kind: r.kind as ContributionSummary['kind'],
    title: r.title,
    excerpt: excerptOf(r.body),
    status: r.status as ContributionSummary['status'],
    tags: tags.filter((t) => t.contributionId === r.id).map((t) => t.tag),
    author: { id: r.authorId, name: nameOf.get(r.authorId) ?? '', kind: r.authorKind },
    theme: themes.find((t) => t.id === r.themeId) ?? null,
    mergedInto: (() => {
      const target = targets.find((t) => t.id === r.mergedIntoId);
      return target ? ref(target) : null;
    })(),
    hidden: r.hiddenAt !== null,
    supportCount: r.supportCount,
    commentCount: r.commentCount,
    createdAt: r.createdAt,
    lastActivityAt: r.lastActivityAt,
  }));
}

/** An erased account is a "former participant"; its content stays. */
export const displayName = (user: { name: string; erasedAt: string | null }) => (user.erasedAt !== null ? 'Former participant' : user.name);

/** Everything the contribution page shows, for this reader. */
export async function presentContribution(db: Db, access: ContributionAccess, actor: Actor | null): Promise<Contribution> {
  const c = access.contribution;
  const [summary] = await presentSummaries(db, [c]);
  if (summary === undefined) throw new Error('a contribution without a summary');
  const [authors, links, attachments, merged, phase, support, follow, appeal] = await Promise.all([
    db
      .selectFrom('contributionAuthors as a')
      .innerJoin('users as u', 'u.id', 'a.userId')
      .leftJoin('contributions as via', 'via.id', 'a.viaContributionId')
      .select(['a.userId', 'a.role', 'a.status', 'u.name', 'u.erasedAt', 'via.id as viaId', 'via.title as viaTitle', 'via.kind as viaKind'])
      .where('a.contributionId', '=', c.id)
      .orderBy('a.createdAt')
      .execute(),
    db.selectFrom('contributionLinks').select(['relation', 'targetType', 'targetId']).where('contributionId', '=', c.id).execute(),
    db
      .selectFrom('contributionAttachments as f')
      .innerJoin('users as u', 'u.id', 'f.uploadedBy')
      .select(['f.id', 'f.name', 'f.mediaType', 'f.size', 'f.createdAt', 'u.id as userId', 'u.name as userName', 'u.erasedAt'])
      .where('f.contributionId', '=', c.id)
      .orderBy('f.createdAt')
      .execute(),
    db.selectFrom('contributions').select(['id', 'title', 'kind']).where('mergedIntoId', '=', c.id).orderBy('id').execute(),
    db.selectFrom('phases').select(['id', 'name']).where('id', '=', c.phaseId).executeTakeFirstOrThrow(),
    actor ? db.selectFrom('supports').select('userId').where('contributionId', '=', c.id).where('userId', '=', actor.userId).executeTakeFirst() : undefined,
    actor ? db.selectFrom('follows').select('userId').where('subjectType', '=', 'contribution').where('subjectId', '=', c.id).where('userId', '=', actor.userId).executeTakeFirst() : undefined,
    c.hiddenAt !== null ? db.selectFrom('appeals').select(['id', 'status', 'text', 'decisionNote']).where('subjectId', '=', c.id).orderBy('id', 'desc').executeTakeFirst() : undefined,
  ]);
  const targetIds = links.map((l) => l.targetId);
  const [contribTargets, needTargets] = await Promise.all([
    db.selectFrom('contributions').select(['id', 'title', 'kind']).where('id', 'in', [...targetIds, '']).execute(),
    db.selectFrom('needs').select(['id', 'title']).where('id', 'in', [...targetIds, '']).execute(),
  ]);
  const related = (relation: string) =>
    links
      .filter((l) => l.relation === relation)
      .map((l) => contribTargets.find((t) => t.id === l.targetId))
      .filter((t): t is { id: string; title: string; kind: string } => t !== undefined)
      .map(ref);
  const invited = actor !== null && authors.some((a) => a.userId === actor.userId && a.role === 'coauthor' && a.status === 'invited');
  const open = access.initiative.status === 'open' && c.mergedIntoId === null && c.hiddenAt === null;
  return {
    ...summary,
    body: c.body,
    bodyHtml: renderMarkdown(c.body),
    details: parseJson(c.details) as Details,
    coauthors: authors.filter((a) => a.role === 'coauthor').map((a) => ({ id: a.userId, name: displayName(a), status: a.status as 'invited' | 'accepted' | 'declined' })),
    credited: authors
      .filter((a) => a.role === 'merged' && a.viaId !== null)
      .map((a) => ({ id: a.userId, name: displayName(a), via: { id: a.viaId ?? '', title: a.viaTitle ?? '', kind: a.viaKind ?? '' } })),
    merged: merged.map(ref),
    links: {
      answers: links.filter((l) => l.relation === 'answers').map((l) => needTargets.find((n) => n.id === l.targetId)).filter((n) => n !== undefined),
      cites: related('cites'),
      buildsOn: related('builds_on'),
    },
    attachments: attachments.map((f) => ({ id: f.id, name: f.name, mediaType: f.mediaType, size: f.size, url: `/api/v1/attachments/${f.id}/file`, uploadedBy: { id: f.userId, name: displayName({ name: f.userName, erasedAt: f.erasedAt }) }, createdAt: f.createdAt })),
    termsVersion: c.termsVersion,
    phase,
    revision: c.revision,
    moderation:
      c.hiddenAt !== null && (access.isAuthor || access.isHost)
        ? { reason: c.hiddenReason ?? '', hiddenAt: c.hiddenAt, appeal: appeal ? { id: appeal.id, status: appeal.status, text: appeal.text, decisionNote: appeal.decisionNote } : null }
        : null,
    updatedAt: c.updatedAt,
    me: {
      isAuthor: access.isAuthor,
      canEdit: access.isAuthor && open,
      canModerate: access.isHost,
      supported: support !== undefined,
      following: follow !== undefined,
      coauthorInvitation: invited,
    },
  };
}
