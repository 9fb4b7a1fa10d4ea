import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

/** PGlite served to many connections must behave like PostgreSQL for concurrent clients. */
describe('embedded PostgreSQL (PGlite over the wire protocol)', () => {
  let dir: string;
  let pg: EmbeddedPostgres;
  let pools: Pool[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pglite-'));
    pg = await startEmbeddedPostgres({ dataDir: dir, port: 0, sharedBuffers: '16MB' });
    pools = Array.from({ length: 4 }, () => new Pool({ connectionString: pg.url, max: 4 }));
    await pools[0].query(`CREATE TABLE items (id uuid PRIMARY KEY, n int NOT NULL, label text NOT NULL)`);
  });

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps concurrent parameterised queries of different shapes apart', async () => {
    const work = Array.from({ length: 200 }, (_, i) => {
      const pool = pools[i % pools.length];
      if (i % 3 === 0) return pool.query('INSERT INTO items (id, n, label) VALUES (gen_random_uuid(), $1, $2)', [i, `item ${i}`]);
      if (i % 3 === 1) return pool.query('SELECT count(*) FROM items WHERE id = $1', ['00000000-0000-0000-0000-000000000000']);
      return pool.query('SELECT $1::int + $2::int AS sum, $3::text AS label', [i, 1, `q${i}`]).then((r) => {
        expect(r.rows[0]).toEqual({ sum: i + 1, label: `q${i}` });
      });
    });
    await Promise.all(work);
    const { rows } = await pools[0].query('SELECT count(*)::int AS n FROM items');
    expect(rows[0].n).toBe(67);
  });

  it('isolates transactions: a rollback on one connection never touches another’s writes', async () => {
    const txn = async (pool: Pool, n: number, commit: boolean) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('INSERT INTO items (id, n, label) VALUES (gen_random_uuid(), $1, $2)', [n, commit ? 'kept' : 'dropped']);
        await client.query('SELECT pg_sleep(0.001)');
        await client.query(commit ? 'COMMIT' : 'ROLLBACK');
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: 40 }, (_, i) => txn(pools[i % pools.length], 1000 + i, i % 2 === 0)));
    const { rows } = await pools[1].query(`SELECT label, count(*)::int AS n FROM items WHERE n >= 1000 GROUP BY label`);
    expect(rows).toEqual([{ label: 'kept', n: 20 }]);
  });

  it('keeps its data across a restart', async () => {
    await Promise.all(pools.map((p) => p.end()));
    await pg.stop();
    pg = await startEmbeddedPostgres({ dataDir: dir, port: 0, sharedBuffers: '16MB' });
    pools = [new Pool({ connectionString: pg.url, max: 2 })];
    const { rows } = await pools[0].query(`SELECT count(*)::int AS n FROM items WHERE label = 'kept'`);
    expect(rows[0].n).toBe(20);
  });
});
