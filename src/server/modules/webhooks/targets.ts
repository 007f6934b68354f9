import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { Config } from '../../config.js';
import { invalidField } from '../../lib/errors.js';

/**
 * Where deliveries may go. Webhooks make the server send requests to addresses owners choose,
 * so a careless rule would let them probe the network Moebius runs in (SSRF).
 *
 * - Always: `https://` to a public host; no user name or password in the URL.
 * - `allowLocal` (a developer's machine): also `http://` and `https://` to localhost,
 *   127.0.0.1 and [::1], and addresses in private ranges.
 * - Otherwise (a deployment): hosts that are, or resolve to, loopback, private, link-local,
 *   shared (CGNAT), documentation, multicast or reserved addresses are refused, when the URL is
 *   registered (names and literal addresses) and again before every attempt (what the name
 *   resolves to then).
 */
export interface TargetPolicy {
  allowLocal: boolean;
}

/**
 * A developer's machine: Moebius itself is reached at a loopback address (the default
 * `http://localhost:3000`), or NODE_ENV says development or test. Anything else is a deployment.
 */
export function targetPolicy(config: Pick<Config, 'baseUrl'>, env: NodeJS.ProcessEnv = process.env): TargetPolicy {
  const host = new URL(config.baseUrl).hostname;
  return { allowLocal: isLoopbackHost(host) || env.NODE_ENV === 'development' || env.NODE_ENV === 'test' };
}

const nonPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24],
  ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) nonPublic.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) nonPublic.addSubnet(network, prefix, 'ipv6');

const stripBrackets = (host: string): string => (host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host);

/** True for an IP address that is not on the public internet. IPv4-mapped IPv6 counts as its IPv4. */
export function isNonPublicAddress(address: string): boolean {
  const ip = stripBrackets(address);
  const family = isIP(ip);
  if (family === 0) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1] !== undefined) return nonPublic.check(mapped[1], 'ipv4');
  // The URL parser writes IPv4-mapped addresses in hex: [::ffff:7f00:1] is 127.0.0.1.
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (hex?.[1] !== undefined && hex[2] !== undefined) {
    const high = parseInt(hex[1], 16);
    const low = parseInt(hex[2], 16);
    return nonPublic.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, 'ipv4');
  }
  return nonPublic.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

function isLoopbackHost(host: string): boolean {
  const name = stripBrackets(host).toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name === '127.0.0.1' || name === '::1';
}

/** Names that only mean something inside a network: never public. */
function isInternalName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (isIP(stripBrackets(name)) !== 0) return false;
  return !name.includes('.') || /\.(localhost|local|internal|intranet|lan|home\.arpa|corp)$/.test(name);
}

const refuse = (message: string, code = 'invalid_url') => invalidField('/url', message, code);

/** Checks a URL an owner gives; returns it normalised (no fragment) or throws a 422 on /url. */
export function checkTarget(raw: string, policy: TargetPolicy): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('is not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('must start with https://');
  if (url.username !== '' || url.password !== '') throw refuse('must not contain a user name or password; Moebius signs every delivery instead');
  const host = url.hostname;
  if (url.protocol === 'http:' && !(policy.allowLocal && isLoopbackHost(host))) {
    throw refuse(policy.allowLocal ? 'must start with https:// (http:// only for localhost, 127.0.0.1 or [::1])' : 'must start with https://');
  }
  if (!policy.allowLocal && (isLoopbackHost(host) || isNonPublicAddress(host) || isInternalName(host))) {
    throw refuse('must be a public address, not a local or private one', 'private_address');
  }
  url.hash = '';
  return url.href;
}

const LOOKUP_TIMEOUT_MS = 5_000;

async function resolve(host: string): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${host} did not resolve within ${LOOKUP_TIMEOUT_MS / 1000} s`)), LOOKUP_TIMEOUT_MS);
  });
  try {
    return (await Promise.race([lookup(host, { all: true, verbatim: true }), timeout])).map((a) => a.address);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Before each attempt in a deployment: what the host resolves to now must be public (a name
 * can be pointed at a private address after it was registered). Throws with the reason.
 */
export async function assertPublicTarget(url: string, policy: TargetPolicy): Promise<void> {
  if (policy.allowLocal) return;
  const host = stripBrackets(new URL(url).hostname);
  const addresses = isIP(host) !== 0 ? [host] : await resolve(host);
  const blocked = addresses.find(isNonPublicAddress);
  if (blocked !== undefined) throw new Error(`refused: ${host} resolves to ${blocked}, which is not a public address`);
}
