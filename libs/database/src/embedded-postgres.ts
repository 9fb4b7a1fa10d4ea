import { mkdirSync } from 'node:fs';
import net from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import type { PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';
import { PGliteSessionQueue } from './pglite-session-queue';
import { ensurePgliteTemplate, hasCluster, loadTemplate } from './pglite-template';

export interface EmbeddedPostgresOptions {
  /** Folder the database lives in; created if missing, reused across restarts. */
  dataDir: string;
  /** Loopback port to serve on; 0 picks a free one. */
  port: number;
  /** PostgreSQL `shared_buffers`; small keeps the process light. */
  sharedBuffers: string;
  /** Empty-cluster tarball that a new data folder starts from (made on first use when missing). */
  templatePath?: string;
}

export interface EmbeddedPostgres {
  /** A postgres:// URL any client (the services, psql, tests) can connect to. */
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL 18 compiled to WASM (PGlite), persisted under `dataDir` and served on loopback over the
 * Postgres wire protocol (pglite-socket's connection handler). Services reach it with the same driver,
 * migrations and SQL as a real server. It is one session underneath: the session queue gives it to one
 * connection per request or transaction and queues the others, so transactions are serialized and isolated.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  let loadDataDir: Blob | undefined;
  if (options.templatePath && !hasCluster(options.dataDir)) {
    await ensurePgliteTemplate(options.templatePath);
    loadDataDir = loadTemplate(options.templatePath);
  }
  const db = await PGlite.create({ dataDir: options.dataDir, loadDataDir, postgresqlconf: [`shared_buffers=${options.sharedBuffers}`] });
  const queue = new PGliteSessionQueue(db);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const handler = new PGLiteSocketHandler({ queryQueue: queue as unknown as PGLiteSocketHandlerOptions['queryQueue'], closeOnDetach: true });
    void handler.attach(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
      await db.close();
    },
  };
}
