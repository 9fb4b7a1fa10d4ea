import { BusController, BusContext } from '@app/bus';
import { SERVICE_CONFIG } from '@app/config';
import { Events } from '@app/contracts';
import type { Envelope, PostDuePayload } from '@app/contracts';
import { Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import type { PostingConfig } from '../config/posting.config';
import { ConnectionsRepository } from '../connections/connections.repository';
import { PublicationOutcomes } from './publication-outcome';
import { PublicationWorker } from './publication-worker';
import { PublicationsRepository } from './publications.repository';

/**
 * Posting agent, intake: post.due → a queued publication on the account it goes out on (the one the post
 * names, else the user's connected account on that platform, else the sandbox when no account is
 * connected and PUBLISH_WITHOUT_CONNECTION=sandbox). The PublicationWorker publishes it; the message is
 * done once the job is durable, so a slow or rate-limited platform never holds a bus delivery.
 */
@BusController()
export class PublishDuePostHandler {
  private readonly logger = new Logger(PublishDuePostHandler.name);

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: PostingConfig,
    private readonly connections: ConnectionsRepository,
    private readonly publications: PublicationsRepository,
    private readonly outcomes: PublicationOutcomes,
    private readonly worker: PublicationWorker,
  ) {}

  @EventPattern<string>(Events.PostDue)
  async handle(@Payload() envelope: Envelope<typeof Events.PostDue>, @Ctx() context: BusContext): Promise<void> {
    const due = envelope.payload;
    const connectionId = await this.resolveConnection(due, context.manager);
    if (connectionId === undefined) {
      const reason = `no ${due.platform} account is connected; connect one and reschedule the post`;
      await this.outcomes.emitFailed(context.manager, due, 'no_account', reason, null);
      this.outcomes.countFailed(due.platform, 'no_account');
      return;
    }
    if (!(await this.publications.enqueue(context.manager, due, connectionId))) {
      this.logger.warn(`post ${due.postId} is cancelled or already queued; not publishing again`);
      return;
    }
    setTimeout(() => this.worker.nudge(), 20).unref();
  }

  /** The connection id, null for the sandbox, undefined when the post cannot go anywhere. */
  private async resolveConnection(due: PostDuePayload, manager: EntityManager): Promise<string | null | undefined> {
    if (due.connectionId) return due.connectionId;
    const connection = await this.connections.defaultFor(due.userId, due.platform, manager);
    if (connection) return connection.id;
    return this.config.withoutConnection === 'sandbox' ? null : undefined;
  }
}
