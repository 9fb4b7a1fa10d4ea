import { BusServer, busTablesDownSql, busTablesUpSql } from '@app/bus';
import { ServiceConfig } from '@app/config';
import type { PipelineStage } from '@app/contracts';
import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { llmProvider } from './agent-llm';
import { failCampaignOnDeadLetter } from './dead-letter-to-failure';
import { ServiceCoreModule } from '@app/service-kit';
import { StageRunRecord, stageRunsUpSql } from './stage-run.entity';

const AGENT_STAGE = Symbol('AGENT_STAGE');

/** First migration of an LLM agent service: bus tables and stage runs in the agent's schema. */
export function agentInitMigration(schema: string, timestamp: number): new () => MigrationInterface {
  return class implements MigrationInterface {
    readonly name = `Init${schema[0].toUpperCase()}${schema.slice(1)}${timestamp}`;

    async up(q: QueryRunner): Promise<void> {
      for (const sql of [...busTablesUpSql(schema), stageRunsUpSql(schema)]) await q.query(sql);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE "${schema}"."stage_runs"`);
      for (const sql of busTablesDownSql(schema)) await q.query(sql);
    }
  };
}

/**
 * What the Strategy, Content Writer and Creative services share: the service core with the stage-run
 * table, the model provider, and a dead-letter hook that fails the campaign at this stage.
 */
@Module({})
export class AgentCoreModule implements OnModuleInit {
  constructor(
    private readonly server: BusServer,
    @Inject(AGENT_STAGE) private readonly stage: PipelineStage,
  ) {}

  static forRoot(config: ServiceConfig, stage: PipelineStage, migrations: Array<new () => MigrationInterface>): DynamicModule {
    return {
      module: AgentCoreModule,
      imports: [ServiceCoreModule.forRoot(config, { entities: [StageRunRecord], migrations })],
      providers: [llmProvider, { provide: AGENT_STAGE, useValue: stage }],
      exports: [llmProvider],
    };
  }

  onModuleInit(): void {
    failCampaignOnDeadLetter(this.server, this.stage);
  }
}
