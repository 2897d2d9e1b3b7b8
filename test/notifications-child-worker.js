/**
 * Runs the worker from its TypeScript sources in a child process (`npm test` does not build), so a test
 * can SIGKILL it. TypeScript is transpiled per file on require (no type check, like ts-jest with
 * isolatedModules) and the @grants/* paths of tsconfig.json are resolved by tsconfig-paths. NestJS 12's
 * ES-module packages load through Node's require(esm).
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const ts = require('typescript');
const tsconfigPaths = require('tsconfig-paths');

const root = join(__dirname, '..');
const { config } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
const compilerOptions = {
  ...options,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  sourceMap: false,
  inlineSourceMap: true,
  declaration: false,
  noEmit: false,
};

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), { fileName: filename, compilerOptions });
  module._compile(outputText, filename);
};
tsconfigPaths.register({ baseUrl: root, paths: config.compilerOptions.paths });

require(join(root, 'apps', 'worker', 'src', 'main.ts'));
