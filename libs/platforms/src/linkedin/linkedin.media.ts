import type { MediaItem } from '../platform-adapter';
import { PlatformError } from '../platform-error';
import { encodeUrn, type LinkedInApi } from './linkedin.api';

export interface ImagePolling {
  intervalMs: number;
  attempts: number;
}

/**
 * The Images API (§6.4): initialize an upload for the author, PUT the bytes to the returned URL, then wait until
 * LinkedIn has processed the image. Retry-safe: a repeat only leaves an orphan image behind.
 */
export async function uploadLinkedInImage(api: LinkedInApi, owner: string, media: MediaItem, polling: ImagePolling): Promise<string> {
  const init = await api.rest({ method: 'POST', url: '/rest/images', query: { action: 'initializeUpload' }, json: { initializeUploadRequest: { owner } } }, 'image upload');
  const value = (init.body as { value?: { uploadUrl?: string; image?: string } } | undefined)?.value;
  if (!value?.uploadUrl || !value.image) throw new PlatformError('retry', 'LinkedIn image upload: the answer has no upload URL');
  await api.plain({ method: 'PUT', url: value.uploadUrl, body: media.bytes, headers: { 'content-type': 'application/octet-stream' } }, 'image upload');
  await waitForImage(api, value.image, polling);
  return value.image;
}

async function waitForImage(api: LinkedInApi, image: string, polling: ImagePolling): Promise<void> {
  for (let attempt = 0; attempt < polling.attempts; attempt++) {
    const response = await api.rest({ method: 'GET', url: `/rest/images/${encodeUrn(image)}` }, 'image status');
    const status = (response.body as { status?: string } | undefined)?.status;
    if (status === 'AVAILABLE') return;
    if (status === 'PROCESSING_FAILED') throw new PlatformError('permanent', `LinkedIn could not process the image ${image}; try another file`);
    await new Promise((resolve) => setTimeout(resolve, polling.intervalMs));
  }
  throw new PlatformError('retry', `LinkedIn image ${image} still processing after ${polling.attempts} checks`);
}
