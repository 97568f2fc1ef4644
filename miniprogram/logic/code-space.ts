import type { CodeSpace, ComponentEnv, MiniProgramEnv } from 'glass-easel-miniprogram-adapter';
import type { AppBundle } from './bundle';
import type { ModuleLoader } from './module-loader';
import { BuiltinBehaviors } from './builtin-behaviors';
import { parseRouteUrl } from './route-url';

/**
 * Registers a compiled bundle in one main code space: static configs, templates, style scope names,
 * then runs each component's and page's module inside its definition environment, components before the
 * pages and components that use them.
 */
export class BundleSpace {
  readonly codeSpace: CodeSpace;
  /** wx://form-field and the other behaviors named by string */
  readonly builtins: BuiltinBehaviors;
  private current: ComponentEnv | undefined;
  /** the page or component whose module is loading */
  private currentPath: string | undefined;
  private readonly defined = new Set<string>();
  /** every page's and component's config, with app.json's global usingComponents added */
  private readonly configs: Record<string, Record<string, unknown>>;

  constructor(
    env: MiniProgramEnv,
    private readonly bundle: AppBundle,
  ) {
    const cs = env.createCodeSpace('', true);
    this.codeSpace = cs;
    this.builtins = new BuiltinBehaviors(cs);
    this.configs = withGlobalComponents(bundle);
    const pages = new Set(bundle.pages);
    for (const [path, config] of Object.entries(this.configs)) {
      // A page's classes are scoped like a component's (the compiler prefixed its WXSS), and app.wxss
      // still applies to it: glass-easel's "page-apply-shared".
      const withIsolation = pages.has(path) && config['styleIsolation'] === undefined ? { ...config, styleIsolation: 'page-apply-shared' } : config;
      cs.addComponentStaticConfig(path, withIsolation as Parameters<CodeSpace['addComponentStaticConfig']>[1]);
    }
    for (const [path, scope] of Object.entries(bundle.styleScopes)) cs.addStyleSheet(path, undefined, scope);
    const groupList = bundle.tmpl as NonNullable<Parameters<CodeSpace['addCompiledTemplate']>[1]['groupList']>;
    for (const path of Object.keys(bundle.configs)) {
      const content = groupList[path];
      // bindtap without a colon must reach native nodes too, as in WeChat
      if (content) cs.addCompiledTemplate(path, { groupList, content, fallbackListenerOnNativeNode: true });
    }
  }

  /** `Page`/`Component`/`Behavior` as the package's modules see them: bound to the module being defined */
  globals(): { Page: unknown; Component: unknown; Behavior: unknown } {
    const need = (what: string): ComponentEnv => {
      if (!this.current) throw new Error(`${what}() can only be called while a page or component file is loading (it was called from a plain module or later)`);
      return this.current;
    };
    const cs = this.codeSpace;
    const resolve = <T>(definition: T, what: string): T => this.builtins.resolve(definition, `${what}() in ${this.currentPath ?? 'a module'}.js`);
    return {
      Page: (definition: unknown) => (need('Page').Page as (d: unknown) => unknown)(resolve(definition, 'Page')),
      Component: (definition?: unknown) => {
        const env = need('Component');
        if (this.currentPath !== undefined) this.applyStyleOptions(this.currentPath, definition);
        return (env.Component as (d?: unknown) => unknown)(resolve(definition, 'Component'));
      },
      Behavior: (definition?: unknown) => (definition === undefined ? cs.behavior() : cs.behavior().definition(resolve(definition, 'Behavior') as never).register()),
    };
  }

  /**
   * Runs the modules of every main-package page (and, first, the components they use). A subpackage's
   * pages run on first navigation into them (`define`), as WeChat loads a subpackage when it is first
   * opened; its code is in logic.js already, but none of it runs before.
   */
  defineMainPackage(loader: ModuleLoader): void {
    const subRoots = subpackageRoots(this.bundle);
    for (const page of this.bundle.pages) {
      if (!subRoots.some((root) => page.startsWith(root))) this.define(page, loader);
    }
  }

