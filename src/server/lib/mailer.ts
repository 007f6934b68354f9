import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { newId } from './ids.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** A stable Message-ID (without it nodemailer makes a random one), e.g. derived from a dedupe key. */
  messageId?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

const FROM = 'Moebius <no-reply@moebius.local>';

/** Sends over SMTP when a URL is configured. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;
  constructor(url: string) {
    this.transport = nodemailer.createTransport(url);
  }
  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({ from: FROM, ...mail });
  }
}

/** Without SMTP, every mail becomes an .eml file under `<dataDir>/mail`, readable by any mail client. */
export class FileMailer implements Mailer {
  private readonly transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  constructor(readonly directory: string) {}
  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({ from: FROM, ...mail });
    mkdirSync(this.directory, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    writeFileSync(join(this.directory, `${stamp}-${newId()}.eml`), info.message as Buffer);
  }
}

export const createMailer = (smtpUrl: string | null, dataDir: string): Mailer =>
  smtpUrl !== null ? new SmtpMailer(smtpUrl) : new FileMailer(join(dataDir, 'mail'));
