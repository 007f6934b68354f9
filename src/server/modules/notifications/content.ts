import type { StoredEvent } from '../dispatch/dispatcher.js';
import { excerptOf } from '../contributions/present.js';
import { num, str, type Target } from './target.js';
import type { NotificationData } from './schemas.js';

const EXCERPT = 280;

/** Where in the web app the notification leads. */
function linkOf(event: StoredEvent, target: Target): string {
  const initiative = `/initiatives/${target.initiative.id}`;
  switch (target.type) {
    case 'update.published':
      return `${initiative}#update-${event.subjectId}`;
    case 'terms.amended':
      return `${initiative}/terms`;
    default:
      if (target.contribution === null) return initiative;
      return target.comment !== null ? `/contributions/${target.contribution.id}#comment-${target.comment.id}` : `/contributions/${target.contribution.id}`;
  }
}

/** The text that came with the event, if any. */
function excerptFor(event: StoredEvent, target: Target): string {
  const p = event.payload;
  switch (target.type) {
    case 'contribution.responded': {
      const reason = str(p, 'reason');
      return `${str(p, 'text') ?? ''}${reason === null ? '' : ` Reason: ${reason}`}`;
    }
    case 'update.published':
      return target.update?.body ?? '';
    case 'comment.created':
      return target.comment?.body ?? '';
    case 'contribution.created':
    case 'contribution.coauthor_invited':
      return target.contribution?.body ?? '';
    case 'contribution.hidden':
    case 'comment.hidden':
    case 'terms.amended':
      return str(p, 'reason') ?? '';
    case 'appeal.upheld':
    case 'appeal.rejected':
      return str(p, 'note') ?? '';
    case 'contribution.overdue':
    case 'contribution.supported':
      return '';
  }
}

/** The small, self-contained record an inbox item and its mail are made from (stored as `notifications.data`). */
export function dataFor(event: StoredEvent, target: Target): NotificationData {
  const p = event.payload;
  const title = target.type === 'update.published' ? (target.update?.title || (str(p, 'title') ?? '')) : target.type === 'terms.amended' ? target.initiative.title : (target.contribution?.title ?? target.initiative.title);
  const data: NotificationData = {
    title,
    initiativeTitle: target.initiative.title,
    excerpt: excerptOf(excerptFor(event, target), EXCERPT),
    link: linkOf(event, target),
  };
  if (target.contribution !== null) data.kind = target.contribution.kind;
  const status = str(p, 'status');
  if (status !== null) data.status = status;
  const previousStatus = str(p, 'previousStatus');
  if (previousStatus !== null) data.previousStatus = previousStatus;
  const version = num(p, 'version');
  if (version !== null && target.type === 'terms.amended') data.version = version;
  const supportCount = num(p, 'supportCount');
  if (supportCount !== null && target.type === 'contribution.supported') data.supportCount = supportCount;
  const waitingHours = num(p, 'waitingHours');
  if (waitingHours !== null) data.waitingHours = waitingHours;
  const targetHours = num(p, 'targetHours');
  if (targetHours !== null) data.targetHours = targetHours;
  return data;
}
