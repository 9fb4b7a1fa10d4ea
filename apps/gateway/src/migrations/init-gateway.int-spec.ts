import { dataSourceOptions, runMigrationsLocked } from '@app/database';
import { createTestDatabase } from '@app/testing';
import type { TestDatabase } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GATEWAY_ENTITIES } from '../gateway.module';
import { GATEWAY_MIGRATIONS } from '.';
import { InitGateway1764028800000 } from './1764028800000-InitGateway';

describe('gateway migrations (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const tables = async (): Promise<string[]> =>
    (await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'gateway' ORDER BY table_name`)).map(
      (r: { table_name: string }) => r.table_name,
    );
  const constraints = async (): Promise<string[]> =>
    (await dataSource.query(`SELECT conname FROM pg_constraint WHERE connamespace = 'gateway'::regnamespace AND contype IN ('u', 'c') ORDER BY conname`)).map(
      (c: { conname: string }) => c.conname,
    );

  beforeAll(async () => {
    db = await createTestDatabase('gateway_migration');
    const options = dataSourceOptions({ url: db.url, schema: 'gateway', poolSize: 2, entities: GATEWAY_ENTITIES, migrations: GATEWAY_MIGRATIONS });
    dataSource = await new DataSource(options).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('creates the gateway tables in schema gateway, matching the entities', async () => {
    expect(GATEWAY_MIGRATIONS[0]).toBe(InitGateway1764028800000);
    expect(await runMigrationsLocked(dataSource, 'gateway')).toEqual(['InitGateway1764028800000', 'PublishingLifecycle1764288000000', 'Recommendations1764374400000']);
    expect(await tables()).toEqual(['campaign_posts', 'campaigns', 'inbox', 'migrations', 'outbox', 'post_attempts', 'users']);
    // Every entity column exists: a select through the entity metadata fails otherwise.
    for (const entity of GATEWAY_ENTITIES) await dataSource.getRepository(entity).find({ take: 1 });
    expect(await constraints()).toEqual(
      expect.arrayContaining([
        'users_email_key',
        'users_email_lowercase',
        'campaigns_status_check',
        'campaigns_kind_check',
        'campaign_posts_status_check',
        'post_attempts_post_attempt_outcome_key',
      ]),
    );
  });

  it('PublishingLifecycle: unconfirmed posts, campaign kinds, attempts unique per post, attempt and outcome, deleted with their post', async () => {
    const [user] = await dataSource.query(`INSERT INTO gateway.users (email, password_hash) VALUES ('m@example.com', 'x') RETURNING id`);
    const insertCampaign = (kind?: string) =>
      dataSource.query(
        `INSERT INTO gateway.campaigns (user_id, name, goal, target_platforms, start_date, duration_days, timezone, status${kind ? ', kind' : ''})
         VALUES ($1, 'n', 'g', '["x"]', now(), 1, 'UTC', 'active'${kind ? ', $2' : ''}) RETURNING id, kind`,
        kind ? [user.id, kind] : [user.id],
      );
    const [agent] = await insertCampaign();
    expect(agent.kind).toBe('agent');
    await expect(insertCampaign('robot')).rejects.toThrow(/campaigns_kind_check/);
    const [adhoc] = await insertCampaign('adhoc');
    const postId = randomUUID();
    await dataSource.query(
      `INSERT INTO gateway.campaign_posts (id, campaign_id, user_id, plan_id, platform, content_type, pillar, content, status, failure_code, url, account_name, connection_id)
       VALUES ($1, $2, $3, 'adhoc', 'x', 'single', 'ad-hoc', '{"text":"hi","hashtags":[]}', 'unconfirmed', NULL, 'https://x.com/a/status/1', '@a', 'c-1')`,
      [postId, adhoc.id, user.id],
    );
    await expect(dataSource.query(`UPDATE gateway.campaign_posts SET status = 'lost' WHERE id = $1`, [postId])).rejects.toThrow(/campaign_posts_status_check/);
    const attempt = (n: number, outcome: string) =>
      dataSource.query(`INSERT INTO gateway.post_attempts (post_id, attempt, outcome, started_at) VALUES ($1, $2, $3, now())`, [postId, n, outcome]);
    await attempt(1, 'retry');
    await attempt(1, 'unknown');
    await expect(attempt(1, 'retry')).rejects.toThrow(/post_attempts_post_attempt_outcome_key/);
    await expect(attempt(0, 'retry')).rejects.toThrow(/check/);
    await dataSource.query(`DELETE FROM gateway.campaigns WHERE id = $1`, [adhoc.id]);
    expect(await dataSource.query(`SELECT 1 FROM gateway.post_attempts WHERE post_id = $1`, [postId])).toHaveLength(0);

    const kept = randomUUID();
    await dataSource.query(
      `INSERT INTO gateway.campaign_posts (id, campaign_id, user_id, plan_id, platform, content_type, pillar, content, status)
       VALUES ($1, $2, $3, 'x-01', 'x', 'single', 'p', '{"text":"hi","hashtags":[]}', 'unconfirmed')`,
      [kept, agent.id, user.id],
    );
    // The newest migration (Recommendations) is undone first: its columns go.
    const columns = async () => (await dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'gateway' AND column_name IN ('recommendations', 'slot_choice')`)).length;
    expect(await columns()).toBe(2);
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await columns()).toBe(0);
    await dataSource.undoLastMigration({ transaction: 'each' });
    const [after] = await dataSource.query(`SELECT status, error FROM gateway.campaign_posts WHERE id = $1`, [kept]);
    expect(after).toEqual({ status: 'failed', error: 'unconfirmed' });
    expect(await tables()).not.toContain('post_attempts');
    expect(await constraints()).not.toContain('campaigns_kind_check');
  });

  it('drops everything again', async () => {
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual(['migrations']);
  });
});
