import { describe, expect, it } from 'vitest';
import { maskSecret, newSigningSecret, SecretBox, secretKey, sign } from './signing.js';

describe('Standard Webhooks signing', () => {
  it("reproduces the specification's published test vector", () => {
    expect(sign('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('makes whsec_ secrets of 32 random bytes, masked to their last four characters', () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(secretKey(secret)).toHaveLength(32);
    expect(newSigningSecret()).not.toBe(secret);
    expect(maskSecret(secret)).toBe(`whsec_…${secret.slice(-4)}`);
  });

  it('seals secrets under the server secret; another server secret cannot open them', () => {
    const box = new SecretBox('a-server-secret-that-is-long-enough-0123');
    const sealed = box.seal('whsec_abc');
    expect(sealed).not.toContain('abc');
    expect(box.open(sealed)).toBe('whsec_abc');
    expect(new SecretBox('another-server-secret-long-enough-456789').open(sealed)).toBeNull();
    expect(box.open('')).toBeNull();
    expect(box.open('v1.x.y.z')).toBeNull();
  });
});
