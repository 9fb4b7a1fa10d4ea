import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * The PDS session half of FakeBluesky: HS256 JWTs like the reference PDS issues (access: `com.atproto.access`,
 * 120 min; refresh: `com.atproto.refresh` with a `jti`, 90 days), rotation of refresh tokens, forced expiry, and
 * the answers the PDS gives for a bad token (400 `InvalidToken`, 400 `ExpiredToken`).
 */
export interface JwtPayload {
  scope: string;
  sub: string;
  aud: string;
  iat: number;
  exp: number;
  jti: string;
}

export type TokenCheck = { did: string } | { status: number; error: string; message: string };

export class FakeSessions {
  private readonly secret = randomBytes(32);
  private readonly refreshTokens = new Map<string, { did: string; revoked: boolean }>();
  private readonly forcedExpired = new Set<string>();

  constructor(
    private readonly audience: () => string,
    readonly ttl: { accessSeconds: number; refreshSeconds: number },
  ) {}

  /** A new access/refresh pair for an account. */
  issue(did: string): { accessJwt: string; refreshJwt: string } {
    const now = Math.floor(Date.now() / 1000);
    const refreshJti = randomBytes(16).toString('base64url');
    this.refreshTokens.set(refreshJti, { did, revoked: false });
    const common = { sub: did, aud: this.audience(), iat: now };
    return {
      accessJwt: this.sign({ ...common, scope: 'com.atproto.access', exp: now + this.ttl.accessSeconds, jti: randomBytes(8).toString('base64url') }, 'at+jwt'),
      refreshJwt: this.sign({ ...common, scope: 'com.atproto.refresh', exp: now + this.ttl.refreshSeconds, jti: refreshJti }, 'refresh+jwt'),
    };
  }

  /** Checks an access token (Bearer) as the PDS auth verifier does. */
  checkAccess(token: string | undefined): TokenCheck {
    return this.check(token, 'com.atproto.access');
  }

  /** refreshSession: checks the refresh token, revokes it, and issues a new pair. */
  rotate(token: string | undefined): TokenCheck & { pair?: { accessJwt: string; refreshJwt: string } } {
    const checked = this.check(token, 'com.atproto.refresh');
    if (!('did' in checked)) return checked;
    const stored = this.refreshTokens.get(this.payload(token!)!.jti);
    if (!stored || stored.revoked) return { status: 400, error: 'ExpiredToken', message: 'Token has been revoked' };
    stored.revoked = true;
    return { did: checked.did, pair: this.issue(checked.did) };
  }

  expire(token: string): void {
    this.forcedExpired.add(token);
  }

  revokeRefresh(token: string): void {
    const payload = this.payload(token);
    const stored = payload ? this.refreshTokens.get(payload.jti) : undefined;
    if (stored) stored.revoked = true;
  }

  private check(token: string | undefined, scope: string): TokenCheck {
    if (!token) return { status: 401, error: 'AuthMissing', message: 'Authentication Required' };
    const payload = this.payload(token);
    if (!payload) return { status: 400, error: 'InvalidToken', message: 'Token could not be verified' };
    if (payload.scope !== scope) return { status: 400, error: 'InvalidToken', message: 'Bad token scope' };
    if (payload.exp * 1000 <= Date.now() || this.forcedExpired.has(token)) return { status: 400, error: 'ExpiredToken', message: 'Token has expired' };
    return { did: payload.sub };
  }

  /** The verified payload of a JWT signed here, or undefined. */
  private payload(token: string): JwtPayload | undefined {
    const [header, body, signature] = token.split('.');
    if (!header || !body || !signature) return undefined;
    if (this.mac(`${header}.${body}`) !== signature) return undefined;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as JwtPayload;
    } catch {
      return undefined;
    }
  }

  private sign(payload: JwtPayload, typ: string): string {
    const head = Buffer.from(JSON.stringify({ typ, alg: 'HS256' })).toString('base64url');
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${head}.${body}.${this.mac(`${head}.${body}`)}`;
  }

  private mac(input: string): string {
    return createHmac('sha256', this.secret).update(input).digest('base64url');
  }
}

/** Fixed-window counters keyed by name, with the `RateLimit-*` headers of xrpc-server. */
export class FakeRateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  /** Consumes points; `exceeded` when the window's limit was passed. */
  hit(key: string, limit: number, windowMs: number, points = 1): { limit: number; remaining: number; resetAt: number; windowMs: number; exceeded: boolean } {
    const now = Date.now();
    const current = this.windows.get(key);
    const window = current && now < current.start + windowMs ? current : { start: now, used: 0 };
    window.used += points;
    this.windows.set(key, window);
    return { limit, remaining: Math.max(0, limit - window.used), resetAt: window.start + windowMs, windowMs, exceeded: window.used > limit };
  }

  reset(): void {
    this.windows.clear();
  }

  static headers(result: { limit: number; remaining: number; resetAt: number; windowMs: number }): Record<string, string> {
    return {
      'RateLimit-Limit': String(result.limit),
      'RateLimit-Remaining': String(result.remaining),
      'RateLimit-Reset': String(Math.ceil(result.resetAt / 1000)),
      'RateLimit-Policy': `${result.limit};w=${Math.round(result.windowMs / 1000)}`,
    };
  }
}

/** A CIDv1 string (base32, `b…`): codec 0x55 raw for blobs (`bafkrei…`), 0x71 dag-cbor for records (`bafyrei…`). */
export function fakeCid(codec: 0x55 | 0x71, bytes: Buffer | string): string {
  const digest = createHash('sha256').update(bytes).digest();
  return `b${base32(Buffer.concat([Buffer.from([0x01, codec, 0x12, 0x20]), digest]))}`;
}

/** A `did:plc:` identifier (24 base32 characters) derived from a seed. */
export function fakeDid(seed: string): string {
  return `did:plc:${base32(createHash('sha256').update(seed).digest()).slice(0, 24)}`;
}

function base32(bytes: Buffer): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}
