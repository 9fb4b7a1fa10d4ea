import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/** PGlite's version: a template is only valid for the build that made it. */
function pgliteVersion(): string {
  const entry = require.resolve('@electric-sql/pglite');
  const manifest = path.join(entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`)), 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

export function pgliteTemplatePath(cacheDir: string): string {
  return path.join(cacheDir, `pglite-${pgliteVersion()}-empty-cluster.tgz`);
}

/**
 * An empty, freshly initialised cluster as a tarball. Creating a cluster (initdb) takes seconds in WASM;
 * loading this tarball into a new data folder takes about one second, so only the first cluster on a machine
 * pays for initdb (or none, when `npm install` made the template).
 */
export async function ensurePgliteTemplate(templatePath: string): Promise<void> {
  if (existsSync(templatePath)) return;
  const fresh = await PGlite.create();
  try {
    const dump = await fresh.dumpDataDir('gzip');
    mkdirSync(path.dirname(templatePath), { recursive: true });
    const partial = `${templatePath}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, templatePath);
  } finally {
    await fresh.close();
  }
}

/** Whether a data folder already holds a cluster. */
export function hasCluster(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'PG_VERSION'));
}

export function loadTemplate(templatePath: string): Blob {
  return new Blob([readFileSync(templatePath)]);
}
