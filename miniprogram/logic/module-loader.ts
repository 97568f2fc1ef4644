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

/** 'a/b/../c/./d' -> 'a/c/d'; undefined when it climbs above the package root */
function normalize(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

function dirOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

/**
 * WeChat's `require` over the bundle's module table: relative and package-absolute paths, `.js` optional,
 * a folder's index.js, and bare names from `miniprogram_npm/` (searched from the requiring module's folder
 * up to the root). Nothing outside the table is reachable. Modules run once and are cached, cycles see
 * the partial exports as in CommonJS.
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

  /** resolves `request` as seen from module `from` (a file path in the table), or undefined */
  resolve(request: string, from: string): string | undefined {
    if (request.startsWith('/') || request.startsWith('./') || request.startsWith('../')) {
      const base = request.startsWith('/') ? request : `${dirOf(from)}/${request}`;
      const path = normalize(base);
      return path === undefined ? undefined : this.candidates(path);
    }
    // a bare name: miniprogram_npm/<name> from this folder up to the root, then as a root-relative path
    const parts = dirOf(from).split('/').filter(Boolean);
    for (let depth = parts.length; depth >= 0; depth--) {
      const prefix = parts.slice(0, depth).join('/');
      const path = normalize(`${prefix}/miniprogram_npm/${request}`);
      const found = path === undefined ? undefined : this.candidates(path);
      if (found) return found;
    }
    const path = normalize(request);
    return path === undefined ? undefined : this.candidates(path);
  }

  private candidates(path: string): string | undefined {
    for (const file of [path, `${path}.js`, `${path}/index.js`]) if (this.has(file)) return file;
    return undefined;
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
    const path = normalize(request.startsWith('/') ? request : `${dirOf(from)}/${request}`) ?? request;
    return path.endsWith('.js') ? path : `${path}.js`;
  }
}
