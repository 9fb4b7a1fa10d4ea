import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TokenCipher } from './token-cipher';

describe('TokenCipher (AES-256-GCM, rotating keys)', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  it('seals with a fresh IV each time and opens what it sealed', () => {
    const cipher = new TokenCipher(new Map([['k1', oldKey]]), 'k1');
    const a = cipher.seal('secret-token');
    const b = cipher.seal('secret-token');
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(a.ciphertext).not.toContain('secret-token');
    expect(a.keyId).toBe('k1');
    expect(cipher.open(a)).toBe('secret-token');
  });

  it('rejects a tampered ciphertext and a value moved to another key id', () => {
    const cipher = new TokenCipher(new Map([['k1', oldKey], ['k2', oldKey]]), 'k1');
    const sealed = cipher.seal('secret-token');
    const [iv, tag, body] = sealed.ciphertext.split('.');
    const flipped = Buffer.from(body, 'base64');
    flipped[0] ^= 1;
    expect(() => cipher.open({ ...sealed, ciphertext: [iv, tag, flipped.toString('base64')].join('.') })).toThrow();
    expect(() => cipher.open({ ...sealed, keyId: 'k2' })).toThrow(); // the key id is authenticated data
  });

  it('after rotation, seals with the new key and still opens values sealed with the old one', () => {
    const before = new TokenCipher(new Map([['2025', oldKey]]), '2025').seal('old-token');
    const rotated = new TokenCipher(new Map([['2025', oldKey], ['2026', newKey]]), '2026');
    expect(rotated.open(before)).toBe('old-token');
    expect(rotated.isStale(before)).toBe(true);
    expect(rotated.seal('new-token').keyId).toBe('2026');
    const withoutOld = new TokenCipher(new Map([['2026', newKey]]), '2026');
    expect(() => withoutOld.open(before)).toThrow('no longer configured');
  });

  it('in development without keys, generates one key file (mode 0600) and reuses it', () => {
    const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'cipher-')), 'data', 'token-encryption.key');
    const first = TokenCipher.fromConfig({ keys: new Map(), activeKeyId: 'local', keyFile });
    const sealed = first.seal('dev-token');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(keyFile, 'utf8'), 'base64')).toHaveLength(32);
    expect(TokenCipher.fromConfig({ keys: new Map(), activeKeyId: 'local', keyFile }).open(sealed)).toBe('dev-token');
  });
});
