import { randomBytes } from 'node:crypto';
import amqplib from 'amqplib';
import { Client } from 'pg';

/** Real services on loopback (see README); tests override with TEST_DATABASE_ADMIN_URL / TEST_RABBITMQ_URL. */
export const TEST_PG_ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_RABBITMQ_URL = process.env.TEST_RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the real PostgreSQL, dropped by `drop()`. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const name = uniqueName(prefix);
  const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const client = new Client({ connectionString: TEST_PG_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A bus namespace of its own, so a test's exchanges and queues never meet another run's. */
export function uniqueNamespace(): string {
  return uniqueName('t').toLowerCase();
}

/** Deletes the exchanges and the given queues of a namespace. */
export async function deleteNamespace(namespace: string, services: string[], retryDelaysMs: number[] = []): Promise<void> {
  const connection = await amqplib.connect(TEST_RABBITMQ_URL);
  try {
    const channel = await connection.createChannel();
    for (const service of services) {
      for (const suffix of ['', '.dlq', ...retryDelaysMs.map((d) => `.retry.${d}ms`)]) {
        await channel.deleteQueue(`${namespace}.${service}${suffix}`);
      }
    }
    await channel.deleteQueue(`${namespace}.unroutable`);
    await channel.deleteExchange(`${namespace}.events`);
    await channel.deleteExchange(`${namespace}.unroutable`);
    await channel.close();
  } finally {
    await connection.close();
  }
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs` with `what`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
