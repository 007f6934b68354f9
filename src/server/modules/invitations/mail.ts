import type { OutgoingMail } from '../../lib/mailer.js';

/** The invitation e-mail, plain text with a link (HTML mail arrives with the notifications work). */
export function invitationMail(input: { to: string; inviter: string; orgName: string; role: string; acceptUrl: string; expiresAt: string; message?: string | undefined }): OutgoingMail {
  const note = input.message ? `\n${input.inviter} wrote:\n\n  ${input.message.split('\n').join('\n  ')}\n` : '';
  return {
    to: input.to,
    subject: `${input.inviter} invited you to ${input.orgName} on Moebius`,
    text: [
      `Hello,`,
      ``,
      `${input.inviter} invited you to join ${input.orgName} on Moebius as ${input.role}.`,
      note,
      `Accept the invitation here:`,
      input.acceptUrl,
      ``,
      `The link works until ${input.expiresAt.slice(0, 10)}. If you did not expect this, ignore this e-mail.`,
    ].join('\n'),
  };
}
