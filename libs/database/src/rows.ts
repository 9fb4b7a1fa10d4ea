import { EntityManager } from 'typeorm';

/**
 * Runs SQL and returns its rows whatever the statement. TypeORM's postgres driver answers UPDATE and
 * DELETE with `[rows, rowCount]` and everything else with `rows`, and its query builder drops RETURNING
 * on some updates, so statements with RETURNING go through here.
 */
export async function queryRows<T>(manager: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
