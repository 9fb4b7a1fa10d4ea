import path from 'node:path';
import { ensurePgliteTemplate, pgliteTemplatePath } from './pglite-template';

/** `npm install` (prepare) makes the empty-cluster template, so the first `npm start` skips initdb. */
const cacheDir = path.resolve(process.argv[2] ?? 'node_modules/.cache/agentic-social');
ensurePgliteTemplate(pgliteTemplatePath(cacheDir)).then(
  () => process.stdout.write(`embedded PostgreSQL template ready in ${cacheDir}\n`),
  (error: Error) => {
    // Not fatal: the first start then creates the cluster itself, only slower.
    process.stderr.write(`could not prepare the embedded PostgreSQL template: ${error.message}\n`);
  },
);
