import { createTestDatabase, TestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import { queryRows } from './rows';

describe('queryRows on real PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('rows');
    ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    await ds.query(`CREATE TABLE t (id int PRIMARY KEY, s text)`);
    await ds.query(`INSERT INTO t VALUES (1, 'a'), (2, 'a'), (3, 'b')`);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('returns the RETURNING rows of UPDATE, DELETE and INSERT, and SELECT rows', async () => {
    const updated = await queryRows<{ id: number }>(ds.manager, `UPDATE t SET s = 'c' WHERE s = $1 RETURNING id`, ['a']);
    expect(updated.map((r) => r.id).sort()).toEqual([1, 2]);
    const deleted = await queryRows<{ id: number }>(ds.manager, `DELETE FROM t WHERE id = 3 RETURNING id`);
    expect(deleted).toEqual([{ id: 3 }]);
    const inserted = await queryRows<{ id: number }>(ds.manager, `INSERT INTO t VALUES (4, 'd') RETURNING id`);
    expect(inserted).toEqual([{ id: 4 }]);
    expect(await queryRows(ds.manager, `UPDATE t SET s = 'z' WHERE id = 99 RETURNING id`)).toEqual([]);
    expect((await queryRows<{ n: number }>(ds.manager, `SELECT count(*)::int AS n FROM t`))[0].n).toBe(3);
  });
});
