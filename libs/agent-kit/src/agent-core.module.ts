import { BusServer, busTablesDownSql, busTablesUpSql } from '@app/bus';
import type { LlmStage } from '@app/llm';
import type { AgentConfig } from './agent-config';
import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { llmProvider } from './agent-llm';
import { AgentModel } from './agent-model';
import { llmResultsUpSql } from './llm-result-cache';
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

/** Second migration of an LLM agent service: the model-answer cache (see LlmResultCache). */
export function agentLlmCacheMigration(schema: string, timestamp: number): new () => MigrationInterface {
  return class implements MigrationInterface {
    readonly name = `AddLlmResults${schema[0].toUpperCase()}${schema.slice(1)}${timestamp}`;

    async up(q: QueryRunner): Promise<void> {
      for (const sql of llmResultsUpSql(schema)) await q.query(sql);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE "${schema}"."llm_results"`);
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
    @Inject(AGENT_STAGE) private readonly stage: LlmStage,
  ) {}

  static forRoot(config: AgentConfig, stage: LlmStage, migrations: Array<new () => MigrationInterface>): DynamicModule {
    const provider = llmProvider(config, stage);
    return {
      module: AgentCoreModule,
      imports: [ServiceCoreModule.forRoot(config, { entities: [StageRunRecord], migrations })],
      providers: [provider, AgentModel, { provide: AGENT_STAGE, useValue: stage }],
      exports: [provider, AgentModel],
    };
  }

  onModuleInit(): void {
    failCampaignOnDeadLetter(this.server, this.stage);
  }
}
