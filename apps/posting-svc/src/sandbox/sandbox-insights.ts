import type { Platform, PostMetrics } from '@app/contracts';
import { AudienceSimulator, contentFeatures } from '@app/optimizer';
import type { SimulatedPost } from '@app/optimizer';
import type { HistoricalPost, HistoryPage, HistoryQuery } from '@app/platforms';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ConnectionRow } from '../connections/connections.repository';
import { SandboxPost } from './sandbox-post.entity';

const HISTORY_WEEKS = 16;
const HISTORY_POSTS_PER_WEEK = 7;
const DEFAULT_PAGE = 25;

/**
 * Metrics and history of the sandbox platform, from the audience simulator (`@app/optimizer`): each sandbox
 * account has a deterministic simulated audience seeded by its account id, in the connection's time zone.
 * A sandbox account's history is the 16 weeks before it was connected (stable across imports); a post's
 * metrics grow with its age like a real post's. Posts made with no connection use the seed `sandbox` in UTC.
 */
@Injectable()
export class SandboxInsights {
  private readonly simulators = new Map<string, AudienceSimulator>();
  private readonly histories = new Map<string, SimulatedPost[]>();

  constructor(private readonly dataSource: DataSource) {}

  async metrics(platform: Platform, connection: ConnectionRow | null, platformPostIds: string[]): Promise<Map<string, PostMetrics>> {
    const now = new Date();
    const accountId = connection?.account_id ?? 'sandbox';
    const simulator = this.simulator(platform, accountId, connection?.time_zone ?? 'UTC');
    const found = new Map<string, PostMetrics>();
    const posts = await this.dataSource.getRepository(SandboxPost).createQueryBuilder('p').where('p.platform = :platform AND p.id IN (:...ids)', { platform, ids: platformPostIds }).getMany();
    for (const post of posts) {
      if (post.accountId !== accountId) continue;
      const features = contentFeatures({ text: post.text, mediaType: post.mediaType, hashtags: post.hashtags });
      found.set(post.id, simulator.metricsAt({ id: post.id, publishedAt: post.publishedAt, features }, now));
    }
    if (connection) {
      const history = new Map(this.history(connection).map((p) => [p.id, p]));
      for (const id of platformPostIds) {
        const post = history.get(id);
        if (post) found.set(id, simulator.metricsAt(post, now));
      }
    }
    return found;
  }

  historyPage(connection: ConnectionRow, query: HistoryQuery): HistoryPage {
    const now = new Date();
    const simulator = this.simulator(connection.platform, connection.account_id, connection.time_zone ?? 'UTC');
    const newestFirst = this.history(connection)
      .filter((p) => p.publishedAt >= query.since)
      .reverse();
    const offset = query.cursor ? Number(query.cursor) : 0;
    const limit = Math.min(query.limit ?? DEFAULT_PAGE, 100);
    const page = newestFirst.slice(offset, offset + limit);
    const posts: HistoricalPost[] = page.map((p) => ({
      platformPostId: p.id,
      text: p.text,
      publishedAt: p.publishedAt,
      url: `sandbox://${connection.platform}/posts/${p.id}`,
      mediaType: p.mediaType,
      metrics: simulator.metricsAt(p, now),
    }));
    return { posts, nextCursor: offset + limit < newestFirst.length ? String(offset + limit) : undefined };
  }

  private history(connection: ConnectionRow): SimulatedPost[] {
    const key = `${connection.platform}|${connection.account_id}|${connection.time_zone ?? 'UTC'}`;
    let posts = this.histories.get(key);
    if (!posts) {
      const simulator = this.simulator(connection.platform, connection.account_id, connection.time_zone ?? 'UTC');
      posts = simulator.history({ now: new Date(connection.created_at), weeks: HISTORY_WEEKS, postsPerWeek: HISTORY_POSTS_PER_WEEK });
      this.histories.set(key, posts);
    }
    return posts;
  }

  private simulator(platform: Platform, accountId: string, timeZone: string): AudienceSimulator {
    const key = `${platform}|${accountId}|${timeZone}`;
    let simulator = this.simulators.get(key);
    if (!simulator) {
      simulator = new AudienceSimulator({ platform, seed: accountId, timeZone });
      this.simulators.set(key, simulator);
    }
    return simulator;
  }
}
