import type { OutgoingMail } from '../../lib/mailer.js';
import { CATALOGUE, type DigestPeriod, type NotificationType } from './catalogue.js';
import type { NotificationData } from './schemas.js';

/** One notification as a mail shows it. */
export interface MailItem {
  eventId: number;
  type: NotificationType;
  data: NotificationData;
  actorName: string | null;
}

const words = (status: string) => status.replace(/_/g, ' ');
/** Said instead of the words of something the hosts hid after it happened. */
const WITHHELD = 'The hosts hid it since: its words are no longer shown here.';
const quoted = (title: string) => `"${title}"`;

/** What happened, in one English sentence. */
export function headline(item: MailItem): string {
  // Hidden by the hosts since it was written: the title was left out (withheld.ts).
  const data = item.data.withheld === true && item.data.title === '' ? { ...item.data, title: 'hidden by the hosts' } : item.data;
  const who = item.actorName ?? 'Someone';
  switch (item.type) {
    case 'contribution.responded':
      return `${item.actorName ?? 'The hosts'} responded to ${quoted(data.title)}: ${words(data.status ?? 'received')}`;
    case 'update.published':
      return `New update in ${data.initiativeTitle}: ${data.title}`;
    case 'contribution.overdue':
      return `${quoted(data.title)} has waited ${Math.round(data.waitingHours ?? 0)} hours for a response (target: ${Math.round(data.targetHours ?? 0)} hours)`;
    case 'contribution.hidden':
      return `The hosts hid your contribution ${quoted(data.title)}`;
    case 'comment.hidden':
      return `The hosts hid your comment on ${quoted(data.title)}`;
    case 'appeal.upheld':
      return `Your appeal about ${quoted(data.title)} was upheld: it is visible again`;
    case 'appeal.rejected':
      return `Your appeal about ${quoted(data.title)} was rejected`;
    case 'contribution.coauthor_invited':
      return `${who} invited you to co-author ${quoted(data.title)}`;
    case 'terms.amended':
      return `The terms of ${data.initiativeTitle} changed (version ${data.version ?? '?'})`;
    case 'comment.created':
      return `${who} commented on ${quoted(data.title)}`;
    case 'contribution.created':
      return `${who} shared a new ${data.kind ?? 'contribution'} in ${data.initiativeTitle}: ${quoted(data.title)}`;
    case 'contribution.supported':
      return `${quoted(data.title)} now has ${data.supportCount ?? 'more'} supporters`;
  }
}

/** The line that introduces the excerpt, if the type has one. */
function excerptLabel(type: NotificationType): string {
  switch (type) {
    case 'contribution.hidden':
    case 'comment.hidden':
      return 'The reason';
    case 'appeal.upheld':
    case 'appeal.rejected':
      return 'The hosts wrote';
    case 'terms.amended':
      return 'Why it changed';
    case 'contribution.responded':
      return 'Their response';
    default:
      return '';
  }
}

function afterword(type: NotificationType): string {
  switch (type) {
    case 'terms.amended':
      return 'Read and accept the new version before your next contribution. What you contributed before keeps the terms you accepted then.';
    case 'contribution.hidden':
    case 'comment.hidden':
      return 'Nothing was deleted. If you think this is wrong, you can appeal from the page.';
    case 'contribution.coauthor_invited':
      return 'Accept or decline on the contribution page.';
    default:
      return '';
  }
}

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const absolute = (baseUrl: string, link: string) => `${baseUrl}${link.startsWith('/') ? link : `/${link}`}`;

/** A Message-ID made from the dedupe key, so a mail sent again after a crash is recognisably the same. */
export function messageIdFor(dedupeKey: string, baseUrl: string): string {
  const host = new URL(baseUrl).hostname || 'moebius.local';
  return `<${dedupeKey.replace(/[^A-Za-z0-9-]+/g, '.')}@${host}>`;
}

