import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The invitation links in the .eml files the server wrote to <dataDir>/mail (no SMTP configured). */
export function invitationLinksInMail(dataDir: string): string[] {
  const dir = join(dataDir, 'mail');
  if (!existsSync(dir)) return [];
  const links: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.eml')).sort()) {
    // Quoted-printable soft line breaks ("=\n") may split the link.
    const text = readFileSync(join(dir, file), 'utf8').replace(/=\r?\n/g, '');
    for (const match of text.matchAll(/https?:\/\/[^\s"<>]+\/invitations\/[A-Za-z0-9_-]+/g)) links.push(match[0]);
  }
  return links;
}
