import { readFileSync } from 'node:fs';
import path from 'node:path';
import { API_TYPES_FILE, OPENAPI_FILE, renderApiTypes, renderOpenApiJson, repoRoot, staleOpenApiFiles } from './api-types';

/** The committed document renders to exactly the committed types (the e2e runs compare the document with what the gateway serves). */
describe('dashboard API types generated from the OpenAPI document', () => {
  const root = repoRoot();
  const committed = JSON.parse(readFileSync(path.join(root, OPENAPI_FILE), 'utf8'));

  it('are current with docs/openapi.json', async () => {
    expect(await staleOpenApiFiles(committed, root)).toEqual([]);
  });

  it('notice a changed document: both files are then stale', async () => {
    const changed = structuredClone(committed);
    changed.components.schemas.PostViewDto.properties.newField = { type: 'string' };
    changed.components.schemas.PostViewDto.required.push('newField');
    expect(await staleOpenApiFiles(changed, root)).toEqual([OPENAPI_FILE, API_TYPES_FILE]);
    expect(await renderApiTypes(changed)).toContain('newField: string;');
  });

  it('leave the deployment-specific servers out of the committed document', () => {
    expect(renderOpenApiJson({ ...committed, servers: [{ url: '/', description: 'production' }] })).toBe(readFileSync(path.join(root, OPENAPI_FILE), 'utf8'));
  });
});
