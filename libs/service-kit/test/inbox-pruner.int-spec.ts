import { InProcessService, startInProcess } from '@app/testing';
import { DataSource } from 'typeorm';
import { AnalyticsModule } from '../../../apps/analytics-svc/src/analytics.module';
import { analyticsConfigFrom } from '../../../apps/analytics-svc/src/config/analytics.config';
import { InboxPruner } from '../src/inbox-pruner';

/** Deduplication keeps a bounded inbox: rows past the retention go, recent ones stay. */
describe('InboxPruner on real PostgreSQL', () => {
  let svc: InProcessService;

  beforeAll(async () => {
    svc = await startInProcess({
      queue: 'analytics-svc',
      readConfig: analyticsConfigFrom,
      module: AnalyticsModule.forRoot,
      env: { INBOX_RETENTION_HOURS: '24' },
    });
  });

  afterAll(async () => {
    await svc?.stop();
  });

  it('deletes inbox rows older than the retention and keeps the rest', async () => {
    const db = svc.app.get(DataSource);
    await db.query(
      `INSERT INTO analytics.inbox (message_id, routing_key, processed_at) VALUES
        ('old-1', 'post.published.v1', now() - interval '25 hours'),
        ('old-2', 'post.failed.v1', now() - interval '30 days'),
        ('recent', 'post.published.v1', now() - interval '23 hours')`,
    );
    expect(await svc.app.get(InboxPruner).prune()).toBe(2);
    const rows: Array<{ message_id: string }> = await db.query(`SELECT message_id FROM analytics.inbox ORDER BY message_id`);
    expect(rows.map((r) => r.message_id)).toEqual(['recent']);
  });
});
