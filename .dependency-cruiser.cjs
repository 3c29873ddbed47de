/**
 * The layers of casus, checked in `npm test` (tests/guards.test.ts):
 *   schema <- core <- load, report <- cli, web (and the bench over all).
 * Each layer imports only the layers before it; the core does no I/O, so it imports
 * no Node module; and no module imports itself round a cycle.
 */
const layer = (name, mayImport) => ({
  name: `${name}-imports-only-${mayImport.join('-') || 'packages'}`,
  comment: `src/${name} may import only ${mayImport.map((l) => `src/${l}`).join(', ') || 'packages'} (schema <- core <- load/report <- cli/web)`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...mayImport.map((l) => `^src/${l}/`)] },
});

module.exports = {
  forbidden: [
    layer('schema', []),
    layer('core', ['schema']),
    layer('load', ['schema', 'core']),
    layer('report', ['schema', 'core']),
    layer('cli', ['schema', 'core', 'load', 'report']),
    layer('web', ['schema', 'core', 'report']),
    {
      name: 'core-imports-no-node',
      comment: 'src/core is pure: no file, network, clock or process (it also runs in the browser)',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-circular',
      comment: 'no module imports itself through others',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'every import resolves (the page build config reads vite, which only the build resolves)',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/web/vite\\.config\\.ts$' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'], conditionNames: ['import', 'node', 'default'] },
  },
};
