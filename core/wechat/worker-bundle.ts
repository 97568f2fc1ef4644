import { simple } from 'acorn-walk';
import type { IssueList } from './compile-issues';
import { checkRequires, type JsModule } from './js-modules';
import { positionOfJsonPath } from './json-file';
import { linkModuleScript, type LogicBundleModule } from './logic-bundle';
import { isInWorkers, outsideWorkersReason, workerScriptPath, workersRoot } from './workers-config';

/** The workers' bundle beside logic.js in the build (served as /__wx/app/workers.js). */
export const WORKER_BUNDLE_FILE = 'workers.js';
const WORKERS_NAME = 'the workers folder';

/** The package's .js modules split by thread: the logic layer's, and the workers' (app.json "workers"). */
export interface ThreadModules {
  /** the workers folder, when app.json names one */
  root: string | undefined;
  logic: Map<string, JsModule>;
  workers: Map<string, JsModule>;
}

/**
 * Splits the modules between the logic layer and the workers folder, and checks each side's requires: worker
 * code reaches only its own folder, and the logic layer does not see the worker files (WeChat packs them
 * into a file of their own). A bad `workers` value, or a folder without any .js file, is an issue at app.json.
 */
export function splitThreads(app: Record<string, unknown>, sources: ReadonlyMap<string, string>, modules: ReadonlyMap<string, JsModule>, issues: IssueList): ThreadModules {
  const logic = new Map(modules);
  const workers = new Map<string, JsModule>();
  if (app['workers'] === undefined) {
    checkRequires(logic, sources, issues);
    return { root: undefined, logic, workers };
  }
  const appText = sources.get('app.json') ?? '';
  const found = workersRoot(app['workers']);
  if (!found.ok) {
    const { line, col } = positionOfJsonPath(appText, ['workers']);
    issues.add('app.json', line, col, `workers: ${found.reason}`);
    checkRequires(logic, sources, issues);
    return { root: undefined, logic, workers };
  }
  const { root } = found;
  for (const [file, module] of modules) {
    if (!isInWorkers(file, root)) continue;
    workers.set(file, module);
    logic.delete(file);
  }
  if (workers.size === 0) {
    const { line, col } = positionOfJsonPath(appText, ['workers']);
    issues.add('app.json', line, col, `workers: the folder "${root}" has no .js file in the package`);
  }
  const logicSources = new Map([...sources].filter(([file]) => !workers.has(file)));
  checkRequires(logic, logicSources, issues);
  checkRequires(workers, sources, issues, { folder: root, name: WORKERS_NAME });
  checkCreateWorkerCalls(logic, root, (path) => workers.has(path), issues);
  return { root, logic, workers };
}

/**
 * `wx.createWorker("<literal>")` in the logic layer's code must name a .js file of the workers folder; the
 * runtime checks the rest (paths built at run time) with the same rules and throws.
 */
function checkCreateWorkerCalls(modules: ReadonlyMap<string, JsModule>, root: string, isWorkerFile: (path: string) => boolean, issues: IssueList): void {
  for (const [file, module] of modules) {
    simple(module.esm?.tree ?? module.tree, {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.object.type !== 'Identifier' || callee.object.name !== 'wx') return;
        if (callee.property.type !== 'Identifier' || callee.property.name !== 'createWorker') return;
        const arg = node.arguments[0];
        if (arg?.type !== 'Literal' || typeof arg.value !== 'string') return;
        const at = node.loc?.start ?? { line: 1, column: 0 };
        const problem = createWorkerProblem(arg.value, root, isWorkerFile);
        if (problem) issues.add(file, at.line, at.column + 1, `wx.createWorker("${arg.value}"): ${problem}`);
      },
    });
  }
}

/** Why a scriptPath names no worker entry, or undefined when it does (the runtime refuses with the same words). */
function createWorkerProblem(scriptPath: string, root: string, isWorkerFile: (path: string) => boolean): string | undefined {
  const path = workerScriptPath(scriptPath);
  if (path === undefined || !isInWorkers(path, root)) return outsideWorkersReason(root);
  if (!isWorkerFile(path) && !isWorkerFile(`${path}.js`)) return `no such file in the workers folder "${root}"`;
  return undefined;
}

/**
 * Links workers.js: one classic script assigning `globalThis.__wxWorkerBundle` with the folder and its modules,
 * wrapped and located exactly as logic.js's are (core/wechat/logic-bundle.ts), so an error names file:line:col.
 */
export function linkWorkerBundle(root: string, modules: ReadonlyMap<string, JsModule>, sources: ReadonlyMap<string, string>): { code: string; map: string } {
  const list: LogicBundleModule[] = [...modules.keys()].sort().map((file) => {
    const module = modules.get(file)!;
    return { file, source: sources.get(file) ?? '', code: module.code, ...(module.esm ? { mappings: module.esm.mappings } : {}) };
  });
  return linkModuleScript(`globalThis.__wxWorkerBundle=Object.assign(${JSON.stringify({ v: 1, root })},{\n`, list, WORKER_BUNDLE_FILE);
}
