import { createHash } from 'node:crypto';
import type { LlmRequest, LlmResult, LlmStep } from '@app/llm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Model answers kept by a hash of the exact request, in the agent's own schema, until the stage that asked
 * for them commits. A redelivered message (crash, retry after a database error) reuses the answer instead of
 * paying for the same call again.
 */
export class LlmResultCache {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  key(provider: string, request: LlmRequest<LlmStep>): string {
    const { step, promptVersion, system, prompt, input, schema, repair } = request;
    return createHash('sha256').update(JSON.stringify({ provider, step, promptVersion, system, prompt, input, schema, repair })).digest('hex');
  }

  async get<S extends LlmStep>(key: string): Promise<LlmResult<S> | undefined> {
    const rows: Array<{ result: LlmResult<S> }> = await this.dataSource.query(`SELECT "result" FROM "${this.schema}"."llm_results" WHERE "key" = $1`, [key]);
    return rows[0]?.result;
  }

  async put(key: string, campaignId: string, result: LlmResult<LlmStep>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "${this.schema}"."llm_results" ("key", "campaign_id", "result") VALUES ($1, $2, $3) ON CONFLICT ("key") DO NOTHING`,
      [key, campaignId, JSON.stringify(result)],
    );
  }

  /** Called in the transaction that records the stage: its answers are no longer needed. */
  static async forget(manager: EntityManager, schema: string, campaignId: string): Promise<void> {
    await manager.query(`DELETE FROM "${schema}"."llm_results" WHERE "campaign_id" = $1`, [campaignId]);
  }
}

export function llmResultsUpSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}"."llm_results" (
      "key" text PRIMARY KEY,
      "campaign_id" uuid NOT NULL,
      "result" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX "llm_results_campaign_idx" ON "${schema}"."llm_results" ("campaign_id")`,
  ];
}
