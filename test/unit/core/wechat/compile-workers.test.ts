import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { writeBuild } from '../../../../core/wechat';
import { MODULE_PARAMS } from '../../../../core/wechat/logic-bundle';
import { wechatAssetFile } from '../../../../core/wechat/serve-paths';
import { tempDir } from '../../../support/packages';
import { compileErrorOf, compileFiles } from './support/projects';
import { loadBundle } from './support/render-bundle';

/** What workers.js assigns to globalThis.__wxWorkerBundle, as the tests read it. */
interface LoadedWorkerBundle {
  v: number;
  root: string;
  modules: Record<string, (...args: unknown[]) => void>;
  lines: Record<string, number>;
}

function loadWorkerBundle(code: string): LoadedWorkerBundle {
  const global = globalThis as { __wxWorkerBundle?: LoadedWorkerBundle };
  runInThisContext(code, { filename: 'workers.js' });
  const bundle = global.__wxWorkerBundle!;
  delete global.__wxWorkerBundle;
  return bundle;
}

/** runs a worker bundle's module the way the worker thread's loader does, with a plain CommonJS require */
function runWorkerModule(bundle: LoadedWorkerBundle, file: string): unknown {
  const cache = new Map<string, { exports: unknown }>();
  const run = (path: string): unknown => {
    const known = cache.get(path);
    if (known) return known.exports;
    const module = { exports: {} as unknown };
    cache.set(path, module);
    const dir = path.slice(0, path.lastIndexOf('/'));
    const require = (request: string) => run(`${dir}/${request.replace(/^\.\//, '')}${request.endsWith('.js') ? '' : '.js'}`);
    bundle.modules[path]!(require, module, module.exports);
    return module.exports;
  };
  return run(file);
}

const WORKERS_APP = JSON.stringify({ pages: ['pages/index/index'], workers: 'workers' });

describe('app.json "workers": the folder becomes a bundle of its own (workers.js)', () => {
  it('wraps every .js of the folder as a ModuleFactory, keeps them out of logic.js, and a worker file requires its neighbour', async () => {
    const { compiled } = await compileFiles({
      'app.json': WORKERS_APP,
      'workers/fib/index.js': 'const { fib } = require("./math");\nmodule.exports = fib(30);\n',
      'workers/fib/math.js': 'exports.fib = (n) => { let a = 0, b = 1; for (let i = 0; i < n; i++) [a, b] = [b, a + b]; return a; };\n',
    });
    expect(compiled.workers).toBeDefined();
    const bundle = loadWorkerBundle(compiled.workers!.js);
    expect(bundle.v).toBe(1);
    expect(bundle.root).toBe('workers');
    expect(Object.keys(bundle.modules).sort()).toEqual(['workers/fib/index.js', 'workers/fib/math.js']);
    expect(compiled.workers!.js).toContain(`"workers/fib/math.js":function(${MODULE_PARAMS.join(',')}){\n`);
    expect(runWorkerModule(bundle, 'workers/fib/index.js')).toBe(832040);
    expect(compiled.workers!.js.trimEnd().endsWith('//# sourceMappingURL=workers.js.map')).toBe(true);
    expect(JSON.parse(compiled.workers!.map).sources).toEqual(['workers/fib/index.js', 'workers/fib/math.js']);
    expect(Object.keys(loadBundle(compiled.logicJs).modules).sort()).toEqual(['app.js', 'pages/index/index.js']);
  });

  it('keeps each worker module\'s lines, as logic.js does, so an error names the worker file\'s own line', async () => {
    const { compiled } = await compileFiles({ 'app.json': WORKERS_APP, 'workers/index.js': 'const a = 1;\nthrow new Error("line two");\n' });
    const bundle = loadWorkerBundle(compiled.workers!.js);
    const lines = compiled.workers!.js.split('\n');
    expect(lines[bundle.lines['workers/index.js']! + 1 - 1]).toBe('throw new Error("line two");');
  });

  it('takes the object form { path, isSubpackage } as the same folder', async () => {
    const { compiled } = await compileFiles({
      'app.json': JSON.stringify({ pages: ['pages/index/index'], workers: { path: 'workers/', isSubpackage: true } }),
      'workers/index.js': 'worker.onMessage(() => {});\n',
    });
    expect(Object.keys(loadWorkerBundle(compiled.workers!.js).modules)).toEqual(['workers/index.js']);
  });

  it('builds no worker bundle for an app.json without "workers"', async () => {
    const { compiled } = await compileFiles({ 'workers/index.js': 'module.exports = 1;\n' });
    expect(compiled.workers).toBeUndefined();
    expect(Object.keys(loadBundle(compiled.logicJs).modules)).toContain('workers/index.js');
  });
});

