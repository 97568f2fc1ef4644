import { runInThisContext } from 'node:vm';
import * as glassEasel from 'glass-easel';
import { MiniProgramEnv } from 'glass-easel-miniprogram-adapter';
import { resolveRequire } from '../../../../../core/wechat/require-resolve';

/** What logic.js assigns to globalThis.__wxAppBundle (docs/wechat-format.md), as the tests read it. */
export interface LoadedBundle {
  v: number;
  appId: string;
  app: Record<string, unknown>;
  configs: Record<string, Record<string, unknown>>;
  pages: string[];
  tmpl: Record<string, unknown>;
  styleScopes: Record<string, string>;
  modules: Record<string, (...args: unknown[]) => void>;
  entry: { app: string };
  lines: Record<string, number>;
}

/**
 * Runs logic.js as the logic Worker would: a classic script in the realm where glass-easel runs (its
 * property types are compared with this realm's String/Number), returning the bundle it assigns.
 */
export function loadBundle(logicJs: string): LoadedBundle {
  const global = globalThis as { __wxAppBundle?: LoadedBundle };
  runInThisContext(logicJs, { filename: 'logic.js' });
  const bundle = global.__wxAppBundle!;
  delete global.__wxAppBundle;
  return bundle;
}

/**
 * A tiny stand-in for the runtime: every template and config registered with glass-easel's
 * mini program adapter, the package's own page/component modules run through its Page/Component,
 * rendered on glass-easel's composed backend (no DOM), so a test sees what the compiled WXML renders.
 */
export function renderPage(bundle: LoadedBundle, pagePath: string, wx: Record<string, unknown> = {}) {
  const env = new MiniProgramEnv();
  const space = env.createCodeSpace('', true);
  for (const path of Object.keys(bundle.configs)) space.addComponentStaticConfig(path, bundle.configs[path] as never);
  for (const path of Object.keys(bundle.tmpl)) {
    // as the runtime must: `bindtap` (no colon) on a native node only works with the fallback listener
    space.addCompiledTemplate(path, { groupList: bundle.tmpl, content: (bundle.tmpl as Record<string, never>)[path], fallbackListenerOnNativeNode: true } as never);
  }
  const cache = new Map<string, { exports: unknown }>();
  const run = (file: string, envArgs: { Page?: unknown; Component?: unknown; Behavior?: unknown }): unknown => {
    const known = cache.get(file);
    if (known) return known.exports;
    const module = { exports: {} as unknown };
    cache.set(file, module);
    const require = (request: string) => {
      const found = resolveRequire(file, request, (p) => p in bundle.modules);
      if (!found.ok) throw new Error(`module "${request}" is not defined`);
      return run(found.path, envArgs);
    };
    bundle.modules[file]!(require, module, module.exports, wx, () => undefined, envArgs.Page, envArgs.Component, envArgs.Behavior, () => ({}), () => [], () => ({}), undefined, undefined, undefined);
    return module.exports;
  };
  const units = Object.keys(bundle.tmpl).filter((p) => `${p}.js` in bundle.modules && p in bundle.configs);
  for (const unit of units) space.componentEnv(unit, (e) => run(`${unit}.js`, e));
  const backend = new glassEasel.EmptyComposedBackendContext();
  const root = env.associateBackend(backend).createRoot('body', space, pagePath);
  return { root, component: root.getComponent(), dump: () => glassEasel.dumpElementToString(root.getComponent(), true) };
}
