/**
 * The event types an organisation's webhooks may subscribe to: every domain event recorded
 * with an organisation. Events without one (sign-ups, personal tokens) never leave Moebius
 * by webhook. A module that records a new type adds it here (a test compares this list with
 * the types the code records).
 */
export const WEBHOOK_EVENT_TYPES = [
  'org.created', 'org.updated',
  'membership.created', 'membership.changed', 'membership.removed', 'membership.left', 'membership.blocked', 'membership.unblocked',
  'invitation.created', 'invitation.revoked', 'invitation.accepted',
  'initiative.created', 'initiative.updated', 'initiative.phases_planned', 'initiative.phase_changed', 'initiative.launched', 'initiative.discarded',
  'initiative.closed', 'initiative.archived', 'initiative.invitee_added', 'initiative.invitee_removed', 'initiative.response_target_changed',
  'terms.drafted', 'terms.sealed', 'terms.amended', 'terms.accepted',
  'need.published', 'need.updated', 'asset.shared', 'asset.updated',
  'contribution.created', 'contribution.revised', 'contribution.supported', 'contribution.support_retracted', 'contribution.merged', 'contribution.unmerged',
  'contribution.themed', 'contribution.coauthor_invited', 'contribution.coauthor_accepted', 'contribution.coauthor_declined', 'contribution.coauthor_removed',
  'contribution.attachment_added', 'contribution.flagged', 'contribution.hidden', 'contribution.unhidden', 'contribution.responded', 'contribution.overdue',
  'comment.created', 'comment.revised', 'comment.flagged', 'comment.hidden', 'comment.unhidden',
  'appeal.opened', 'appeal.upheld', 'appeal.rejected', 'flags.dismissed',
  'theme.created', 'theme.updated',
  'update.published',
  'webhook.created', 'webhook.updated', 'webhook.deleted', 'webhook.secret_rotated',
] as const;

/** Sent by `POST /webhooks/{id}/test` to that one endpoint; nobody subscribes to it. */
export const TEST_EVENT_TYPE = 'webhook.test';

const KNOWN = new Set<string>(WEBHOOK_EVENT_TYPES);
/** `contribution.*` and the like: every type of a family, including types added later. */
export const WEBHOOK_EVENT_FAMILIES = [...new Set(WEBHOOK_EVENT_TYPES.map((type) => type.slice(0, type.indexOf('.'))))];
const FAMILIES = new Set(WEBHOOK_EVENT_FAMILIES);

/** A subscription entry is `*`, `family.*` for a known family, or a known type. */
export function isSubscribable(entry: string): boolean {
  if (entry === '*' || KNOWN.has(entry)) return true;
  return entry.endsWith('.*') && FAMILIES.has(entry.slice(0, -2));
}

/** Whether a webhook subscribed to `entries` receives events of `type`. */
export function subscribes(entries: readonly string[], type: string): boolean {
  if (type === TEST_EVENT_TYPE) return false;
  const dot = type.indexOf('.');
  const family = dot === -1 ? type : type.slice(0, dot);
  return entries.some((entry) => entry === '*' || entry === type || entry === `${family}.*`);
}
