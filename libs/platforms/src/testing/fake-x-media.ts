import { field, snowflake, type FakeRequest, type FakeResponse } from './fake-platform-server';
import { xInvalid, xProblem, X_PROBLEMS } from './fake-x-support';

export type FakeXMediaCategory = 'tweet_image' | 'tweet_gif' | 'tweet_video';

export interface FakeXUpload {
  id: string;
  mediaKey: string;
  ownerId: string;
  mediaType: string;
  category: FakeXMediaCategory;
  totalBytes: number;
  segments: Map<number, Buffer>;
  finalized: boolean;
  /** STATUS polls still to answer `in_progress` before the media is ready. */
  pollsLeft: number;
  state: 'pending' | 'in_progress' | 'succeeded' | 'failed';
  altText?: string;
  expiresAt: number;
}

const MEDIA_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/bmp', 'image/pjpeg', 'video/mp4', 'video/webm', 'video/quicktime', 'video/mp2t']);
const MAX_BYTES: Record<FakeXMediaCategory, number> = { tweet_image: 5 * 1024 * 1024, tweet_gif: 15 * 1024 * 1024, tweet_video: 512 * 1024 * 1024 };
const ALT_TEXT_MAX = 1000;

/**
 * The media half of the fake X (§2.3): the chunked upload (initialize → append segments 0–999 → finalize →
 * STATUS polls while `processing_info` says so), the one-shot multipart upload, and alt text through
 * `POST /2/media/metadata`. Media ids are numeric strings above 2^53, media keys `3_<id>`; uploads expire.
 */
export class FakeXMedia {
  readonly uploads = new Map<string, FakeXUpload>();
  /** STATUS polls that answer `in_progress` before `succeeded` (0: finalize answers without `processing_info`; video always polls at least once). */
  processingPolls = 0;
  /** `check_after_secs` X announces while processing. */
  checkAfterSecs = 1;
  /** Processing ends in `failed` instead of `succeeded`. */
  failProcessing = false;
  /** `expires_after_secs` of a new upload. */
  ttlSecs = 86_400;
  private sequence = 0;

  initialize(request: FakeRequest, ownerId: string): FakeResponse {
    const body = (request.json ?? {}) as { media_type?: string; total_bytes?: number; media_category?: string };
    if (!body.media_type || !MEDIA_TYPES.has(body.media_type)) return xInvalid(`media_type [${body.media_type}] is not supported`, { media_type: [body.media_type] });
    const category = (body.media_category ?? categoryOf(body.media_type)) as FakeXMediaCategory;
    if (!(category in MAX_BYTES)) return xInvalid(`media_category [${category}] is not supported`, { media_category: [category] });
    if (!Number.isInteger(body.total_bytes) || body.total_bytes! <= 0) return xInvalid('total_bytes must be a positive integer', { total_bytes: [body.total_bytes] });
    if (body.total_bytes! > MAX_BYTES[category]) return xInvalid(`File size exceeds ${MAX_BYTES[category]} bytes.`, { total_bytes: [body.total_bytes] });
    const upload = this.create(ownerId, body.media_type, category, body.total_bytes!);
    return { body: { data: { id: upload.id, media_key: upload.mediaKey, expires_after_secs: this.ttlSecs } } };
  }

  append(request: FakeRequest, ownerId: string): FakeResponse {
    const upload = this.owned(request.params.id, ownerId);
    if (!upload) return xInvalid('The media_id parameter is invalid.', { id: [request.params.id] });
    if (upload.finalized) return xInvalid('The media upload is already finalized.', { id: [upload.id] });
    const segment = Number(field(request, 'segment_index'));
    if (!Number.isInteger(segment) || segment < 0 || segment > 999) return xInvalid('segment_index must be an integer from 0 to 999', { segment_index: [field(request, 'segment_index')] });
    const media = request.files.get('media')?.bytes ?? (field(request, 'media') !== undefined ? Buffer.from(field(request, 'media')!, 'base64') : undefined);
    if (!media || media.length === 0) return xInvalid('media is required', { media: [] });
    upload.segments.set(segment, media);
    return { body: { data: { expires_at: Math.floor(upload.expiresAt / 1000) } } };
  }

  finalize(request: FakeRequest, ownerId: string): FakeResponse {
    const upload = this.owned(request.params.id, ownerId);
    if (!upload) return xInvalid('The media_id parameter is invalid.', { id: [request.params.id] });
    const size = [...upload.segments.values()].reduce((sum, b) => sum + b.length, 0);
    if (size !== upload.totalBytes) return xInvalid('Segments do not add up to provided total file size.', { id: [upload.id] });
    if (!upload.finalized) this.startProcessing(upload);
    upload.finalized = true;
    return { body: { data: { id: upload.id, media_key: upload.mediaKey, size, expires_after_secs: this.secondsLeft(upload), ...this.processingInfo(upload) } } };
  }

  /** `GET /2/media/upload?command=STATUS&media_id=…`. */
  status(request: FakeRequest, ownerId: string): FakeResponse {
    if (request.query.get('command') !== 'STATUS') return xInvalid('command must be STATUS', { command: [request.query.get('command')] });
    const upload = this.owned(request.query.get('media_id') ?? '', ownerId);
    if (!upload || !upload.finalized) return xInvalid('The media_id parameter is invalid.', { media_id: [request.query.get('media_id')] });
    if (upload.state === 'pending' || upload.state === 'in_progress') {
      if (upload.pollsLeft > 0) {
        upload.pollsLeft -= 1;
        upload.state = 'in_progress';
      } else upload.state = this.failProcessing ? 'failed' : 'succeeded';
    }
    return { body: { data: { id: upload.id, media_key: upload.mediaKey, expires_after_secs: this.secondsLeft(upload), processing_info: this.processingView(upload) } } };
  }

