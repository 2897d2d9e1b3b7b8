/**
 * NestJS 12 and a few of its companions ship as ES modules only. The app itself loads them through
 * Node's require(esm); Jest's module registry cannot, so their files are compiled to CommonJS here.
 * `createRequire(import.meta.url)` becomes Jest's own `require`, so every package is loaded once.
 */
function useJestRequire({ types: t }) {
  return {
    visitor: {
      Program(path) {
        if (path.scope.hasOwnBinding('require')) path.scope.rename('require', '_esmRequire');
      },
      CallExpression(path) {
        if (t.isIdentifier(path.node.callee, { name: 'createRequire' })) path.replaceWith(t.identifier('require'));
      },
    },
  };
}

module.exports = require('babel-jest').default.createTransformer({
  babelrc: false,
  configFile: false,
  compact: false,
  sourceType: 'unambiguous',
  plugins: [useJestRequire, 'babel-plugin-transform-import-meta', '@babel/plugin-transform-dynamic-import', '@babel/plugin-transform-modules-commonjs'],
});
