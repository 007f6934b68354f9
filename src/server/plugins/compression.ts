import { gzipSync } from 'node:zlib';
import { Negotiator } from '@fastify/accept-negotiator';

/**
 * gzip for the answers the read cache keeps: compressed once per kept answer, then served
 * compressed to every reader whose client accepts it (every browser does). A feed page of
 * 14 KB goes out as 3.4 KB; compressing it takes about 0.2 ms, once.
 */

/** Answers shorter than this go out as they are: gzip would save little and cost a header. */
export const MIN_COMPRESSED_BYTES = 1_024;

// No cache of parsed headers: it would grow with every distinct header a client invents.
const negotiator = new Negotiator({ supportedValues: ['gzip', 'identity'] });

/** Whether the client takes gzip (Accept-Encoding, with its q-values: `gzip;q=0` refuses it). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  return typeof header === 'string' && header !== '' && negotiator.negotiate(header) === 'gzip';
}

/** A kept answer and its gzip form: undefined until a client asks, null when too short to gain. */
export interface Compressible {
  body: string;
  gzip?: Buffer | null;
}

/** The gzip form of a kept answer, made on first use; null when the answer is too short to gain. */
export function gzipped(entry: Compressible): Buffer | null {
  // Characters, not bytes: close enough for a threshold, and no pass over the text on every hit.
  entry.gzip ??= entry.body.length < MIN_COMPRESSED_BYTES ? null : gzipSync(entry.body);
  return entry.gzip;
}
