/**
 * The layering of shared/DESIGN.md section 1, enforced. Imports only go down:
 * main/, web/ -> core/; preload/ -> client/ + core/contracts; renderer/ -> core/contracts only.
 * miniprogram/ -> client/ + core/contracts. core/, client/ and miniprogram/ never reach a host, the DOM-only UI or Electron.
 */
module.exports = {
  forbidden: [
    { name: 'core-is-host-neutral', severity: 'error', comment: 'core/ must not import a host, the UI, the client or Electron',
      from: { path: '^core/' }, to: { path: ['^(main|preload|renderer|web|client|examples)/', '^electron$', 'node_modules/electron/'] } },
    { name: 'core-has-no-ws-or-stores', severity: 'error',
      comment: 'transports and concrete stores belong to hosts; core/network/io/ is the WebSocket client both hosts share for wx.connectSocket',
      from: { path: '^core/', pathNot: '^core/network/io/' }, to: { path: 'node_modules/(ws|conf|electron-store)/' } },
    { name: 'network-io-is-ws-only', severity: 'error', comment: 'the shared network I/O may use ws, never a store',
      from: { path: '^core/network/io/' }, to: { path: 'node_modules/(conf|electron-store)/' } },
    { name: 'client-is-host-neutral', severity: 'error', comment: 'client/ runs inside a mini program page: contracts only',
      from: { path: '^client/' }, to: { path: ['^(main|preload|renderer|web|examples)/', '^core/(?!contracts/)', '^electron$', 'node_modules/electron/'] } },
    { name: 'client-has-no-node', severity: 'error', comment: 'client/ runs in a sandboxed page: no Node built-ins',
      from: { path: '^client/' }, to: { dependencyTypes: ['core'] } },
    { name: 'miniprogram-is-host-neutral', severity: 'error',
      comment: 'miniprogram/ runs in an app view and its Worker: client/, contracts, and the Node-free require resolver and app.json "workers" rules the compiler checks with',
      from: { path: '^miniprogram/' }, to: { path: ['^(main|preload|renderer|web|examples|integration)/', '^core/(?!contracts/|wechat/require-resolve\\.ts$|wechat/workers-config\\.ts$)', '^electron$', 'node_modules/electron/'] } },
    { name: 'miniprogram-has-no-node', severity: 'error', comment: 'miniprogram/ runs in a sandboxed page and a Worker: no Node built-ins',
      from: { path: '^miniprogram/' }, to: { dependencyTypes: ['core'] } },
    { name: 'renderer-talks-only-to-shell-api', severity: 'error', comment: 'renderer/ sees shared types only',
      from: { path: '^renderer/' }, to: { path: ['^(main|preload|web|client|examples)/', '^core/(?!contracts/)', '^electron$', 'node_modules/electron/'] } },
    { name: 'renderer-has-no-node', severity: 'error', from: { path: '^renderer/' }, to: { dependencyTypes: ['core'] } },
    { name: 'preload-only-client-and-contracts', severity: 'error',
      from: { path: '^preload/' }, to: { path: ['^(main|renderer|web|examples)/', '^core/(?!contracts/)'] } },
    { name: 'hosts-do-not-cross', severity: 'error', comment: 'main/ and web/ are siblings',
      from: { path: '^main/' }, to: { path: '^(web|renderer|preload|examples)/' } },
    { name: 'web-is-not-electron', severity: 'error',
      from: { path: '^web/' }, to: { path: ['^(main|renderer|preload)/', '^electron$', 'node_modules/electron/'] } },
    { name: 'integration-uses-core-only', severity: 'error', comment: 'the integrator plug sees core only',
      from: { path: '^integration/' }, to: { path: ['^(main|preload|renderer|web|client|examples)/', '^electron$'] } },
    { name: 'core-does-not-import-integration', severity: 'error',
      from: { path: '^(core|client|renderer|preload)/' }, to: { path: '^integration/' } },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'not-to-unresolvable', severity: 'error', from: {}, to: { couldNotResolve: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    exclude: { path: '(^|/)dist/' },
  },
};
