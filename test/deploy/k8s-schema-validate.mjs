// Validates Kubernetes objects against the Kubernetes OpenAPI schemas bundled in the npm package
// `kubernetes-models` (compiled ajv validators, one per apiVersion/kind). That package is ESM-only (its
// exports have only the "import" condition), so deploy-manifests.spec.ts runs this file as a child process.
//
// stdin:  a JSON array of objects
// stdout: a JSON array, one entry per object: { kind, name, error } with error null when the object is valid
import { readFileSync } from 'node:fs';

const objects = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const object of objects) {
  const kind = object?.kind;
  const name = object?.metadata?.name ?? '(no name)';
  if (typeof object?.apiVersion !== 'string' || typeof kind !== 'string' || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) {
    results.push({ kind: String(kind), name, error: 'apiVersion and kind are required' });
    continue;
  }
  // "apps/v1" -> kubernetes-models/apps/v1/<Kind>; core "v1" -> kubernetes-models/v1/<Kind>.
  const specifier = `kubernetes-models/${object.apiVersion}/${kind}`;
  let Model;
  try {
    Model = (await import(specifier))[kind];
  } catch {
    Model = undefined;
  }
  if (typeof Model !== 'function') {
    results.push({ kind, name, error: `no Kubernetes schema for ${object.apiVersion} ${kind} (unknown kind or API version)` });
    continue;
  }
  try {
    new Model(object).validate();
    results.push({ kind, name, error: null });
  } catch (error) {
    results.push({ kind, name, error: error instanceof Error ? error.message : String(error) });
  }
}
process.stdout.write(JSON.stringify(results));
