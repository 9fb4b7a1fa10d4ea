#!/usr/bin/env node
/**
 * Runs a TypeScript entry point of this repository straight from its sources, with no build (like ts-node, which
 * the project does not have): `.ts` files are transpiled on require with the project's TypeScript, and the
 * `@app/*` imports resolve through tsconfig.json's `paths`. If the entry exports `main(argv)`, it is called and
 * its result is the exit status; otherwise the entry runs on load.
 *
 *   node scripts/ts-run.cjs libs/contracts/asyncapi/generate.ts [--check]     (npm run asyncapi[:check])
 *   node scripts/ts-run.cjs libs/launcher/src/dlq.ts <service> list          (npm run dlq without dist)
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const root = path.resolve(__dirname, '..');
const ts = require(require.resolve('typescript', { paths: [root] }));
const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const paths = config.compilerOptions.paths;

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const mapped = paths[request];
  return resolveFilename.call(this, mapped ? path.join(root, mapped[0]) : request, ...rest);
};

Module._extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      inlineSourceMap: true,
    },
  });
  module._compile(outputText, filename);
};

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/ts-run.cjs <entry.ts> [args...]\n');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(entry), ...args];
const loaded = require(path.resolve(root, entry));
if (typeof loaded.main === 'function') {
  Promise.resolve(loaded.main(args)).then(
    (status) => {
      process.exitCode = typeof status === 'number' ? status : 0;
    },
    (error) => {
      process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