  /** runs a page's or component's module once, after those of the components it uses */
  define(path: string, loader: ModuleLoader): void {
    if (this.defined.has(path)) return;
    this.defined.add(path);
    for (const target of dependencies(this.configs[path])) {
      if (target.includes('://')) continue;
      const dep = parseRouteUrl(target, path).route;
      if (this.configs[dep]) this.define(dep, loader);
    }
    const file = `${path}.js`;
    if (!loader.has(file)) return;
    this.codeSpace.componentEnv(path, (env) => {
      const previous = { env: this.current, path: this.currentPath };
      this.current = env;
      this.currentPath = path;
      try {
        loader.load(file);
      } finally {
        this.current = previous.env;
        this.currentPath = previous.path;
      }
    });
  }

  /**
   * `Component({ options: { styleIsolation | addGlobalClass } })` is documented next to the .json field,
   * but glass-easel's adapter reads only the static config: copy the JS option there (the .json wins).
   */
  private applyStyleOptions(path: string, definition: unknown): void {
    const options = (definition as { options?: { styleIsolation?: unknown; addGlobalClass?: unknown } } | undefined)?.options;
    const config = this.configs[path];
    if (!options || !config || config['styleIsolation'] !== undefined || config['addGlobalClass'] !== undefined) return;
    const extra: Record<string, unknown> = {};
    if (typeof options.styleIsolation === 'string') extra['styleIsolation'] = options.styleIsolation;
    else if (options.addGlobalClass === true) extra['addGlobalClass'] = true;
    if (Object.keys(extra).length === 0) return;
    this.configs[path] = { ...config, ...extra };
    this.codeSpace.addComponentStaticConfig(path, this.configs[path] as Parameters<CodeSpace['addComponentStaticConfig']>[1]);
  }
}

/**
 * The components a page or component needs defined before its own module runs: those it uses, and the
 * defaults of its componentGenerics (which it may render without naming them in usingComponents).
 */
function dependencies(config: Record<string, unknown> | undefined): string[] {
  const out: string[] = [];
  const using = config?.['usingComponents'];
  if (using && typeof using === 'object') out.push(...Object.values(using as Record<string, unknown>).filter((t): t is string => typeof t === 'string'));
  const generics = config?.['componentGenerics'];
  if (generics && typeof generics === 'object') {
    for (const generic of Object.values(generics as Record<string, unknown>)) {
      const fallback = generic && typeof generic === 'object' ? (generic as { default?: unknown }).default : undefined;
      if (typeof fallback === 'string') out.push(fallback);
    }
  }
  return out;
}

/** "shop/" for every app.json subpackages (or subPackages) root "shop" */
function subpackageRoots(bundle: AppBundle): string[] {
  const app = bundle.app as Record<string, unknown>;
  const subs = [app['subpackages'], app['subPackages']].flatMap((list) => (Array.isArray(list) ? (list as Array<{ root?: unknown }>) : []));
  return subs.map((sub) => (typeof sub.root === 'string' ? `${sub.root.replace(/^\/+|\/+$/g, '')}/` : '')).filter((root) => root.length > 1);
}

/**
 * app.json's usingComponents are global: every page and component may use them without declaring them
 * (WeChat: "在 app.json 中声明的自定义组件视为全局自定义组件"); a name declared locally wins.
 */
function withGlobalComponents(bundle: AppBundle): Record<string, Record<string, unknown>> {
  const global = bundle.app['usingComponents'];
  if (!global || typeof global !== 'object' || Object.keys(global).length === 0) return { ...bundle.configs };
  const out: Record<string, Record<string, unknown>> = {};
  for (const [path, config] of Object.entries(bundle.configs)) {
    const own = config['usingComponents'];
    out[path] = { ...config, usingComponents: { ...(global as Record<string, unknown>), ...(own && typeof own === 'object' ? own : {}) } };
  }
  return out;
}
