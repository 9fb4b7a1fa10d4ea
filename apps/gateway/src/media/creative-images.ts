import { SERVICE_CONFIG } from '@app/config';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { UpstreamException } from '../common/upstream.exception';
import type { GatewayConfig } from '../config/gateway.config';
import { propagationHeaders } from '@app/telemetry';

export interface StoredImage {
  mimeType: string;
  data: Buffer;
}

const TIMEOUT_MS = 15_000;

/**
 * Reads generated images from creative-svc (`CREATIVE_URL`, which owns them): the one place the gateway
 * fetches image bytes, for the owner's `GET /posts/{id}/image` and the signed `GET /media/{imageId}`.
 * Callers check access first.
 */
@Injectable()
export class CreativeImages {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: GatewayConfig) {}

  /** The image, or null when creative-svc has none with this id; 502/503 when creative-svc fails. */
  async fetch(imageId: string): Promise<StoredImage | null> {
    const res = await fetch(`${this.config.creativeUrl}/images/${encodeURIComponent(imageId)}`, { headers: propagationHeaders(), signal: AbortSignal.timeout(TIMEOUT_MS) }).catch((error: Error) => {
      throw new UpstreamException(HttpStatus.SERVICE_UNAVAILABLE, 'The image service is unavailable; try again shortly', error.message);
    });
    if (res.status === 404) return null;
    if (!res.ok) throw new UpstreamException(HttpStatus.BAD_GATEWAY, 'The image service failed to deliver the image', `answered ${res.status}`);
    return { mimeType: res.headers.get('content-type') ?? 'application/octet-stream', data: Buffer.from(await res.arrayBuffer()) };
  }
}

/** Writes image bytes with their type; never sniffed as anything else. */
export function sendImage(res: Response, image: StoredImage, cacheControl: string): void {
  res.setHeader('content-type', image.mimeType);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('cache-control', cacheControl);
  res.send(image.data);
}
