import { TmplGroup } from 'glass-easel-template-compiler';
import type { AppBundle, ModuleFactory } from '../../../../miniprogram/logic/bundle';

export interface TestPackage {
  app?: Partial<AppBundle['app']>;
  /** path without extension -> WXML */
  wxml: Record<string, string>;
  /** path without extension -> page/component json */
  json?: Record<string, Record<string, unknown>>;
  /** file with extension -> module body (as WeChat code: uses require, module, Page, wx...) */
  js: Record<string, ModuleFactory>;
  pages?: string[];
  lines?: Record<string, number>;
}

/**
 * Builds the bundle the compiler would emit (docs/wechat-format.md), with the real template compiler.
 * The generated template code is evaluated with `new Function` here only: the real bundle is a file.
 */
export function makeBundle(pkg: TestPackage): AppBundle {
  const group = new TmplGroup();
  for (const [path, src] of Object.entries(pkg.wxml)) group.addTmpl(path, src);
  const tmpl = new Function(`return ${group.getTmplGenObjectGroups()}`)() as Record<string, unknown>;
  group.free();
  const pages = pkg.pages ?? pkg.app?.pages ?? ['pages/index/index'];
  const configs: Record<string, Record<string, unknown>> = {};
  for (const path of Object.keys(pkg.wxml)) configs[path] = pkg.json?.[path] ?? {};
  const styleScopes: Record<string, string> = {};
  for (const path of Object.keys(pkg.wxml)) styleScopes[path] = 's' + path.replace(/[^a-z0-9]/gi, '');
  return {
    v: 1,
    appId: 'wxtest',
    app: { pages, ...pkg.app },
    configs,
    pages,
    tmpl,
    styleScopes,
    modules: { 'app.js': () => undefined, ...pkg.js },
    entry: { app: 'app.js' },
    ...(pkg.lines ? { lines: pkg.lines } : {}),
  };
}
