import { freePort } from '@app/launcher';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAllInOne } from '../../all-in-one/src/system';
import { OpenApiDocument, renderOpenApiFiles, repoRoot, staleOpenApiFiles } from './api-types';

/**
 * `npm run openapi`: starts the gateway (embedded, in a scratch directory), reads the OpenAPI document it
 * serves, and writes docs/openapi.json and the dashboard's types generated from it. `--check` only compares.
 */
async function main(argv: string[]): Promise<number> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'agentic-openapi-'));
  const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: 'error', DASHBOARD: 'off' };
  for (const name of ['GATEWAY', 'STRATEGY', 'CONTENT', 'CREATIVE', 'SCHEDULER', 'POSTING', 'ANALYTICS']) env[`${name}_PORT`] = String(await freePort());
  const system = await startAllInOne({ ...process.env, ...env, DATABASE_URL: undefined, RABBITMQ_URL: undefined }, ['error']);
  let document: OpenApiDocument;
  try {
    const res = await fetch(`${system.gatewayUrl}/docs-json`);
    if (!res.ok) throw new Error(`GET /docs-json answered ${res.status}`);
    document = (await res.json()) as OpenApiDocument;
  } finally {
    await system.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const root = repoRoot();
  if (argv.includes('--check')) {
    const stale = await staleOpenApiFiles(document, root);
    if (stale.length === 0) {
      process.stdout.write('the OpenAPI document and the dashboard types are up to date\n');
      return 0;
    }
    process.stderr.write(`out of date with the gateway: ${stale.join(', ')}; run \`npm run openapi\` and commit them\n`);
    return 1;
  }
  for (const [file, text] of Object.entries(await renderOpenApiFiles(document))) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
    process.stdout.write(`wrote ${file}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
