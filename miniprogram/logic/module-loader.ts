import { normalizePackagePath, resolveRequire } from '../../core/wechat/require-resolve';
import type { ModuleFactory } from './bundle';

/** What every module gets besides require/module/exports (the WeChat globals). */
export interface ModuleGlobals {
  wx: unknown;
  App: unknown;
  Page: unknown;
  Component: unknown;
  Behavior: unknown;
  getApp: unknown;
  getCurrentPages: unknown;
  requirePlugin: unknown;
}

interface ModuleRecord {
  exports: unknown;
  loaded: boolean;
}

/**
 * WeChat's `require` over the bundle's module table, resolving exactly as the compiler checked it
 * (core/wechat/require-resolve.ts: relative and package-absolute paths, `.js` optional, a folder's index.js,
 * bare names relative first, then `miniprogram_npm/`). Nothing outside the table is reachable.
 * Modules run once and are cached; cycles see the partial exports, as in CommonJS.
 */
export class ModuleLoader {
  private readonly cache = new Map<string, ModuleRecord>();

  constructor(
    private readonly modules: Record<string, ModuleFactory>,
    private readonly globals: ModuleGlobals,
  ) {}

  has(file: string): boolean {
    return Object.hasOwn(this.modules, file);
  }

  /** resolves `request` as seen from module `from` with the compiler's own rules, or undefined */
  resolve(request: string, from: string): string | undefined {
    const found = resolveRequire(from, request, (path) => this.has(path));
    return found.ok ? found.path : undefined;
  }

  /** runs a module (once) and returns its exports */
  load(file: string): unknown {
    const cached = this.cache.get(file);
    if (cached) return cached.exports;
    const factory = this.modules[file];
    if (!factory) throw new Error(`module "${file}" is not defined`);
    const module: ModuleRecord = { exports: {}, loaded: false };
    this.cache.set(file, module);
    const require = (request: unknown) => {
      if (typeof request !== 'string') throw new Error(`require: the module path must be a string, got ${typeof request}`);
      const target = this.resolve(request, file);
      if (!target) throw new Error(`module "${this.describe(request, file)}" is not defined`);
      return this.load(target);
    };
    const g = this.globals;
    try {
      factory(require, module, module.exports, g.wx, g.App, g.Page, g.Component, g.Behavior, g.getApp, g.getCurrentPages, g.requirePlugin, undefined, undefined, undefined);
    } catch (e) {
      this.cache.delete(file);
      throw e;
    }
    module.loaded = true;
    return module.exports;
  }

  /** the path WeChat names in its error: resolved against the requiring module, `.js` added */
  private describe(request: string, from: string): string {
    if (!request.startsWith('/') && !request.startsWith('.')) return request;
    const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
    const path = normalizePackagePath(request.startsWith('/') ? request : `${dir}/${request}`) ?? request;
    return path.endsWith('.js') ? path : `${path}.js`;
  }
}
