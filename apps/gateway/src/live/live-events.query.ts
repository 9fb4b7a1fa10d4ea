import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';

export class LiveEventsQuery {
  @ApiPropertyOptional({ description: 'Only this campaign’s changes (it must be yours).', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ description: 'Replay the changes after this instant first (as `Last-Event-ID` does on a reconnect).', example: '2026-11-25T10:00:00.000Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;
}