describe('the workers folder is closed: its code reaches only its own files', () => {
  it('a worker file requiring a file outside the folder is a compile error at file:line:col', async () => {
    const message = await compileErrorOf({
      'app.json': WORKERS_APP,
      'utils/shared.js': 'module.exports = 1;\n',
      'workers/index.js': '// uses a helper of the logic layer\nconst shared = require("../utils/shared");\n',
    });
    expect(message).toContain('workers/index.js:2:16: require "../utils/shared" leaves the workers folder "workers"');
  });

  it('an ES module import from outside the folder is refused the same way', async () => {
    const message = await compileErrorOf({
      'app.json': WORKERS_APP,
      'utils/shared.js': 'export const x = 1;\n',
      'workers/index.js': 'import { x } from "/utils/shared";\nconsole.log(x);\n',
    });
    expect(message).toContain('workers/index.js:1:1: import "/utils/shared" leaves the workers folder "workers"');
  });

  it('the logic layer does not see the worker files', async () => {
    const message = await compileErrorOf({
      'app.json': WORKERS_APP,
      'workers/index.js': 'module.exports = 1;\n',
      'pages/index/index.js': 'const w = require("../../workers/index");\nPage({});\n',
    });
    expect(message).toContain('pages/index/index.js:1:11: module "../../workers/index" is not defined');
  });

  it('a "workers" value outside the package, or a folder without .js files, is an error at app.json', async () => {
    expect(await compileErrorOf({ 'app.json': JSON.stringify({ pages: ['pages/index/index'], workers: '../elsewhere' }) })).toContain('workers: "../elsewhere" is outside the package');
    expect(await compileErrorOf({ 'app.json': JSON.stringify({ pages: ['pages/index/index'], workers: 'workers' }) })).toContain('workers: the folder "workers" has no .js file in the package');
    expect(await compileErrorOf({ 'app.json': JSON.stringify({ pages: ['pages/index/index'], workers: 7 }) })).toContain('workers: must be a folder of the package');
  });
});

describe('wx.createWorker("<literal>") names a file of the workers folder', () => {
  it('a script outside the workers folder is a compile error with a clear sentence', async () => {
    const message = await compileErrorOf({
      'app.json': WORKERS_APP,
      'workers/index.js': 'worker.onMessage(() => {});\n',
      'utils/helper.js': 'module.exports = 1;\n',
      'pages/index/index.js': 'Page({\n  onLoad() { this.w = wx.createWorker("utils/helper.js"); },\n});\n',
    });
    expect(message).toContain('pages/index/index.js:2:23: wx.createWorker("utils/helper.js"): the script must be inside the workers folder "workers" (app.json "workers")');
  });

  it('a missing file of the folder is named too; an existing one compiles', async () => {
    const files = { 'app.json': WORKERS_APP, 'workers/index.js': 'worker.onMessage(() => {});\n' };
    expect(await compileErrorOf({ ...files, 'app.js': 'wx.createWorker("workers/nope.js");\nApp({});\n' })).toContain('app.js:1:1: wx.createWorker("workers/nope.js"): no such file in the workers folder "workers"');
    await expect(compileFiles({ ...files, 'app.js': 'wx.createWorker("workers/index.js");\nApp({});\n' })).resolves.toBeDefined();
  });
});

describe('workers.js in the build and on the app\'s origin', () => {
  it('is written beside logic.js (with its map) only for an app with "workers", and both hosts serve it and the runtime\'s worker.js', async () => {
    const clock = { now: () => 0 };
    const withWorkers = await compileFiles({ 'app.json': WORKERS_APP, 'workers/index.js': 'worker.onMessage(() => {});\n' });
    const dir = await writeBuild(await tempDir('wechat-build-'), withWorkers.compiled, clock);
    expect(readFileSync(join(dir, 'workers.js'), 'utf8')).toBe(withWorkers.compiled.workers!.js);
    expect(existsSync(join(dir, 'workers.js.map'))).toBe(true);
    const without = await compileFiles({});
    expect(existsSync(join(await writeBuild(await tempDir('wechat-build-'), without.compiled, clock), 'workers.js'))).toBe(false);

    const dirs = { runtimeDir: '/rt', buildDir: '/build' };
    expect(wechatAssetFile('/__wx/app/workers.js', dirs)).toEqual({ kind: 'file', file: join('/build', 'workers.js') });
    expect(wechatAssetFile('/__wx/app/workers.js.map', dirs)).toEqual({ kind: 'file', file: join('/build', 'workers.js.map') });
    expect(wechatAssetFile('/__wx/runtime/worker.js', dirs)).toEqual({ kind: 'file', file: join('/rt', 'worker.js') });
  });
});
