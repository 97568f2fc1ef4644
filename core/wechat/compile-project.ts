import { createHash } from 'node:crypto';
import type { Program } from 'acorn';
import { OPEN_API_NAMES } from '../contracts/apis';
import { scanCapabilities, scanTemplateCapabilities, type DerivedCapabilities } from './capabilities';
import { IssueList, WechatCompileError } from './compile-issues';
import { resolveComponentPath } from './component-paths';
import { parseModules, treesOf } from './js-modules';
import { positionOfJsonPath, readJsonFile } from './json-file';
import { linkLogicBundle } from './logic-bundle';
import type { WechatProject } from './project-reader';
import { allPages, ComponentJson, withAppDefaults, type AppJson } from './schemas';
import { styleScopeName } from './style-scope';
import { compileStyles } from './wxss-compiler';
import { compileTemplates } from './wxml-compiler';
import { linkWorkerBundle, splitThreads } from './worker-bundle';

/** Bumped when the compiler's output changes shape, so an old build is never taken for a new one. */
export const COMPILER_VERSION = 3;

/** The compiled bundle of docs/wechat-format.md, in memory, before it is written. */
export interface CompiledApp {
  sourceHash: string;
  logicJs: string;
  logicMap: string;
  /** app.json "workers": the workers' own bundle (workers.js) and its map; absent without workers */
  workers?: { js: string; map: string };
  appCss: string;
  /** package paths of the sources that went in, for build.json */
  files: string[];
  capabilities: DerivedCapabilities;
  /** the JS syntax trees, kept for callers that read the code (the install's capability list) */
  trees: ReadonlyMap<string, Program>;
}

const withoutExt = (file: string) => file.replace(/\.[^./]+$/, '');

/** sha256 of every source (path and text, in path order) and the compiler version. */
export function sourceHashOf(sources: ReadonlyMap<string, string>, appId: string): string {
  const hash = createHash('sha256').update(`v${COMPILER_VERSION}\0${appId}\0`);
  for (const path of [...sources.keys()].sort()) hash.update(`${path}\0${sources.get(path)}\0`);
  return hash.digest('hex');
}

/** Every page listed in app.json (main package and subpackages) needs its .wxml and .js. */
function checkPages(app: AppJson, sources: ReadonlyMap<string, string>, issues: IssueList): void {
  const appText = sources.get('app.json') ?? '';
  const listed: Array<{ page: string; at: Array<string | number> }> = app.pages.map((page, i) => ({ page, at: ['pages', i] }));
  for (const key of ['subpackages', 'subPackages'] as const) {
    (app[key] ?? []).forEach((sub, s) =>
      sub.pages.forEach((p, i) => listed.push({ page: `${sub.root.replace(/\/+$/, '')}/${p}`, at: [key, s, 'pages', i] })),
    );
  }
  for (const { page, at } of listed) {
    const missing = ['.wxml', '.js'].filter((ext) => !sources.has(`${page}${ext}`));
    if (missing.length === 0) continue;
    const { line, col } = positionOfJsonPath(appText, at);
    issues.add('app.json', line, col, `page "${page}" has no ${missing.map((ext) => page + ext).join(' or ')} in the package`);
  }
  if (app.entryPagePath && !allPages(app).includes(app.entryPagePath)) {
    const { line, col } = positionOfJsonPath(appText, ['entryPagePath']);
    issues.add('app.json', line, col, `entryPagePath "${app.entryPagePath}" is not one of the pages`);
  }
  app.tabBar?.list.forEach((item, i) => {
    if (app.pages.includes(item.pagePath)) return;
    const { line, col } = positionOfJsonPath(appText, ['tabBar', 'list', i, 'pagePath']);
    issues.add('app.json', line, col, `tabBar page "${item.pagePath}" is not one of the main package's pages`);
  });
}

