import type { Db } from '../../db/database.js';
import type { NotificationData } from './schemas.js';

/** Anything shown from a notification's stored data: an inbox item, an item of a mail. */
interface Shown {
  data: NotificationData;
}

/** The contribution and comment a notification is about, read from its link (`/contributions/{id}#comment-{id}`). */
function subjectsOf(n: Shown): { contributionId: string | null; commentId: string | null } {
  const match = /^\/contributions\/([^/#?]+)(?:#comment-([^/#?]+))?/.exec(n.data.link);
  return { contributionId: match?.[1] ?? null, commentId: match?.[2] ?? null };
}

/**
 * A notification keeps the title and first words of what it was about as they were when it was
 * written. When the hosts hide that contribution or comment afterwards, its words must leave the
 * inbox of everyone who may no longer read it, as they left its page: the title and text of a
 * hidden contribution, the text of a hidden comment, are withheld (`withheld: true`, the web
 * says why). Its authors and the hosts (stewards, owners of the organisation) still see them.
 * The inbox and the mails (immediate and digests, as they are sent) both go through here.
 */
export async function withholdHidden<T extends Shown>(db: Db, readerId: string, items: T[]): Promise<T[]> {
  const subjects = items.map(subjectsOf);
  const contributionIds = [...new Set(subjects.flatMap((s) => s.contributionId ?? []))];
  const commentIds = [...new Set(subjects.flatMap((s) => s.commentId ?? []))];
  if (contributionIds.length === 0) return items;
  const [contributions, comments] = await Promise.all([
    db.selectFrom('contributions').select(['id', 'initiativeId', 'authorId', 'hiddenAt']).where('id', 'in', contributionIds).execute(),
    commentIds.length === 0 ? [] : db.selectFrom('comments').select(['id', 'authorId']).where('id', 'in', commentIds).where('hiddenAt', 'is not', null).execute(),
  ]);
  const hidden = contributions.filter((c) => c.hiddenAt !== null);
  if (hidden.length === 0 && comments.length === 0) return items;
  const initiativeOf = new Map(contributions.map((c) => [c.id, c.initiativeId]));
  const hosted = await hostedAmong(db, readerId, [...new Set(contributions.map((c) => c.initiativeId))]);
  const coauthored = hidden.length === 0 ? new Set<string>() : new Set(
    (await db.selectFrom('contributionAuthors').select('contributionId').where('userId', '=', readerId).where('status', '=', 'accepted').where('contributionId', 'in', hidden.map((c) => c.id)).execute()).map((r) => r.contributionId),
  );
  const withheldContributions = new Set(hidden.filter((c) => c.authorId !== readerId && !coauthored.has(c.id) && !hosted.has(c.initiativeId)).map((c) => c.id));
  const withheldComments = new Set(comments.filter((c) => c.authorId !== readerId).map((c) => c.id));
  return items.map((n, i) => {
    const { contributionId, commentId } = subjects[i] ?? { contributionId: null, commentId: null };
    if (contributionId === null) return n;
    if (withheldContributions.has(contributionId)) return { ...n, data: { ...n.data, title: '', excerpt: '', withheld: true } };
    if (commentId !== null && withheldComments.has(commentId) && !hosted.has(initiativeOf.get(contributionId) ?? '')) return { ...n, data: { ...n.data, excerpt: '', withheld: true } };
    return n;
  });
}

/** The initiatives among these that the reader hosts: as a steward, or as an owner of its organisation. */
async function hostedAmong(db: Db, readerId: string, initiativeIds: string[]): Promise<Set<string>> {
  if (initiativeIds.length === 0) return new Set();
  const [stewarded, owned] = await Promise.all([
    db.selectFrom('initiativeStewards').select('initiativeId').where('userId', '=', readerId).where('initiativeId', 'in', initiativeIds).execute(),
    db.selectFrom('initiatives as i').innerJoin('memberships as m', 'm.orgId', 'i.orgId').select('i.id').where('m.userId', '=', readerId).where('m.role', '=', 'owner').where('i.id', 'in', initiativeIds).execute(),
  ]);
  return new Set([...stewarded.map((r) => r.initiativeId), ...owned.map((r) => r.id)]);
}
