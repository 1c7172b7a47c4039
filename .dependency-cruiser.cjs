/**
 * The shape of the code, checked on every `npm test` (lint stage): no import cycles, and the
 * process boundaries the compiler alone cannot see. Type-only imports count too: a cycle of
 * types is still two modules that cannot be understood apart.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other, directly or round a loop.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'migrations-stand-alone',
      severity: 'error',
      comment: 'A migration must mean the same thing forever: it imports kysely and nothing of the live code.',
      from: { path: '^electron/backend/db/migrations/[^/]+\\.ts$', pathNot: '/index\\.ts$' },
      to: { pathNot: '^node_modules/kysely/' },
    },
    {
      name: 'shared-imports-neither-side',
      severity: 'error',
      comment: 'shared/ is imported by the backend and the renderer alike.',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer)/' },
    },
    {
      name: 'renderer-is-a-web-page',
      severity: 'error',
      comment: 'The renderer reaches the backend only through window.api.',
      from: { path: '^renderer/' },
      to: { path: '^electron/' },
    },
    {
      name: 'backend-without-electron',
      severity: 'error',
      comment: 'The backend runs under plain Node (tests, demo, bench); Electron stays in electron/main.',
      from: { path: '^electron/backend/' },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'feature-through-its-index',
      severity: 'error',
      comment:
        'A screen section is used by the others only through its index.ts, so what it keeps to itself can change without looking elsewhere.',
      from: { path: '^renderer/src/features/([^/]+)/' },
      to: { path: '^renderer/src/features/[^/]+/', pathNot: ['^renderer/src/features/$1/', '^renderer/src/features/[^/]+/index\\.ts$'] },
    },
    {
      name: 'app-through-feature-index',
      severity: 'error',
      comment: 'The shell, router and session gate reach a screen section through its index.ts too.',
      from: { path: '^renderer/src/', pathNot: '^renderer/src/(features|ui|lib)/' },
      to: { path: '^renderer/src/features/[^/]+/', pathNot: '^renderer/src/features/[^/]+/index\\.ts$' },
    },
    {
      name: 'ui-and-lib-below-features',
      severity: 'error',
      comment: 'Generic pieces and helpers know no screen section: a feature builds on them, never the other way round.',
      from: { path: '^renderer/src/(ui|lib)/' },
      to: { path: '^renderer/src/features/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|out|dist|build)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
