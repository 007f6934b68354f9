import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import { assertPublicTarget, checkTarget, isNonPublicAddress, targetPolicy } from './targets.js';

const deployment = { allowLocal: false };
const laptop = { allowLocal: true };

function refusal(url: string, policy: { allowLocal: boolean }): string | null {
  try {
    checkTarget(url, policy);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.details[0]?.code ?? error.code;
    throw error;
  }
}

describe('webhook targets', () => {
  it('a deployment takes only https:// to public hosts', () => {
    expect(checkTarget('https://hooks.example.com/in?x=1#frag', deployment)).toBe('https://hooks.example.com/in?x=1');
    for (const url of ['http://hooks.example.com/', 'ftp://example.com/', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url', '/relative']) {
      expect(refusal(url, deployment), url).toBe('invalid_url');
    }
    expect(refusal('https://user:pass@example.com/', deployment)).toBe('invalid_url');
    for (const url of [
      'https://localhost/', 'https://api.localhost/', 'https://127.0.0.1/', 'https://127.1/', 'https://2130706433/', 'https://0x7f.0.0.1/', 'https://10.1.2.3/', 'https://172.16.0.1/',
      'https://192.168.1.1/', 'https://169.254.169.254/latest/meta-data', 'https://100.64.0.1/', 'https://0.0.0.0/', 'https://[::1]/', 'https://[::ffff:127.0.0.1]/',
      'https://[fd00::1]/', 'https://[fe80::1]/', 'https://intranet/', 'https://printer.local/', 'https://db.internal/',
    ]) {
      expect(refusal(url, deployment), url).toBe('private_address');
    }
  });

  it('a developer machine also takes http:// to loopback, and nothing else over http', () => {
    expect(checkTarget('http://127.0.0.1:8080/hook', laptop)).toBe('http://127.0.0.1:8080/hook');
    expect(checkTarget('http://localhost:3001/', laptop)).toBe('http://localhost:3001/');
    expect(checkTarget('http://[::1]:9000/', laptop)).toBe('http://[::1]:9000/');
    expect(checkTarget('https://10.0.0.5/', laptop)).toBe('https://10.0.0.5/');
    expect(refusal('http://example.com/', laptop)).toBe('invalid_url');
    expect(refusal('http://10.0.0.5/', laptop)).toBe('invalid_url');
    expect(refusal('gopher://127.0.0.1/', laptop)).toBe('invalid_url');
  });

  it('knows which addresses are not public', () => {
    for (const ip of ['127.0.0.1', '10.0.0.1', '::1', '::ffff:10.0.0.1', '::ffff:a00:1', 'fc00::1', '224.0.0.1', '255.255.255.255']) expect(isNonPublicAddress(ip), ip).toBe(true);
    for (const ip of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '8.8.8.8', 'example.com']) expect(isNonPublicAddress(ip), ip).toBe(false);
  });

  it('checks again before each attempt what the host resolves to', async () => {
    await expect(assertPublicTarget('https://127.0.0.1/', deployment)).rejects.toThrow('not a public address');
    await expect(assertPublicTarget('https://localhost/', deployment)).rejects.toThrow('not a public address');
    await expect(assertPublicTarget('https://localhost/', laptop)).resolves.toBeUndefined();
  });

  it('a developer machine is Moebius on a loopback address, or NODE_ENV development or test', () => {
    expect(targetPolicy({ baseUrl: 'http://localhost:3000' }, {}).allowLocal).toBe(true);
    expect(targetPolicy({ baseUrl: 'https://moebius.example.org' }, {}).allowLocal).toBe(false);
    expect(targetPolicy({ baseUrl: 'https://moebius.example.org' }, { NODE_ENV: 'production' }).allowLocal).toBe(false);
    expect(targetPolicy({ baseUrl: 'https://moebius.example.org' }, { NODE_ENV: 'test' }).allowLocal).toBe(true);
  });
});
