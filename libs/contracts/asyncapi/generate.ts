import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ASYNCAPI_FILE, buildAsyncApiDocument, renderAsyncApiYaml, repoRoot } from './asyncapi-document';

/**
 * `npm run asyncapi` writes docs/asyncapi.yaml from libs/contracts; `npm run asyncapi:check` (`--check`)
 * only compares and fails when the committed file is stale. Returns the exit status.
 */
export function main(argv: string[]): number {
  const root = repoRoot();
  const file = path.join(root, ASYNCAPI_FILE);
  const yaml = renderAsyncApiYaml(buildAsyncApiDocument());
  if (argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      // missing: stale by definition
    }
    if (committed === yaml) {
      process.stdout.write(`${ASYNCAPI_FILE} is up to date\n`);
      return 0;
    }
    process.stderr.write(`${ASYNCAPI_FILE} is out of date with libs/contracts: run \`npm run asyncapi\` and commit it\n`);
    return 1;
  }
  writeFileSync(file, yaml);
  process.stdout.write(`wrote ${ASYNCAPI_FILE}\n`);
  return 0;
}
