import { DeadLetters } from '@app/bus';
import type { DeadLetterDetail, DeadLetterList, DiscardResult, ReplayResult } from '@app/bus';
import { SERVICE_CONFIG } from '@app/config';
import type { ServiceConfig } from '@app/config';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, NotFoundException, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AdminTokenGuard } from './admin-token.guard';
import { ListDeadLettersQuery, ReplayDeadLettersBody, adminValidationPipe } from './dead-letters.dto';

/**
 * Operator API over this service's dead-letter queue, on the service's own HTTP port (both on RabbitMQ and in
 * the embedded mode): list, inspect, replay, discard. Bearer `ADMIN_TOKEN` (see AdminTokenGuard). Documented in
 * docs/operations-dlq-asyncapi.md, not in Swagger: the other services serve none, and the gateway's documents
 * its public API only.
 */
@ApiExcludeController()
@Controller('admin/dead-letters')
@UseGuards(AdminTokenGuard)
export class DeadLettersAdminController {
  constructor(
    private readonly deadLetters: DeadLetters,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** How many letters there are and the first `limit` (default 20), oldest first, without payloads. */
  @Get()
  async list(@Query(adminValidationPipe()) query: ListDeadLettersQuery): Promise<DeadLetterList & { service: string }> {
    return { service: this.config.service, ...(await this.deadLetters.list(query.limit ?? 20)) };
  }

  /** Moves letters back to the service queue (retry count reset): these ids, or the first `count`. */
  @Post('replay')
  @HttpCode(HttpStatus.OK)
  async replay(@Body(adminValidationPipe()) body: ReplayDeadLettersBody): Promise<ReplayResult & { queue: string }> {
    const result = body.messageIds ? await this.deadLetters.replayByIds(body.messageIds) : await this.deadLetters.replayFirst(body.count!);
    return { queue: this.deadLetters.queue, ...result };
  }

  /** One letter in full: headers, properties, payload, reason, who gave up, attempts, the broker's first death. */
  @Get(':messageId')
  async inspect(@Param('messageId') messageId: string): Promise<DeadLetterDetail> {
    const letter = await this.deadLetters.inspect(messageId);
    if (!letter) throw new NotFoundException(`no dead letter with message id ${messageId} in ${this.deadLetters.queue}`);
    return letter;
  }

  /** Drops every letter with this message id (one that must never run). */
  @Delete(':messageId')
  async discard(@Param('messageId') messageId: string): Promise<DiscardResult & { queue: string }> {
    const result = await this.deadLetters.discard(messageId);
    if (result.discarded.length === 0) throw new NotFoundException(`no dead letter with message id ${messageId} in ${this.deadLetters.queue}`);
    return { queue: this.deadLetters.queue, ...result };
  }
}