  /** The one-shot upload: multipart `media` + `media_category`. */
  oneShot(request: FakeRequest, ownerId: string): FakeResponse {
    const file = request.files.get('media');
    const category = field(request, 'media_category') as FakeXMediaCategory | undefined;
    if (!category || !(category in MAX_BYTES)) return xInvalid('media_category is required', { media_category: [category] });
    if (!file || file.size === 0) return xInvalid('media is required', { media: [] });
    if (file.size > MAX_BYTES[category]) return xInvalid(`File size exceeds ${MAX_BYTES[category]} bytes.`, { media: [] });
    const upload = this.create(ownerId, file.type || 'image/png', category, file.size);
    upload.segments.set(0, file.bytes);
    upload.finalized = true;
    this.startProcessing(upload);
    return { body: { data: { id: upload.id, media_key: upload.mediaKey, size: file.size, expires_after_secs: this.ttlSecs, ...this.processingInfo(upload) } } };
  }

  /** `POST /2/media/metadata` `{ id, metadata: { alt_text: { text } } }`. */
  metadata(request: FakeRequest, ownerId: string): FakeResponse {
    const body = (request.json ?? {}) as { id?: string; metadata?: { alt_text?: { text?: string } } };
    const upload = this.owned(String(body.id ?? ''), ownerId);
    if (!upload) return xInvalid('The media id is invalid.', { id: [body.id] });
    const text = body.metadata?.alt_text?.text;
    if (typeof text !== 'string' || [...text].length > ALT_TEXT_MAX) return xInvalid(`alt_text.text must be a string of at most ${ALT_TEXT_MAX} characters`, { 'metadata.alt_text.text': [text] });
    upload.altText = text;
    return { body: { data: { id: upload.id, associated_metadata: { alt_text: { text } } } } };
  }

  /** Why a post cannot attach these media ids, or undefined when it can. */
  rejectForPost(ids: unknown, ownerId: string): FakeResponse | undefined {
    if (!Array.isArray(ids) || ids.length < 1 || ids.some((id) => typeof id !== 'string' || !/^\d{1,19}$/.test(id))) {
      return xInvalid('media.media_ids must be 1 to 4 numeric strings', { 'media.media_ids': [ids] });
    }
    if (ids.length > 4) return xProblem(400, 'Invalid Request', 'Your media IDs are invalid: a post can have a maximum of 4 items.', `${X_PROBLEMS}invalid-request`);
    const uploads = ids.map((id: string) => this.owned(id, ownerId));
    if (uploads.some((u) => !u || !u.finalized || u.state !== 'succeeded')) return xInvalid('Your media IDs are invalid.', { 'media.media_ids': ids });
    if (uploads.length > 1 && uploads.some((u) => u!.category !== 'tweet_image')) return xInvalid('A post can have 4 images, or 1 GIF, or 1 video.', { 'media.media_ids': ids });
    return undefined;
  }

  private create(ownerId: string, mediaType: string, category: FakeXMediaCategory, totalBytes: number): FakeXUpload {
    const id = snowflake(++this.sequence);
    const prefix = category === 'tweet_video' ? '7' : category === 'tweet_gif' ? '16' : '3';
    const upload: FakeXUpload = { id, mediaKey: `${prefix}_${id}`, ownerId, mediaType, category, totalBytes, segments: new Map(), finalized: false, pollsLeft: 0, state: 'pending', expiresAt: Date.now() + this.ttlSecs * 1000 };
    this.uploads.set(id, upload);
    return upload;
  }

  private startProcessing(upload: FakeXUpload): void {
    upload.pollsLeft = Math.max(this.processingPolls, upload.category === 'tweet_video' ? 1 : 0);
    upload.state = upload.pollsLeft > 0 || this.failProcessing ? 'pending' : 'succeeded';
  }

  private processingInfo(upload: FakeXUpload): { processing_info?: Record<string, unknown> } {
    return upload.state === 'succeeded' ? {} : { processing_info: this.processingView(upload) };
  }

  private processingView(upload: FakeXUpload): Record<string, unknown> {
    if (upload.state === 'failed') return { state: 'failed', progress_percent: 100, error: { code: 1, name: 'InvalidMedia', message: 'Unsupported media, please check the media file' } };
    if (upload.state === 'succeeded') return { state: 'succeeded', progress_percent: 100 };
    return { state: upload.state, check_after_secs: this.checkAfterSecs, progress_percent: upload.state === 'pending' ? 0 : 50 };
  }

  private owned(id: string, ownerId: string): FakeXUpload | undefined {
    const upload = this.uploads.get(id);
    return upload && upload.ownerId === ownerId && upload.expiresAt > Date.now() ? upload : undefined;
  }

  private secondsLeft(upload: FakeXUpload): number {
    return Math.max(0, Math.floor((upload.expiresAt - Date.now()) / 1000));
  }
}

function categoryOf(mediaType: string): FakeXMediaCategory {
  if (mediaType === 'image/gif') return 'tweet_gif';
  return mediaType.startsWith('video/') ? 'tweet_video' : 'tweet_image';
}
