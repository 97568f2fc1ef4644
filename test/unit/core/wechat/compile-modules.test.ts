import { SourceMap } from 'node:module';
import { describe, expect, it } from 'vitest';
import { resolveRequire } from '../../../../core/wechat';
import { MODULE_PARAMS } from '../../../../core/wechat/logic-bundle';
import { compileFiles } from './support/projects';
import { loadBundle } from './support/render-bundle';

describe('JS modules are wrapped as ModuleFactory functions in logic.js', () => {
  it('wraps every .js module with the contract parameters, passing window/document/globalThis as given', async () => {
    const { compiled } = await compileFiles({
      'pages/index/index.js': 'module.exports = { kinds: [typeof window, typeof document, typeof globalThis, typeof wx], answer: require("../../utils/answer") };',
      'utils/answer.js': 'exports.value = 42;',
    });
    const bundle = loadBundle(compiled.logicJs);
    expect(Object.keys(bundle.modules).sort()).toEqual(['app.js', 'pages/index/index.js', 'utils/answer.js']);
    expect(compiled.logicJs).toContain(`"utils/answer.js":function(${MODULE_PARAMS.join(',')}){\nexports.value = 42;\n},`);
    const answer = { exports: {} as Record<string, unknown> };
    bundle.modules['utils/answer.js']!(undefined, answer, answer.exports);
    const page = { exports: {} as { kinds?: string[]; answer?: unknown } };
    const require = (path: string) => (path === '../../utils/answer' ? answer.exports : undefined);
    bundle.modules['pages/index/index.js']!(require, page, page.exports, {}, ...new Array(7).fill(undefined), undefined, undefined, undefined);
    expect(page.exports).toEqual({ kinds: ['undefined', 'undefined', 'undefined', 'object'], answer: { value: 42 } });
  });

  it('keeps each module\'s lines: line N of the file is line lines[file] + N - 1 of logic.js, and the source map agrees', async () => {
    const source = 'const a = 1;\nconst b = 2;\nthrow new Error("line three");\n';
    const { compiled } = await compileFiles({ 'pages/index/index.js': source });
    const bundle = loadBundle(compiled.logicJs);
    const start = bundle.lines['pages/index/index.js']!;
    const logicLines = compiled.logicJs.split('\n');
    expect(logicLines[start + 2 - 1]).toBe('throw new Error("line three");');
    const map = new SourceMap(JSON.parse(compiled.logicMap));
    expect(map.findEntry(start + 2 - 1, 0)).toMatchObject({ originalSource: 'pages/index/index.js', originalLine: 2, originalColumn: 0 });
    expect(JSON.parse(compiled.logicMap).sourcesContent).toContain(source);
    expect(compiled.logicJs.trimEnd().endsWith('//# sourceMappingURL=logic.js.map')).toBe(true);
  });

  it('keeps a module\'s "use strict" as its own directive and its variables to itself', async () => {
    const { compiled } = await compileFiles({ 'app.js': '"use strict";\nvar leaked = 1;\nmodule.exports = (function () { return this; })();' });
    const bundle = loadBundle(compiled.logicJs);
    const mod = { exports: {} as unknown };
    bundle.modules['app.js']!(undefined, mod, mod.exports);
    expect(mod.exports).toBeUndefined();
    expect((globalThis as Record<string, unknown>).leaked).toBeUndefined();
  });
});

describe('require resolution inside the package', () => {
  const files = new Set(['utils/a.js', 'utils/index.js', 'lib/x/index.js', 'miniprogram_npm/dayjs/index.js', 'miniprogram_npm/dayjs/plugin/utc.js', 'pages/p/miniprogram_npm/local/index.js']);
  const exists = (p: string) => files.has(p);
  it.each([
    ['pages/p/p.js', '../../utils/a', 'utils/a.js'],
    ['pages/p/p.js', '../../utils/a.js', 'utils/a.js'],
    ['pages/p/p.js', '/utils/a', 'utils/a.js'],
    ['pages/p/p.js', '../../utils', 'utils/index.js'],
    ['app.js', 'utils/a', 'utils/a.js'],
    ['app.js', './lib/x', 'lib/x/index.js'],
    ['pages/p/p.js', 'dayjs', 'miniprogram_npm/dayjs/index.js'],
    ['pages/p/p.js', 'dayjs/plugin/utc', 'miniprogram_npm/dayjs/plugin/utc.js'],
    ['pages/p/p.js', 'local', 'pages/p/miniprogram_npm/local/index.js'],
  ])('from %s, require(%s) is %s', (from, request, path) => {
    expect(resolveRequire(from, request, exists)).toEqual({ ok: true, path });
  });
  it('refuses paths above the root and reports missing modules', () => {
    expect(resolveRequire('pages/p/p.js', '../../../etc/passwd', exists)).toEqual({ ok: false, reason: 'outside' });
    expect(resolveRequire('app.js', '/../x', exists)).toEqual({ ok: false, reason: 'outside' });
    expect(resolveRequire('app.js', './nope', exists)).toEqual({ ok: false, reason: 'missing' });
    expect(resolveRequire('app.js', 'left-pad', exists)).toEqual({ ok: false, reason: 'missing' });
  });
});
