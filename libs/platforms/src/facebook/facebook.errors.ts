import type { HttpResponse } from '../http/platform-http';
import { classifyMetaError, metaError, type GraphErrorInfo, type MetaErrorContext, type MetaErrorProfile, type SubcodeRule } from '../meta/meta.errors';
import type { PlatformError } from '../platform-error';

/**
 * Facebook's `error_subcode`s (`../shared/reference/platform-apis.md` §3.9, mapping from Postiz). Subcodes not
 * listed fall through to the shared Graph classes (codes 190/102, throttles, 1/2, 506, …), which make every
 * other error permanent.
 */
export const FACEBOOK_SUBCODES: Readonly<Record<number, SubcodeRule>> = {
  1390008: { kind: 'retry', meaning: 'the Page is posting too fast; waiting before the next try', scope: 'account' },
  1363047: { kind: 'retry', meaning: 'Facebook had a temporary service problem' },
  1609010: { kind: 'retry', meaning: 'Facebook had a temporary service problem' },
  1366046: { kind: 'permanent', meaning: 'the photo is too big or not a JPG/PNG (keep it under 4 MB)' },
  1366051: { kind: 'permanent', meaning: 'these photos were already posted', duplicate: true },
  1346003: { kind: 'permanent', meaning: 'Facebook flagged the content as abusive' },
  1404006: { kind: 'permanent', meaning: 'Facebook asks the Page admin to complete a security check' },
  1404078: { kind: 'permanent', meaning: 'the Page needs Page Publishing Authorization before it can post' },
  1609005: { kind: 'permanent', meaning: 'Facebook could not read the link in the post; check the URL' },
  1609008: { kind: 'permanent', meaning: 'links to facebook.com cannot be posted this way' },
  2061006: { kind: 'permanent', meaning: 'a URL in the post is invalid' },
  1349125: { kind: 'permanent', meaning: 'Facebook considers the content invalid' },
  1404112: { kind: 'permanent', meaning: 'the Facebook account is limited' },
  4854002: { kind: 'permanent', meaning: 'Facebook asks the Page admin to confirm their identity' },
  2069019: { kind: 'permanent', meaning: 'the media file is invalid' },
};

export const FACEBOOK_PROFILE: MetaErrorProfile = {
  platform: 'Facebook',
  subcodes: FACEBOOK_SUBCODES,
  reconnectHint: 'Page tokens cannot be refreshed, so reconnect the Page',
};

/** Classifies a failed Facebook Graph response (§3.9). */
export function facebookError(response: HttpResponse, context: MetaErrorContext): PlatformError {
  return metaError(response, FACEBOOK_PROFILE, context);
}

/** The pure table, for a Graph error already read (tests, logs). */
export function classifyFacebookError(status: number, error: GraphErrorInfo, context: MetaErrorContext, headers?: Headers): PlatformError {
  return classifyMetaError(status, error, FACEBOOK_PROFILE, context, headers);
}
