// Module boundaries of the server code (docs/architecture.md, "Rules CI enforces").
// Run with `npm run lint:deps`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-not-to-modules',
      comment:
        'src/core is what every module builds on; it must not depend on a module. Move a capability ' +
        'every module needs into src/core (as the audit log was), or pass it in.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'migrations-not-to-modules',
      comment:
        'A migration must give the same result whenever it runs, so it must not change when module ' +
        'code does: freeze what it needs inside it or in src/adapters/db/migrations/frozen/.',
      severity: 'error',
      from: { path: '^src/adapters/db/migrations/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles in src/: they make module order and initialisation fragile.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    // Type-only imports count: a boundary is about what a part knows of another, not only run time.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