/** usingComponents values become package-absolute paths ("/components/card/card"), checked to exist. */
function resolveUsingComponents(
  jsonFile: string,
  declaredIn: string,
  config: Record<string, unknown>,
  jsonText: string,
  hasTemplate: (path: string) => boolean,
  issues: IssueList,
): Record<string, unknown> {
  const using = config.usingComponents as Record<string, string> | undefined;
  if (!using) return config;
  const resolved: Record<string, string> = {};
  for (const [name, target] of Object.entries(using)) {
    const path = resolveComponentPath(declaredIn, target, hasTemplate);
    if (path) resolved[name] = `/${path}`;
    else {
      const { line, col } = positionOfJsonPath(jsonText, ['usingComponents', name]);
      issues.add(jsonFile, line, col, `usingComponents.${name}: "${target}" is not a component of the package (no .wxml there)`);
    }
  }
  return { ...config, usingComponents: resolved };
}

/**
 * Compiles a project read by readWechatProject into the bundle of docs/wechat-format.md. Every
 * problem of every file is collected; any problem throws one WechatCompileError listing them all.
 */
export function compileProject(project: WechatProject, appId: string): CompiledApp {
  const { sources } = project;
  const issues = new IssueList();
  const hasTemplate = (path: string) => sources.has(`${path}.wxml`);
  const app = withAppDefaults(project.app);
  checkPages(project.app, sources, issues);
  if (!sources.has('app.js')) issues.add('app.js', 1, 1, 'missing: the mini program root needs app.js (it calls App())');

  const appConfig = resolveUsingComponents('app.json', 'app', app as Record<string, unknown>, sources.get('app.json') ?? '', hasTemplate, issues);
  const units = [...sources.keys()].filter((f) => f.endsWith('.wxml')).map(withoutExt).sort();
  const configs: Record<string, Record<string, unknown>> = {};
  const styleScopes: Record<string, string> = {};
  for (const unit of units) {
    const jsonFile = `${unit}.json`;
    const text = sources.get(jsonFile);
    const config = text === undefined ? {} : readJsonFile(jsonFile, text, ComponentJson, issues);
    if (config) configs[unit] = resolveUsingComponents(jsonFile, unit, config, text ?? '', hasTemplate, issues);
    styleScopes[unit] = styleScopeName(unit);
  }

  const tmplCode = compileTemplates(sources, issues);
  const appCss = compileStyles(
    [{ file: 'app.wxss', scope: undefined }, ...units.map((unit) => ({ file: `${unit}.wxss`, scope: styleScopes[unit] }))],
    sources,
    issues,
  );
  // app.json "workers": that folder's modules run in the worker thread, not in the logic layer
  const threads = splitThreads(project.app as Record<string, unknown>, sources, parseModules(sources, issues), issues);
  const modules = threads.logic;
  if (!issues.empty) throw new WechatCompileError(issues.issues, (file) => sources.get(file));

  const sourceHash = sourceHashOf(sources, appId);
  const { code, map } = linkLogicBundle({
    appId,
    app: appConfig,
    configs,
    pages: allPages(app),
    styleScopes,
    tmplCode,
    modules: [...modules.keys()].sort().map((file) => {
      const module = modules.get(file)!;
      return { file, source: sources.get(file) ?? '', code: module.code, ...(module.esm ? { mappings: module.esm.mappings } : {}) };
    }),
  });
  const trees = treesOf(modules);
  const fromCode = scanCapabilities(trees);
  const fromTemplates = scanTemplateCapabilities(tmplCode);
  const capabilities = { ...fromCode, openApi: OPEN_API_NAMES.filter((n) => fromCode.openApi.includes(n) || fromTemplates.includes(n)) };
  const workers = threads.root ? linkWorkerBundle(threads.root, threads.workers, sources) : undefined;
  return { sourceHash, logicJs: code, logicMap: map, ...(workers ? { workers: { js: workers.code, map: workers.map } } : {}), appCss, files: [...sources.keys()].sort(), capabilities, trees };
}
