import { EnvReader, ServiceConfig, readServiceConfig } from '@app/config';
import { PlatformsConfig, readPlatformsConfig } from '@app/platforms';
import path from 'node:path';

export interface TokenKeyConfig {
  /** key id → 32-byte key. Empty when keys come from `keyFile`. */
  keys: Map<string, Buffer>;
  /** The key new tokens are encrypted with. */
  activeKeyId: string;
  /** Development only: a generated key kept in this file (created on first start, mode 0600). */
  keyFile?: string;
}

export interface PostingConfig extends ServiceConfig {
  platforms: PlatformsConfig;
  tokenKeys: TokenKeyConfig;
  /** What a post on a platform with no connected account does: publish to the sandbox, or fail. */
  withoutConnection: 'sandbox' | 'fail';
  /** creative-svc, where generated images are read. */
  creativeUrl: string;
  /** Signs the public media URLs that Instagram and Facebook fetch images from; unset: no public media. */
  mediaSigningKey?: string;
  worker: {
    tickMs: number;
    /** Publishes in flight per replica. */
    concurrency: number;
    /** Publishes in flight per connected account per replica. */
    accountConcurrency: number;
    maxAttempts: number;
    /** How long a claimed publication belongs to this replica before another may take it over (and reconcile). */
    leaseMs: number;
    /** Wait before reconciling an unknown outcome (platforms index new posts with a delay). */
    reconcileDelayMs: number;
    /** First retry delay; doubles per attempt (capped at 15 min), never before the platform's reset. */
    retryBaseMs: number;
  };
}

/** TOKEN_ENCRYPTION_KEYS: `kid=<base64 32 bytes>[,kid2=…]`; TOKEN_ENCRYPTION_KEY_ID picks the active one. */
function parseKeys(raw: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [id, material] = entry.split('=', 2).length === 2 ? [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)] : ['', ''];
    const key = Buffer.from(material, 'base64');
    if (!/^[A-Za-z0-9_.-]{1,32}$/.test(id) || key.length !== 32) throw new Error('must be kid=<base64 of 32 bytes>, comma-separated (generate one with: openssl rand -base64 32)');
    keys.set(id, key);
  }
  return keys;
}

export function readPostingConfig(env: Record<string, string | undefined> = process.env): PostingConfig {
  const reader = new EnvReader(env);
  const config = postingConfigFrom(reader);
  reader.done();
  return config;
}

/** Reads posting-svc's configuration; the caller calls `reader.done()`. */
export function postingConfigFrom(reader: EnvReader): PostingConfig {
  const base = readServiceConfig('posting-svc', reader);
  const keys = reader.parse('TOKEN_ENCRYPTION_KEYS', new Map<string, Buffer>(), parseKeys);
  const activeKeyId = reader.string('TOKEN_ENCRYPTION_KEY_ID', keys.keys().next().value ?? 'local');
  if (keys.size > 0 && !keys.has(activeKeyId)) reader.problem(`TOKEN_ENCRYPTION_KEY_ID "${activeKeyId}" is not among TOKEN_ENCRYPTION_KEYS`);
  if (keys.size === 0 && base.nodeEnv === 'production') reader.problem('TOKEN_ENCRYPTION_KEYS is required in production (tokens are encrypted at rest)');
  const config: PostingConfig = {
    ...base,
    platforms: readPlatformsConfig(reader),
    tokenKeys: { keys, activeKeyId, keyFile: keys.size === 0 ? path.resolve(reader.string('DATA_DIR', './data'), 'token-encryption.key') : undefined },
    withoutConnection: reader.oneOf('PUBLISH_WITHOUT_CONNECTION', ['sandbox', 'fail'] as const, base.nodeEnv === 'production' ? 'fail' : 'sandbox'),
    creativeUrl: reader.url('CREATIVE_URL', 'http://127.0.0.1:3103', ['http:', 'https:']).replace(/\/+$/, ''),
    mediaSigningKey: reader.optional('MEDIA_SIGNING_KEY'),
    worker: {
      tickMs: reader.int('PUBLISH_TICK_MS', 500, { min: 20, max: 60_000 }),
      concurrency: reader.int('PUBLISH_CONCURRENCY', 32, { min: 1, max: 1_000 }),
      accountConcurrency: reader.int('PUBLISH_ACCOUNT_CONCURRENCY', 2, { min: 1, max: 100 }),
      maxAttempts: reader.int('PUBLISH_MAX_ATTEMPTS', 8, { min: 1, max: 100 }),
      leaseMs: reader.int('PUBLISH_LEASE_MS', 120_000, { min: 1_000 }),
      reconcileDelayMs: reader.int('PUBLISH_RECONCILE_DELAY_MS', 5_000, { min: 0 }),
      retryBaseMs: reader.int('PUBLISH_RETRY_BASE_MS', 5_000, { min: 10 }),
    },
  };
  return config;
}
