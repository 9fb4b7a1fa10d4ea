import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Observable } from 'rxjs';
import { DataSource, In, MoreThan } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { mergeStages, toCampaignSummary } from '../campaigns/campaign-view.mapper';
import { SERVICE_CONFIG } from '@app/config';
import type { GatewayConfig } from '../config/gateway.config';
import { CampaignPost } from '../posts/campaign-post.entity';
import { toPostView } from '../posts/post-view.mapper';

/** One change of the read model, as the stream sends it. */
export interface LiveEvent {
  type: 'campaign' | 'post';
  /** `<updatedAt ISO>` of the change: a client resumes after it with `Last-Event-ID`. */
  id: string;
  campaignId: string;
  data: object;
}

interface Subscriber {
  userId: string;
  campaignId?: string;
  emit(event: LiveEvent): void;
}

/** Rows committed late can carry an earlier `updated_at` (it is the transaction's start): read this far back. */
const LOOKBACK_MS = 3_000;

/**
 * The live stream's source: the gateway's read model, which every replica shares. While anyone listens, one
 * poller per replica reads the campaigns and posts of the listening users changed since its last read (with a
 * look-back for transactions that committed late, deduplicated by row and `updated_at`), and hands each change to
 * the subscribers it belongs to. Every replica therefore sees every change, whichever replica consumed the
 * event that caused it, in both modes; a stage appears within `LIVE_POLL_MS` of its projection.
 */
@Injectable()
export class LiveFeed implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveFeed.name);
  private readonly subscribers = new Set<Subscriber>();
  /** `<kind>:<id>` → `updated_at` (ms) already sent, for rows inside the look-back window. */
  private readonly sent = new Map<string, number>();
  private cursor = Date.now();
  private timer?: NodeJS.Timeout;
  private reading = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** The changes of one user's campaigns (or of one campaign), from `since` (replayed first) on. */
  stream(userId: string, campaignId: string | undefined, since: Date | undefined): Observable<LiveEvent> {
    return new Observable<LiveEvent>((observer) => {
      const subscriber: Subscriber = { userId, campaignId, emit: (event) => observer.next(event) };
      let live = false;
      const pending: LiveEvent[] = [];
      const replay = since ? this.changes([userId], since, campaignId) : Promise.resolve([]);
      // Buffer live changes until the replay is out, so nothing is lost or sent out of order twice.
      const buffered: Subscriber = { ...subscriber, emit: (event) => (live ? subscriber.emit(event) : pending.push(event)) };
      this.subscribers.add(buffered);
      this.ensurePolling();
      replay
        .then((events) => {
          const seen = new Set(events.map((e) => `${e.type}:${(e.data as { id: string }).id}:${e.id}`));
          for (const event of events) subscriber.emit(event);
          for (const event of pending) if (!seen.has(`${event.type}:${(event.data as { id: string }).id}:${event.id}`)) subscriber.emit(event);
          live = true;
        })
        .catch((error: Error) => observer.error(error));
      return () => {
        this.subscribers.delete(buffered);
        if (this.subscribers.size === 0) this.stopPolling();
      };
    });
  }

  onApplicationShutdown(): void {
    this.stopPolling();
  }

  private ensurePolling(): void {
    if (this.timer) return;
    this.cursor = Date.now() - LOOKBACK_MS;
    this.timer = setInterval(() => void this.poll(), this.config.livePollMs);
  }

  private stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sent.clear();
  }

  private async poll(): Promise<void> {
    if (this.reading || this.subscribers.size === 0) return;
    this.reading = true;
    try {
      const users = [...new Set([...this.subscribers].map((s) => s.userId))];
      const since = new Date(this.cursor - LOOKBACK_MS);
      const events = await this.changes(users, since);
      for (const event of events) {
        const key = `${event.type}:${(event.data as { id: string }).id}`;
        const at = Date.parse(event.id);
        if ((this.sent.get(key) ?? -1) >= at) continue;
        this.sent.set(key, at);
        this.cursor = Math.max(this.cursor, at);
        const owner = (event.data as { userId?: string }).userId;
        for (const subscriber of this.subscribers) {
          if (subscriber.userId === owner && (!subscriber.campaignId || subscriber.campaignId === event.campaignId)) subscriber.emit(event);
        }
      }
      for (const [key, at] of this.sent) if (at < this.cursor - 2 * LOOKBACK_MS) this.sent.delete(key);
    } catch (error) {
      this.logger.warn(`reading changes for the live stream failed, the next tick retries: ${(error as Error).message}`);
    } finally {
      this.reading = false;
    }
  }

  /** Campaign and post changes of these users after `since`, oldest first (with the owner in `data.userId` for routing). */
  private async changes(userIds: string[], since: Date, campaignId?: string): Promise<LiveEvent[]> {
    const where = { userId: In(userIds), updatedAt: MoreThan(since), ...(campaignId ? { id: campaignId } : {}) };
    const campaigns = await this.dataSource.getRepository(Campaign).find({ where, order: { updatedAt: 'ASC' }, take: 500 });
    const posts = await this.dataSource.getRepository(CampaignPost).find({
      where: { userId: In(userIds), updatedAt: MoreThan(since), ...(campaignId ? { campaignId } : {}) },
      order: { updatedAt: 'ASC' },
      take: 2_000,
    });
    const events: LiveEvent[] = [
      ...campaigns.map((c): LiveEvent => ({
        type: 'campaign',
        id: c.updatedAt.toISOString(),
        campaignId: c.id,
        data: { ...toCampaignSummary(c), userId: c.userId, stages: c.kind === 'adhoc' ? [] : mergeStages(c.stages, c.failure), failure: c.failure },
      })),
      ...posts.map((p): LiveEvent => ({ type: 'post', id: p.updatedAt.toISOString(), campaignId: p.campaignId, data: { ...toPostView(p), userId: p.userId } })),
    ];
    return events.sort((a, b) => a.id.localeCompare(b.id));
  }
}
