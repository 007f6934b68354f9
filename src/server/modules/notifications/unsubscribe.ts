import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from '../../context.js';
import { AppError, invalidField, notFound } from '../../lib/errors.js';
import { CATALOGUE, isNotificationType, type DigestPeriod, type NotificationType } from './catalogue.js';
import type { PreferencesService } from './preferences.js';
import type { Unsubscribed } from './schemas.js';

/** What one link turns off: one type, or every type a person gets in one digest. */
export type UnsubscribeScope = NotificationType | `digest:${DigestPeriod}`;

const isScope = (value: string): value is UnsubscribeScope => isNotificationType(value) || value === 'digest:daily' || value === 'digest:weekly';

const mac = (secret: string, userId: string, scope: string): Buffer => createHmac('sha256', secret).update(`moebius-unsubscribe\n${userId}\n${scope}`).digest();

/** A link token: who and what, in the clear, and an HMAC over both with the server's secret. */
export function signUnsubscribe(secret: string, userId: string, scope: UnsubscribeScope): string {
  return `${Buffer.from(`${userId}\n${scope}`).toString('base64url')}.${mac(secret, userId, scope).toString('base64url')}`;
}

export const unsubscribeUrl = (baseUrl: string, secret: string, userId: string, scope: UnsubscribeScope): string =>
  `${baseUrl}/api/v1/unsubscribe?token=${signUnsubscribe(secret, userId, scope)}`;

const malformed = () => invalidField('/token', 'is not an unsubscribe token this server issued', 'invalid_token');

/** Reads a token: 422 when it is not one of ours in form, 403 when its signature does not match. */
export function verifyUnsubscribe(secret: string, token: string): { userId: string; scope: UnsubscribeScope } {
  const match = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match?.[1] || !match[2]) throw malformed();
  const parts = Buffer.from(match[1], 'base64url').toString('utf8').split('\n');
  const [userId, scope] = parts;
  if (parts.length !== 2 || userId === undefined || scope === undefined || !/^[0-9A-Za-z-]{1,64}$/.test(userId)) throw malformed();
  const given = Buffer.from(match[2], 'base64url');
  const expected = mac(secret, userId, scope);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError(403, 'invalid_signature', 'This unsubscribe link is not valid: it was changed or not made by this server.');
  }
  // Signed by us, but for something this version no longer knows.
  if (!isScope(scope)) throw invalidField('/token', 'names a notification type that no longer exists', 'unknown_type');
  return { userId, scope };
}

/**
 * From an e-mail, no login: the link's type (or every type of that digest) is set to off when
 * `apply` (a POST: the button on the page, or a mail provider's RFC 8058 one-click). A GET only
 * says what the link would do: mail scanners and link previews open links, and must not
 * unsubscribe anyone.
 */
export async function unsubscribe(ctx: Context, preferences: PreferencesService, token: string, apply: boolean): Promise<Unsubscribed> {
  const { userId, scope } = verifyUnsubscribe(ctx.config.secret, token);
  const user = await ctx.db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('The account of this link');
  let types: NotificationType[];
  if (isNotificationType(scope)) {
    types = [scope];
  } else {
    const period = scope === 'digest:daily' ? 'daily' : 'weekly';
    types = (await preferences.list(userId)).preferences.filter((p) => p.mode === period).map((p) => p.type);
  }
  const what = isNotificationType(scope) ? `e-mail when ${CATALOGUE[scope].description.toLowerCase()}` : `${scope.slice('digest:'.length)} digests`;
  if (!apply) return { unsubscribed: [], confirm: true, message: `Stop receiving ${what}?` };
  await preferences.set(ctx.db, userId, types.map((type) => [type, 'off']));
  return { unsubscribed: types, confirm: false, message: `You will no longer receive ${what}. You can change this any time in your notification settings.` };
}
