import { parseJson, type Db } from '../../db/database.js';
import { visibleAmong } from './audience.js';
import type { NotificationType } from './catalogue.js';
import { WHO_HEARS } from './recipients.js';
import type { NotificationData } from './schemas.js';
import { loadTarget } from './target.js';

/** Anything shown from a notification's stored data: an inbox item, an item of a mail. */
interface Shown {
  eventId: number;
  type: NotificationType;
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
 * inbox and the mails of everyone who may no longer read it, as they left its page: the title
 * and text of a hidden contribution, the text of a hidden comment, are withheld
 * (`withheld: true`, the web says why). Who may still read it is decided as when the
 * notification was written (`visibleAmong`: its authors and the hosts see hidden things), so
 * only items about something hidden now are looked at again — two queries for a page without any.
 */
export async function withholdHidden<T extends Shown>(db: Db, readerId: string, items: T[]): Promise<T[]> {
  const subjects = items.map(subjectsOf);
  const contributionIds = [...new Set(subjects.flatMap((s) => s.contributionId ?? []))];
  const commentIds = [...new Set(subjects.flatMap((s) => s.commentId ?? []))];
  if (contributionIds.length === 0) return items;
  const [contributions, comments] = await Promise.all([
    db.selectFrom('contributions').select('id').where('id', 'in', contributionIds).where('hiddenAt', 'is not', null).execute(),
    commentIds.length === 0 ? [] : db.selectFrom('comments').select('id').where('id', 'in', commentIds).where('hiddenAt', 'is not', null).execute(),
  ]);
  const hidden = new Set([...contributions, ...comments].map((r) => r.id));
  const suspects = items.filter((_, i) => hidden.has(subjects[i]?.contributionId ?? '') || hidden.has(subjects[i]?.commentId ?? ''));
  if (suspects.length === 0) return items;
  const typeOf = new Map(suspects.map((n) => [n.eventId, n.type]));
  const events = await db.selectFrom('events').selectAll().where('id', 'in', [...typeOf.keys()]).execute();
  const withheld = new Map<number, 'contribution' | 'comment'>();
  for (const row of events) {
    const event = { ...row, id: Number(row.id), payload: parseJson(row.payload) as Record<string, unknown> };
    const type = typeOf.get(event.id);
    const target = type === undefined ? null : await loadTarget(db, event, type);
    if (type === undefined || target === null) continue;
    const sees = async (what: typeof target) => (await visibleAmong(db, what, [readerId], { evenIfBlocked: WHO_HEARS[type].evenIfBlocked })).length > 0;
    if (await sees(target)) continue;
    // Not the whole of it: the contribution without the (hidden) comment, or not even that.
    withheld.set(event.id, target.comment !== null && (await sees({ ...target, comment: null })) ? 'comment' : 'contribution');
  }
  return items.map((n) => {
    const what = withheld.get(n.eventId);
    if (what === undefined) return n;
    return { ...n, data: { ...n.data, ...(what === 'contribution' ? { title: '' } : {}), excerpt: '', withheld: true } };
  });
}
