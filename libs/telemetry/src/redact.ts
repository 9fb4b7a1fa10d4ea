/** Field names whose values are secrets wherever they appear (JSON bodies, query strings, headers, objects). */
const SECRET_KEYS = [
  'password',
  'passwd',
  'secret',
  'client_secret',
  'clientSecret',
  'token',
  'access_token',
  'accessToken',
  'refresh_token',
  'refreshToken',
  'id_token',
  'code_verifier',
  'codeVerifier',
  'authorization',
  'api_key',
  'apiKey',
  'x-goog-api-key',
  'key',
  'appPassword',
  'app_password',
  'sig',
  'signature',
];
const KEY_ALTERNATIVES = SECRET_KEYS.map((k) => k.replace(/[-_]/g, '[-_]?')).join('|');
const MASK = '[REDACTED]';

const PATTERNS: Array<[RegExp, string]> = [
  // Authorization header values: "Bearer abc", "Basic abc".
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi, `$1 ${MASK}`],
  // JWTs anywhere (three base64url parts, the first starting with eyJ).
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, MASK],
  // "key":"value" in JSON text.
  [new RegExp(`("(?:${KEY_ALTERNATIVES})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), `$1"${MASK}"`],
  // key=value in query strings and form bodies.
  [new RegExp(`([?&;\\s](?:${KEY_ALTERNATIVES})=)[^&\\s"']+`, 'gi'), `$1${MASK}`],
  // Passwords in URLs: scheme://user:password@host.
  [/([a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:)[^@\s]+@/gi, `$1${MASK}@`],
];

/** The text with secrets it may carry (tokens, passwords, keys, URL credentials) masked. */
export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

const SECRET_KEY = new RegExp(`^(?:${KEY_ALTERNATIVES})$`, 'i');

/** A copy of a value for logging: secret-named fields masked, strings redacted, depth and cycles bounded. */
export function redactValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: redactText(value.message), stack: value.stack ? redactText(value.stack) : undefined };
  if (value instanceof Date) return value.toISOString();
  if (seen.has(value) || depth > 6) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactValue(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) && v !== undefined && v !== null && v !== '' ? MASK : redactValue(v, depth + 1, seen);
  return out;
}
