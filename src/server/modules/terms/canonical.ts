import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Terms } from './schemas.js';

/** RFC 8785 canonical JSON: the same terms always give the same bytes. */
export function canonicalJson(terms: Terms): string {
  const text = canonicalize(terms);
  if (text === undefined) throw new Error('terms cannot be canonicalised');
  return text;
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
