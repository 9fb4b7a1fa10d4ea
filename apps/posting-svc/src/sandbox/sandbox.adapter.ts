import { randomBytes } from 'node:crypto';
import { PLATFORM_LIMITS, countHashtags, platformTextLength } from '@app/contracts';
import type { MediaType, Platform } from '@app/contracts';
import { PlatformError } from '@app/platforms';
import type { AccountIdentity, PlatformAdapter, PublishReceipt, PublishRequest, Reconciliation } from '@app/platforms';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SandboxPost } from './sandbox-post.entity';

/**
 * The sandbox platform, used for posts on platforms where the user connected no account (embedded mode,
 * the demo): validates a post the way the real platform would (length, hashtags, a visual on Instagram),
 * records it in `posting.sandbox_posts` and returns a platform post id. Idempotent by key, like Mastodon's
 * Idempotency-Key, so a reconcile simply looks the key up.
 */
@Injectable()
export class SandboxAdapter implements Omit<PlatformAdapter, 'platform'> {
  constructor(private readonly dataSource: DataSource) {}

  identify(): Promise<AccountIdentity> {
    return Promise.resolve({ accountId: 'sandbox', accountName: 'Sandbox' });
  }

  async publish(call: { credentials: { accountId: string } }, request: PublishRequest): Promise<PublishReceipt> {
    this.validate(request);
    const existing = await this.find(request.platform, request.idempotencyKey);
    if (existing) return existing;
    const post: SandboxPost = {
      id: `sbx_${request.platform}_${randomBytes(8).toString('hex')}`,
      platform: request.platform,
      idempotencyKey: request.idempotencyKey,
      text: request.text,
      threadParts: request.threadParts ?? null,
      hashtags: request.hashtags,
      publishedAt: new Date(),
      accountId: call.credentials.accountId,
      mediaType: sandboxMediaType(request),
    };
    await this.dataSource.getRepository(SandboxPost).createQueryBuilder().insert().values(post).orIgnore().execute();
    return (await this.find(request.platform, request.idempotencyKey))!;
  }

  async reconcile(_call: unknown, request: PublishRequest): Promise<Reconciliation> {
    const found = await this.find(request.platform, request.idempotencyKey);
    return found ? { found } : { absent: true };
  }

  private async find(platform: Platform, key: string): Promise<PublishReceipt | null> {
    const post = await this.dataSource.getRepository(SandboxPost).findOneBy({ platform, idempotencyKey: key });
    return post ? { platformPostId: post.id, url: `sandbox://${platform}/posts/${post.id}`, publishedAt: post.publishedAt } : null;
  }

  private validate(request: PublishRequest): void {
    const limits = PLATFORM_LIMITS[request.platform];
    for (const [i, part] of (request.threadParts ?? [request.text]).entries()) {
      const length = platformTextLength(request.platform, part);
      if (length > limits.maxTextLength) {
        throw new PlatformError('permanent', `${request.platform} rejected part ${i + 1}: ${length} characters, the limit is ${limits.maxTextLength}`);
      }
    }
    if (countHashtags(request.text) > limits.maxHashtags) {
      throw new PlatformError('permanent', `${request.platform} rejected the post: more than ${limits.maxHashtags} hashtags`);
    }
    if (limits.requiresVisual && !request.imagePrompt && request.mediaIds.length === 0) {
      throw new PlatformError('permanent', `${request.platform} needs an image and the post has none`);
    }
  }
}

/** What kind of media the post carries, as the audience simulator weighs it. */
export function sandboxMediaType(request: PublishRequest): MediaType {
  const visuals = request.mediaIds.length || (request.imagePrompt ? 1 : 0);
  if (request.contentType === 'carousel' || visuals > 1) return 'carousel';
  if (request.contentType === 'short_video_script') return 'video';
  if (visuals === 1) return 'image';
  return /https?:\/\//.test(request.text) ? 'link' : 'text';
}
