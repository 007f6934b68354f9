import type { TFunction } from 'i18next';
import { KINDS, ROLES, type EventItem, type ProtagonistKind, type Role } from '../../lib/types';

type Payload = Record<string, unknown>;

const text = (payload: Payload, key: string): string | null => {
  const value = payload[key];
  return typeof value === 'string' ? value : null;
};
const record = (payload: Payload, key: string): Payload => {
  const value = payload[key];
  return typeof value === 'object' && value !== null ? (value as Payload) : {};
};
const isRole = (value: unknown): value is Role => ROLES.some((r) => r === value);
const isKind = (value: unknown): value is ProtagonistKind => KINDS.some((k) => k === value);

export interface DescribeContext {
  t: TFunction;
  /** Resolves user ids that events name only by id (the subject of membership events). */
  nameOf: (userId: string) => string | null;
  /** "name, description and visibility", in the reader's language. */
  list: (items: string[]) => string;
}

/** One readable sentence per audit event, e.g. "Ana García changed Chloé Martin's role from member to steward". */
export function describeEvent({ t, nameOf, list }: DescribeContext, event: EventItem): string {
  const actor = event.actor?.name ?? t('activity.someone');
  const p = event.payload;
  const subject = () => event.subjectName ?? nameOf(event.subjectId) ?? t('activity.formerMember');
  const role = (value: unknown) => (isRole(value) ? t(`roles.${value}`) : String(value));
  const kind = (value: unknown) => (isKind(value) ? t(`kinds.${value}`) : String(value));
  const asKind = (value: unknown) => (isKind(value) ? t(`kindsInSentence.${value}`) : String(value));

  switch (event.type) {
    case 'org.created':
      return t('activity.events.orgCreated', { actor, name: text(p, 'name') ?? '' });
    case 'org.updated': {
      const fields = Object.keys(record(p, 'changes')).map((field) =>
        field === 'name' || field === 'description' || field === 'visibility' ? t(`activity.fields.${field}`) : field,
      );
      const visibility = record(record(p, 'changes'), 'visibility').to;
      if (fields.length === 1 && (visibility === 'public' || visibility === 'private')) {
        return t('activity.events.orgVisibility', { actor, visibility: t(`visibility.${visibility}`) });
      }
      return t('activity.events.orgUpdated', { actor, fields: list(fields) });
    }
    case 'membership.created': {
      const via = text(p, 'via');
      const values = { actor, subject: subject(), role: role(p.role), kind: asKind(p.kind) };
      if (via === 'created_org') return t('activity.events.memberFounded', values);
      if (via === 'invitation') return t('activity.events.memberJoined', values);
      return t('activity.events.memberAdded', values);
    }
    case 'membership.changed': {
      const from = record(p, 'from');
      const to = record(p, 'to');
      const sentences: string[] = [];
      if (from.role !== to.role) sentences.push(t('activity.events.roleChanged', { actor, subject: subject(), from: role(from.role), to: role(to.role) }));
      if (from.kind !== to.kind) sentences.push(t('activity.events.kindChanged', { actor, subject: subject(), from: kind(from.kind), to: kind(to.kind) }));
      return sentences.length > 0 ? sentences.join(' ') : t('activity.events.memberUnchanged', { actor, subject: subject() });
    }
    case 'membership.removed':
      return t('activity.events.memberRemoved', { actor, subject: subject(), role: role(p.role) });
    case 'membership.left':
      return t('activity.events.memberLeft', { actor });
    case 'invitation.created':
      return t('activity.events.invited', { actor, email: text(p, 'email') ?? '', role: role(p.role), kind: asKind(p.kind) });
    case 'invitation.revoked':
      return text(p, 'reason') === 'replaced'
        ? t('activity.events.invitationReplaced', { actor, email: text(p, 'email') ?? '' })
        : t('activity.events.invitationRevoked', { actor, email: text(p, 'email') ?? '' });
    case 'invitation.accepted':
      return t('activity.events.invitationAccepted', { actor, email: text(p, 'email') ?? '' });
    default:
      return t('activity.events.other', { actor, type: event.type });
  }
}
