import type { MediaItem, PublishContext } from '../platform-adapter';
import { PlatformError } from '../platform-error';
import { xRequest } from './x.client';

export interface XMediaOptions {
  /** Bytes per APPEND segment (X clients use 1 MB). */
  chunkBytes: number;
  /** STATUS polls before giving up on a media that is still processing. */
  pollAttempts: number;
  /** Upper bound on one wait between polls, whatever `check_after_secs` says. */
  maxPollWaitMs: number;
}

export interface UploadedMedia {
  id: string;
  /** When X forgets the upload (`expires_after_secs`); a resumed publish uploads again past it. */
  expiresAt?: Date;
}

interface ProcessingInfo {
  state: 'pending' | 'in_progress' | 'succeeded' | 'failed';
  check_after_secs?: number;
  error?: { code?: number; message?: string };
}

const ALT_TEXT_MAX = 1000;

/** `media_category` for a MIME type (required by the one-shot upload, advised for the chunked one). */
export function mediaCategory(mimeType: string): 'tweet_image' | 'tweet_gif' | 'tweet_video' {
  if (mimeType === 'image/gif') return 'tweet_gif';
  return mimeType.startsWith('video/') ? 'tweet_video' : 'tweet_image';
}

/**
 * The chunked upload (§2.3): initialize → append segments → finalize → poll STATUS while X processes the
 * file → alt text via `POST /2/media/metadata`. Every step is preparation: a retry makes at worst an
 * orphan upload, so 5xx here is `retry`, never `unknown`.
 */
export async function uploadXMedia(call: PublishContext, item: MediaItem, altText: string | undefined, options: XMediaOptions): Promise<UploadedMedia> {
  const init = await xRequest(
    call,
    { method: 'POST', url: '/2/media/upload/initialize', json: { media_type: item.mimeType, total_bytes: item.bytes.length, media_category: mediaCategory(item.mimeType) } },
    'start the image upload',
  );
  const id = init.body?.data?.id;
  if (typeof id !== 'string' || !id) throw new PlatformError('retry', 'X started the image upload but returned no media id');
  const chunk = Math.max(1, options.chunkBytes);
  for (let offset = 0, segment = 0; offset < item.bytes.length; offset += chunk, segment++) {
    const form = new FormData();
    form.append('segment_index', String(segment));
    form.append('media', new Blob([new Uint8Array(item.bytes.subarray(offset, offset + chunk))], { type: 'application/octet-stream' }), 'blob');
    await xRequest(call, { method: 'POST', url: `/2/media/upload/${id}/append`, multipart: form }, `upload part ${segment + 1} of the image`);
  }
  const finalized = await xRequest(call, { method: 'POST', url: `/2/media/upload/${id}/finalize` }, 'finish the image upload');
  const data = finalized.body?.data as { expires_after_secs?: number; processing_info?: ProcessingInfo } | undefined;
  await waitForProcessing(call, id, data?.processing_info, options);
  if (altText) {
    await xRequest(call, { method: 'POST', url: '/2/media/metadata', json: { id, metadata: { alt_text: { text: [...altText].slice(0, ALT_TEXT_MAX).join('') } } } }, 'set the image description');
  }
  const ttl = data?.expires_after_secs;
  return { id, expiresAt: typeof ttl === 'number' ? new Date(Date.now() + ttl * 1000) : undefined };
}

/** No `processing_info` means ready; else poll `GET /2/media/upload?command=STATUS` at X's cadence. */
async function waitForProcessing(call: PublishContext, id: string, info: ProcessingInfo | undefined, options: XMediaOptions): Promise<void> {
  for (let attempt = 0; info && info.state !== 'succeeded'; attempt++) {
    if (info.state === 'failed') {
      throw new PlatformError('permanent', `X could not process the image: ${info.error?.message ?? 'processing failed'}`, { code: info.error?.code === undefined ? undefined : String(info.error.code) });
    }
    if (attempt >= options.pollAttempts) throw new PlatformError('retry', `X was still processing the image after ${options.pollAttempts} checks`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(info!.check_after_secs ?? 1, 0) * 1000, options.maxPollWaitMs)));
    const status = await xRequest(call, { method: 'GET', url: '/2/media/upload', query: { command: 'STATUS', media_id: id } }, 'check the image upload');
    info = status.body?.data?.processing_info as ProcessingInfo | undefined;
  }
}
