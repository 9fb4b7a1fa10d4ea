import type { HttpResponse } from '../http/platform-http';
import { PlatformError, type PlatformErrorKind } from '../platform-error';
import { META_THROTTLE_BACKOFF_MS, regainAccessAt } from './meta.usage';

/**
 * The Graph API error classes shared by Facebook Pages and Instagram (`../shared/reference/platform-apis.md`
 * §3.9, §4.9, §9.2). Classification goes by `code` / `error_subcode`, not by HTTP status: Meta answers 400 for
 * most errors and 500 for service failures.
 */

/** The `error` object of a Graph error body. */
export interface GraphErrorInfo {
  message: string;
  type?: string;
  code?: number;
  subcode?: number;
  isTransient?: boolean;
  userTitle?: string;
  userMsg?: string;
  fbtraceId?: string;
}

/** A platform's own reading of an `error_subcode`. */
export interface SubcodeRule {
  kind: Exclude<PlatformErrorKind, 'unknown'>;
  /** What it means, in words shown to the user. */
  meaning: string;
  /** Evidence the same content is already live (Facebook 1366051). */
  duplicate?: boolean;
  /** For a rate limit: whose budget is spent. */
  scope?: 'account' | 'app';
}

export interface MetaErrorProfile {
  platform: 'Facebook' | 'Instagram';
  /** The platform's subcode table (§3.9 Facebook, §4.9 Instagram). */
  subcodes: Readonly<Record<number, SubcodeRule>>;
  /** Codes this platform also reads as throttling (Instagram: 9 for the publishing limit). */
  extraThrottleCodes?: readonly number[];
  /** What the user does about a dead token, e.g. "reconnect the Page". */
  reconnectHint: string;
}

export interface MetaErrorContext {
  /** The action, as in "Facebook could not <what>". */
  what: string;
  /** The call makes the post public: a service failure is then an unknown outcome. */
  commit?: boolean;
  now?: Date;
}

/** App-level throttles (the app's budget, not the account's). */
const APP_THROTTLE_CODES = new Set([4, 341]);
/** 4 app, 17 user, 32 Page, 613 custom, 341 app limit, 80000–80009 and 80014 Business Use Case families. */
const THROTTLE_CODES = new Set([4, 17, 32, 613, 341, 80000, 80001, 80002, 80003, 80004, 80005, 80006, 80007, 80008, 80009, 80014]);
const TOKEN_CODES = new Set([190, 102]);
const SERVICE_CODES = new Set([1, 2]);
const TOKEN_MESSAGES = /REVOKED_ACCESS_TOKEN|session has been invalidated|Error validating access token/i;

/** Reads the Graph error of a response; falls back to the status and body text when it is not one. */
export function readGraphError(response: HttpResponse): GraphErrorInfo {
  const error = (response.body as { error?: Record<string, unknown> } | undefined)?.error;
  if (!error || typeof error !== 'object') {
    return { message: response.text.replace(/\s+/g, ' ').trim().slice(0, 200) || `HTTP ${response.status}` };
  }
  return {
    message: typeof error.message === 'string' ? error.message : `HTTP ${response.status}`,
    type: typeof error.type === 'string' ? error.type : undefined,
    code: toNumber(error.code),
    subcode: toNumber(error.error_subcode),
    isTransient: error.is_transient === true,
    userTitle: typeof error.error_user_title === 'string' ? error.error_user_title : undefined,
    userMsg: typeof error.error_user_msg === 'string' ? error.error_user_msg : undefined,
    fbtraceId: typeof error.fbtrace_id === 'string' ? error.fbtrace_id : undefined,
  };
}

/** Classifies a failed Graph response. */
export function metaError(response: HttpResponse, profile: MetaErrorProfile, context: MetaErrorContext): PlatformError {
  return classifyMetaError(response.status, readGraphError(response), profile, context, response.headers);
}

/**
 * The classification table, in order: dead token → refresh; the platform's subcode table; throttling → retry
 * at the BUC estimate (else a fixed back-off); a service failure (codes 1/2, 5xx, `is_transient`) → unknown
 * on a commit call, else retry; everything else (10, 200–299, 100, 368, 506, 1609005, …) → permanent, 506
 * marked as a duplicate.
 */
export function classifyMetaError(status: number, error: GraphErrorInfo, profile: MetaErrorProfile, context: MetaErrorContext, headers?: Headers): PlatformError {
  const now = context.now ?? new Date();
  const code = error.code;
  const details = { status, code: code === undefined ? undefined : error.subcode === undefined ? String(code) : `${code}/${error.subcode}` };
  const said = describe(error);
  const failed = `${profile.platform} could not ${context.what}`;

  if ((code !== undefined && TOKEN_CODES.has(code)) || TOKEN_MESSAGES.test(error.message) || (status === 401 && code === undefined)) {
    return new PlatformError('refresh', `${failed}: the access token has expired or was revoked; ${profile.reconnectHint}. (${said})`, details);
  }
  const rule = error.subcode === undefined ? undefined : profile.subcodes[error.subcode];
  if (rule && !(rule.kind === 'retry' && context.commit && status >= 500)) {
    const retryAt = rule.kind === 'retry' && headers ? regainAccessAt(headers, now) : undefined;
    return new PlatformError(rule.kind, `${failed}: ${rule.meaning}. (${said})`, { ...details, duplicate: rule.duplicate, scope: rule.scope, retryAt });
  }
  if (status === 429 || (code !== undefined && (THROTTLE_CODES.has(code) || profile.extraThrottleCodes?.includes(code)))) {
    const retryAt = (headers && regainAccessAt(headers, now)) ?? new Date(now.getTime() + META_THROTTLE_BACKOFF_MS);
    const scope = code !== undefined && APP_THROTTLE_CODES.has(code) ? 'app' : 'account';
    return new PlatformError('retry', `${failed}: ${profile.platform} is limiting how often this ${scope === 'app' ? 'app' : 'account'} can post or call; it will be retried after ${retryAt.toISOString()}. (${said})`, { ...details, scope, retryAt });
  }
  const serviceFailure = (code !== undefined && SERVICE_CODES.has(code)) || status >= 500 || error.isTransient === true;
  if (serviceFailure && context.commit) {
    return new PlatformError('unknown', `${failed}: ${profile.platform} had a service problem while publishing, so the post may or may not be live. (${said})`, details);
  }
  if (serviceFailure) return new PlatformError('retry', `${failed}: ${profile.platform} had a temporary service problem. (${said})`, details);
  if (code === 506) {
    return new PlatformError('permanent', `${failed}: ${profile.platform} rejected it as a duplicate of a post already published. (${said})`, { ...details, duplicate: true });
  }
  return new PlatformError('permanent', `${failed}: ${permanentReason(code)}. (${said})`, details);
}

function permanentReason(code: number | undefined): string {
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299)) return 'the app lacks a permission for this account; reconnect and grant every requested permission';
  if (code === 100) return 'the request was refused as invalid';
  if (code === 368) return 'the account is temporarily blocked from posting for a policy violation';
  if (code === 1609005) return 'the link in the post could not be read';
  return 'the request was refused';
}

/** The platform's own words, user-facing text first, with its codes for support. */
function describe(error: GraphErrorInfo): string {
  const text = error.userMsg ? `${error.userTitle ? `${error.userTitle}: ` : ''}${error.userMsg}` : error.message;
  const codes = [error.code !== undefined ? `code ${error.code}` : undefined, error.subcode !== undefined ? `subcode ${error.subcode}` : undefined].filter(Boolean).join(', ');
  return codes ? `${text} [${codes}]` : text;
}

function toNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
