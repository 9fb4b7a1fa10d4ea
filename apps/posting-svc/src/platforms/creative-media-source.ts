import { signedMediaUrl } from '@app/contracts';
import { MediaItem, MediaSource, PlatformError } from '@app/platforms';
import type { PostingConfig } from '../config/posting.config';
import { propagationHeaders } from '@app/telemetry';

/**
 * A post's images: bytes read from creative-svc (which owns them), public URLs signed for the gateway's
 * `/api/v1/media/{id}` (Instagram and Facebook fetch images by URL).
 */
export class CreativeMediaSource implements MediaSource {
  constructor(
    private readonly config: Pick<PostingConfig, 'creativeUrl' | 'mediaSigningKey' | 'platforms'>,
    private readonly altText?: string,
    private readonly timeoutMs = 15_000,
  ) {}

  async load(mediaId: string): Promise<MediaItem> {
    let response: Response;
    try {
      response = await fetch(`${this.config.creativeUrl}/images/${encodeURIComponent(mediaId)}`, { headers: propagationHeaders(), signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new PlatformError('retry', `could not read image ${mediaId} from creative-svc: ${(error as Error).message}`);
    }
    if (response.status === 404) throw new PlatformError('permanent', `image ${mediaId} no longer exists`);
    if (!response.ok) throw new PlatformError('retry', `creative-svc answered ${response.status} for image ${mediaId}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    return { id: mediaId, mimeType: response.headers.get('content-type')?.split(';')[0] ?? 'image/png', bytes, altText: this.altText };
  }

  publicUrl(mediaId: string): string {
    if (!this.config.mediaSigningKey) {
      throw new PlatformError('permanent', 'this platform fetches images by URL and no public media URL is configured (set MEDIA_SIGNING_KEY and PUBLIC_BASE_URL)');
    }
    return signedMediaUrl(this.config.platforms.publicBaseUrl, mediaId, this.config.mediaSigningKey);
  }
}
