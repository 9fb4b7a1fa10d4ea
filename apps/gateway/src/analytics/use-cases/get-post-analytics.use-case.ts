import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { CampaignPost } from '../../posts/campaign-post.entity';
import { asUpstreamError } from '../analytics-errors';
import { AnalyticsApiError, AnalyticsClient } from '../analytics.client';
import type { PostAnalyticsDto } from '../dto/post-analytics.dto';
import { OwnedResources } from '../owned-resources';

/**
 * One of the caller's posts with its series of readings. analytics-svc knows a post once posting-svc
 * reported its outcome; before that it is a 404 saying why. analytics-svc is asked whatever the gateway's
 * own status says: both learn of a publication from the same event, and either may be first.
 */
@Injectable()
export class GetPostAnalytics {
  constructor(
    private readonly owned: OwnedResources,
    private readonly analytics: AnalyticsClient,
  ) {}

  async execute(userId: string, postId: string): Promise<PostAnalyticsDto> {
    const post = await this.owned.post(userId, postId);
    try {
      return await this.analytics.post(postId);
    } catch (error) {
      if (error instanceof AnalyticsApiError && error.status === HttpStatus.NOT_FOUND) throw new NotFoundException(notYet(post));
      throw asUpstreamError(error);
    }
  }
}

function notYet(post: CampaignPost): string {
  if (post.status === 'published') return `Post ${post.id} was just published; its analytics start within moments`;
  return `Post ${post.id} has no analytics: it has not been published (status: ${post.status})`;
}
