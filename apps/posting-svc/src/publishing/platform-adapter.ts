import type { Platform, PostDuePayload } from '@app/contracts';

export type PublishRequest = Pick<PostDuePayload, 'platform' | 'contentType' | 'text' | 'threadParts' | 'hashtags' | 'imagePrompt' | 'altText'> & {
  /** Our post id: the adapter passes it to the platform as idempotency key where the platform has one. */
  idempotencyKey: string;
};

export interface PublishReceipt {
  platformPostId: string;
  url?: string;
  publishedAt: Date;
}

/**
 * How a platform call failed. `retry`: try again later (rate limit, 5xx, refused before sending);
 * `refresh`: the token must be refreshed first; `permanent`: no retry can help (validation, duplicate,
 * permissions); `unknown`: sent but the outcome is not known (timeout): reconcile before any retry.
 */
export type PlatformErrorKind = 'retry' | 'refresh' | 'permanent' | 'unknown';

export class PlatformError extends Error {
  constructor(
    readonly kind: PlatformErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface PlatformAdapter {
  publish(request: PublishRequest): Promise<PublishReceipt>;
  /** Looks for a post made with this idempotency key (reconciliation after an unknown outcome). */
  findByIdempotencyKey(platform: Platform, key: string): Promise<PublishReceipt | null>;
}

/** Resolves the adapter for a platform; the sandbox serves every platform until real adapters are configured. */
export const PLATFORM_ADAPTERS = Symbol('PLATFORM_ADAPTERS');
export type AdapterResolver = (platform: Platform) => PlatformAdapter;