const listHeaders = (unsubscribeUrl: string) => ({ 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

function itemText(item: MailItem, baseUrl: string): string[] {
  const lines = [headline(item)];
  const label = excerptLabel(item.type);
  if (item.data.excerpt !== '') lines.push('', label !== '' ? `${label}:` : '', `  ${item.data.excerpt}`);
  if (item.data.withheld === true) lines.push('', WITHHELD);
  const after = afterword(item.type);
  if (after !== '') lines.push('', after);
  lines.push('', absolute(baseUrl, item.data.link));
  return lines.filter((line, i, all) => !(line === '' && all[i - 1] === ''));
}

function itemHtml(item: MailItem, baseUrl: string): string {
  const label = excerptLabel(item.type);
  const after = afterword(item.type);
  return [
    `<p style="margin:0 0 6px"><strong>${escapeHtml(headline(item))}</strong></p>`,
    item.data.excerpt !== '' ? `<p style="margin:0 0 6px;color:#444">${label !== '' ? `${escapeHtml(label)}: ` : ''}<em>${escapeHtml(item.data.excerpt)}</em></p>` : '',
    item.data.withheld === true ? `<p style="margin:0 0 6px;color:#444"><em>${WITHHELD}</em></p>` : '',
    after !== '' ? `<p style="margin:0 0 6px">${escapeHtml(after)}</p>` : '',
    `<p style="margin:0 0 18px"><a href="${escapeHtml(absolute(baseUrl, item.data.link))}">Open it in Moebius</a></p>`,
  ].join('');
}

const page = (body: string) =>
  `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#1b1b1b;max-width:600px;margin:0 auto;padding:16px">${body}</body></html>`;

export interface Recipient {
  email: string;
  name: string;
}

/** One notification, sent right away. */
export function immediateMail(input: { to: Recipient; item: MailItem; baseUrl: string; dedupeKey: string; unsubscribeUrl: string }): OutgoingMail {
  const { item, baseUrl } = input;
  const preferences = `${baseUrl}/account`;
  const about = CATALOGUE[item.type].description.toLowerCase();
  const text = [
    `Hello ${input.to.name},`,
    '',
    ...itemText(item, baseUrl),
    '',
    '--',
    `You get this e-mail when ${about}.`,
    `Stop these e-mails with one click: ${input.unsubscribeUrl}`,
    `All your notification settings: ${preferences}`,
  ].join('\n');
  const html = page(
    `<p>Hello ${escapeHtml(input.to.name)},</p>${itemHtml(item, baseUrl)}<hr style="border:0;border-top:1px solid #ddd"><p style="font-size:13px;color:#555">You get this e-mail when ${escapeHtml(about)}. <a href="${escapeHtml(input.unsubscribeUrl)}">Stop these e-mails</a> · <a href="${escapeHtml(preferences)}">All your notification settings</a></p>`,
  );
  return { to: input.to.email, subject: headline(item).slice(0, 200), text, html, messageId: messageIdFor(input.dedupeKey, baseUrl), headers: listHeaders(input.unsubscribeUrl) };
}

/** All of a person's pending notifications of one period, in one mail, grouped by initiative. */
export function digestMail(input: {
  to: Recipient;
  period: DigestPeriod;
  items: MailItem[];
  /** Pending items beyond those listed (they are in the inbox). */
  more: number;
  baseUrl: string;
  dedupeKey: string;
  /** Turns off every type this person gets in this digest. */
  unsubscribeUrl: string;
}): OutgoingMail {
  const { baseUrl, items } = input;
  const total = items.length + input.more;
  const inbox = `${baseUrl}/notifications`;
  const preferences = `${baseUrl}/account`;
  const groups = new Map<string, MailItem[]>();
  for (const item of items) groups.set(item.data.initiativeTitle, [...(groups.get(item.data.initiativeTitle) ?? []), item]);
  const title = `Your ${input.period} Moebius digest: ${total} ${total === 1 ? 'notification' : 'notifications'}`;
  const text: string[] = [`Hello ${input.to.name},`, '', `Here is what happened since your last ${input.period === 'daily' ? 'daily' : 'weekly'} digest.`];
  const html: string[] = [`<p>Hello ${escapeHtml(input.to.name)},</p><p>Here is what happened since your last ${input.period} digest.</p>`];
  for (const [initiative, list] of groups) {
    text.push('', initiative, '='.repeat(Math.min(initiative.length, 60)));
    html.push(`<h2 style="font-size:17px;margin:24px 0 8px">${escapeHtml(initiative)}</h2>`);
    for (const item of list) {
      text.push('', ...itemText(item, baseUrl).map((line) => (line === '' ? '' : `  ${line}`)));
      html.push(itemHtml(item, baseUrl));
    }
  }
  if (input.more > 0) {
    text.push('', `… and ${input.more} more in your inbox: ${inbox}`);
    html.push(`<p>… and ${input.more} more in <a href="${escapeHtml(inbox)}">your inbox</a>.</p>`);
  }
  text.push('', '--', `Stop ${input.period} digests with one click: ${input.unsubscribeUrl}`, `All your notification settings: ${preferences}`);
  html.push(`<hr style="border:0;border-top:1px solid #ddd"><p style="font-size:13px;color:#555"><a href="${escapeHtml(input.unsubscribeUrl)}">Stop ${input.period} digests</a> · <a href="${escapeHtml(preferences)}">All your notification settings</a></p>`);
  return { to: input.to.email, subject: title, text: text.join('\n'), html: page(html.join('')), messageId: messageIdFor(input.dedupeKey, baseUrl), headers: listHeaders(input.unsubscribeUrl) };
}
