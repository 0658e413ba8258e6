// Import boundaries and cycles, checked across the whole dependency graph by `npm run lint`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'shared-is-pure',
      comment: 'shared/ is used by server and client alike: no server/ or client/ code, no I/O.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: ['^server/', '^client/'] },
    },
    {
      name: 'shared-no-node-io',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'room-core-is-transport-free',
      comment: 'The room core talks to peers through a tiny interface; it knows no Hono and no ws.',
      severity: 'error',
      from: { path: '^server/room/' },
      to: { path: ['node_modules/(hono|@hono|ws)/', '^server/http/'] },
    },
    {
      name: 'client-not-server',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'components-no-yjs',
      comment: 'Components read the board store and emit intents; only the store touches Yjs.',
      severity: 'error',
      from: { path: '^client/src/components/' },
      to: { path: 'node_modules/yjs/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
}
