import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TokenKeyConfig } from '../config/posting.config';

export interface Sealed {
  /** `base64(iv).base64(tag).base64(ciphertext)` */
  ciphertext: string;
  keyId: string;
}

/**
 * AES-256-GCM for tokens at rest. Every value gets a fresh 96-bit IV; the key id is stored beside it, so keys
 * rotate by adding a new key, making it active and re-sealing (`reseal`) while the old key still decrypts.
 */
export class TokenCipher {
  constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    readonly activeKeyId: string,
  ) {
    if (!keys.has(activeKeyId)) throw new Error(`token encryption key "${activeKeyId}" is not configured`);
  }

  /** From configuration; in development without keys, a generated key kept in `keyFile`. */
  static fromConfig(config: TokenKeyConfig): TokenCipher {
    if (config.keys.size > 0) return new TokenCipher(config.keys, config.activeKeyId);
    const file = config.keyFile!;
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    chmodSync(file, 0o600);
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    return new TokenCipher(new Map([[config.activeKeyId, key]]), config.activeKeyId);
  }

  seal(plaintext: string): Sealed {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.activeKeyId)!, iv);
    cipher.setAAD(Buffer.from(this.activeKeyId));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { ciphertext: [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64')).join('.'), keyId: this.activeKeyId };
  }

  open(sealed: Sealed): string {
    const key = this.keys.get(sealed.keyId);
    if (!key) throw new Error(`token was sealed with key "${sealed.keyId}", which is no longer configured`);
    const [iv, tag, body] = sealed.ciphertext.split('.').map((part) => Buffer.from(part, 'base64'));
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(sealed.keyId));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }

  /** Whether a value should be re-sealed with the active key. */
  isStale(sealed: Sealed): boolean {
    return sealed.keyId !== this.activeKeyId;
  }
}
