import type { HttpResponse } from '../http/platform-http';
import { classifyMetaError, metaError, type GraphErrorInfo, type MetaErrorContext, type MetaErrorProfile, type SubcodeRule } from '../meta/meta.errors';
import type { PlatformError } from '../platform-error';

/** Instagram's `error_subcode`s (`../shared/reference/platform-apis.md` §4.9, mapping from Postiz). */
export const INSTAGRAM_SUBCODES: Readonly<Record<number, SubcodeRule>> = {
  33: { kind: 'refresh', meaning: 'Instagram no longer accepts this connection; reconnect the account' },
  2207003: { kind: 'retry', meaning: 'Instagram timed out downloading the image' },
  2207032: { kind: 'retry', meaning: 'Instagram failed to create the media' },
  2207082: { kind: 'retry', meaning: 'the upload to Instagram failed' },
  2207042: { kind: 'retry', meaning: 'the account reached its daily publishing limit', scope: 'account' },
  2207053: { kind: 'retry', meaning: 'Instagram had an unknown upload error' },
  // §4.10: `media_publish` on a container still processing (unconfirmed code, commonly seen).
  2207027: { kind: 'retry', meaning: 'the media is not ready to publish yet' },
  2207001: { kind: 'permanent', meaning: 'Instagram suspects spam' },
  2207004: { kind: 'permanent', meaning: 'the image is too large (8 MB at most)' },
  2207005: { kind: 'permanent', meaning: 'the image format is not supported (use JPEG)' },
  2207006: { kind: 'permanent', meaning: 'the media was not found' },
  2207008: { kind: 'permanent', meaning: 'the prepared media expired; it must be prepared again' },
  2207009: { kind: 'permanent', meaning: 'the image aspect ratio is not supported (4:5 to 1.91:1)' },
  36003: { kind: 'permanent', meaning: 'the image aspect ratio is not supported (4:5 to 1.91:1)' },
  36001: { kind: 'permanent', meaning: 'the image resolution is not supported' },
  2207010: { kind: 'permanent', meaning: 'the caption is too long or has too many hashtags or mentions (2,200 characters, 30 hashtags, 20 mentions)' },
  2207020: { kind: 'permanent', meaning: 'the prepared media expired; it must be prepared again' },
  2207023: { kind: 'permanent', meaning: 'the media type is unknown' },
  2207026: { kind: 'permanent', meaning: 'the video format is not supported' },
  2207028: { kind: 'permanent', meaning: 'the carousel is invalid (2 to 10 items)' },
  2207050: { kind: 'permanent', meaning: 'the Instagram account is restricted' },
  2207051: { kind: 'permanent', meaning: 'Instagram blocked the action' },
  2207052: { kind: 'permanent', meaning: 'Instagram could not fetch the image from its URL' },
  2207057: { kind: 'permanent', meaning: 'the video thumbnail offset is invalid' },
  2207077: { kind: 'permanent', meaning: 'Instagram could not download the video' },
  2207081: { kind: 'permanent', meaning: 'trial reels are not supported for this account' },
};

export const INSTAGRAM_PROFILE: MetaErrorProfile = {
  platform: 'Instagram',
  subcodes: INSTAGRAM_SUBCODES,
  // Publishing-limit hits are reported as code 9 by third parties (§4.8, unconfirmed).
  extraThrottleCodes: [9],
  reconnectHint: 'reconnect the Instagram account',
};

/** Classifies a failed Instagram Graph response (§3.9, §4.9). */
export function instagramError(response: HttpResponse, context: MetaErrorContext): PlatformError {
  return metaError(response, INSTAGRAM_PROFILE, context);
}

export function classifyInstagramError(status: number, error: GraphErrorInfo, context: MetaErrorContext, headers?: Headers): PlatformError {
  return classifyMetaError(status, error, INSTAGRAM_PROFILE, context, headers);
}

/**
 * A container in `ERROR` carries its reason in `status` (e.g. `ERROR: Media download has failed. 2207052`):
 * the subcode in it is classified with the same table; an unreadable reason is permanent.
 */
export function containerErrorRule(status: string | undefined): SubcodeRule {
  const subcode = /\b(\d{5,7})\b/.exec(status ?? '')?.[1];
  const rule = subcode ? INSTAGRAM_SUBCODES[Number(subcode)] : undefined;
  return rule ?? { kind: 'permanent', meaning: `Instagram could not process the media${status ? ` (${status})` : ''}` };
}
