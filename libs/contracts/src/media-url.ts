import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring media URLs: platforms that pull an image by URL (Instagram, Facebook) fetch it from the
 * gateway's public `GET /api/v1/media/{imageId}?expires=…&signature=…`. posting-svc signs, the gateway
 * verifies; both hold MEDIA_SIGNING_KEY.
 */
export const MEDIA_URL_PATH = '/api/v1/media';

export function mediaSignature(imageId: string, expiresAtSeconds: number, key: string): string {
  return createHmac('sha256', key).update(`${imageId}.${expiresAtSeconds}`).digest('base64url');
}

export function signedMediaUrl(baseUrl: string, imageId: string, key: string, ttlSeconds = 3600, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + ttlSeconds;
  return `${baseUrl.replace(/\/+$/, '')}${MEDIA_URL_PATH}/${encodeURIComponent(imageId)}?expires=${expires}&signature=${mediaSignature(imageId, expires, key)}`;
}

/** Whether a media URL's signature is genuine and not expired. */
export function verifyMediaSignature(imageId: string, expires: string | undefined, signature: string | undefined, key: string, now = Date.now()): boolean {
  if (!expires || !signature || !/^\d+$/.test(expires) || Number(expires) * 1000 < now) return false;
  const expected = Buffer.from(mediaSignature(imageId, Number(expires), key));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
