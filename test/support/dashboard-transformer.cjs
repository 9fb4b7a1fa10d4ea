'use strict';
/**
 * Jest transformer for the dashboard's .ts/.tsx files: TypeScript's transpileModule with JSX (react-jsx) and
 * CommonJS output. ts-jest is not used for them because it shares one compiler configuration among all its
 * transform entries (the first one created wins), which left JSX untransformed depending on test order.
 * Types are checked by `npm run typecheck` (tsc -p apps/dashboard/tsconfig.json), not here.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const COMPILER_OPTIONS = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  jsx: ts.JsxEmit.ReactJSX,
  esModuleInterop: true,
  inlineSourceMap: true,
  inlineSources: true,
};
const SELF = fs.readFileSync(__filename, 'utf8');

module.exports = {
  process(source, filename) {
    const { outputText } = ts.transpileModule(source, { fileName: filename, compilerOptions: COMPILER_OPTIONS });
    return { code: outputText };
  },
  getCacheKey(source, filename) {
    return crypto.createHash('sha256').update(ts.version).update(SELF).update(path.resolve(filename)).update(source).digest('hex');
  },
};
