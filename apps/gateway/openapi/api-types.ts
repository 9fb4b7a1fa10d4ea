import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the gateway's OpenAPI document and the dashboard's types generated from it are committed. */
export const OPENAPI_FILE = 'docs/openapi.json';
export const API_TYPES_FILE = 'apps/dashboard/src/api/schema.d.ts';

export type OpenApiDocument = Record<string, unknown> & { servers?: unknown };

export function repoRoot(): string {
  // apps/gateway/openapi from the sources, dist/apps/gateway/openapi once built.
  let dir = __dirname;
  while (!readFileSafe(path.join(dir, 'nest-cli.json'))) dir = path.dirname(dir);
  return dir;
}

function readFileSafe(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The committed form of the document the gateway serves at /docs-json: its `servers` depend on the deployment. */
export function normalizeOpenApi(document: OpenApiDocument): OpenApiDocument {
  const { servers: _servers, ...rest } = document;
  return rest;
}

export function renderOpenApiJson(document: OpenApiDocument): string {
  return `${JSON.stringify(normalizeOpenApi(document), null, 2)}\n`;
}

/** The dashboard's TypeScript types for the document, by openapi-typescript. */
export async function renderApiTypes(document: OpenApiDocument): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(normalizeOpenApi(document) as never, { alphabetize: true, defaultNonNullable: false });
  return (
    '/**\n * Generated from the gateway\'s OpenAPI document (docs/openapi.json) by `npm run openapi`: do not edit.\n' +
    ' * `npm test` fails when this file no longer matches what the gateway serves.\n */\n\n' +
    astToString(ast)
  );
}

/** The committed files for `document`, keyed by path from the repository root. */
export async function renderOpenApiFiles(document: OpenApiDocument): Promise<Record<string, string>> {
  return { [OPENAPI_FILE]: renderOpenApiJson(document), [API_TYPES_FILE]: await renderApiTypes(document) };
}

/** Paths of the committed files that differ from what `document` renders to (empty when current). */
export async function staleOpenApiFiles(document: OpenApiDocument, root = repoRoot()): Promise<string[]> {
  const files = await renderOpenApiFiles(document);
  return Object.entries(files)
    .filter(([file, text]) => readFileSafe(path.join(root, file)) !== text)
    .map(([file]) => file);
}
