/**
 * What a person can be notified of: one entry per domain event type, with the e-mail mode it
 * has until the person chooses another, and a sentence for the preferences page and mails.
 */
export const MAIL_MODES = ['immediately', 'daily', 'weekly', 'off'] as const;
export type MailMode = (typeof MAIL_MODES)[number];
/** The two digest periods. */
export type DigestPeriod = 'daily' | 'weekly';

export const NOTIFICATION_TYPES = [
  'contribution.responded',
  'update.published',
  'contribution.overdue',
  'contribution.hidden',
  'comment.hidden',
  'appeal.upheld',
  'appeal.rejected',
  'contribution.coauthor_invited',
  'terms.amended',
  'comment.created',
  'contribution.created',
  'contribution.supported',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export interface TypeInfo {
  /** The e-mail mode until the person chooses another. */
  defaultMode: MailMode;
  /** What it is, for the preferences page and the unsubscribe confirmation. */
  description: string;
}

export const CATALOGUE: Record<NotificationType, TypeInfo> = {
  'contribution.responded': { defaultMode: 'immediately', description: 'The hosts respond to a contribution you wrote, support or follow' },
  'update.published': { defaultMode: 'immediately', description: 'A progress update in an initiative you follow, or about a contribution you wrote or support' },
  'contribution.overdue': { defaultMode: 'immediately', description: 'A contribution in an initiative you steward waits past its response target' },
  'contribution.hidden': { defaultMode: 'immediately', description: 'The hosts hide a contribution of yours' },
  'comment.hidden': { defaultMode: 'immediately', description: 'The hosts hide a comment of yours' },
  'appeal.upheld': { defaultMode: 'immediately', description: 'Your appeal is upheld' },
  'appeal.rejected': { defaultMode: 'immediately', description: 'Your appeal is rejected' },
  'contribution.coauthor_invited': { defaultMode: 'immediately', description: 'Someone invites you to co-author a contribution' },
  'terms.amended': { defaultMode: 'immediately', description: 'The terms you accepted in an initiative are amended' },
  'comment.created': { defaultMode: 'daily', description: 'A new comment on a contribution you wrote or follow' },
  'contribution.created': { defaultMode: 'daily', description: 'A new contribution in an initiative you follow' },
  'contribution.supported': { defaultMode: 'off', description: 'Someone supports a contribution of yours' },
};

export const isNotificationType = (type: string): type is NotificationType => (NOTIFICATION_TYPES as readonly string[]).includes(type);
export const isMailMode = (mode: string): mode is MailMode => (MAIL_MODES as readonly string[]).includes(mode);

/** A person's mode for a type: their choice, else the default. */
export const modeOf = (type: NotificationType, chosen: string | undefined): MailMode => (chosen !== undefined && isMailMode(chosen) ? chosen : CATALOGUE[type].defaultMode);
