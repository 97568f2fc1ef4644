import { SourceMap } from 'node:module';
import { describe, expect, test } from 'vitest';
import { compileErrorOf, compileFiles } from '../core/wechat/support/projects';
import { settle } from './support/harness';
import { runProject } from './support/run-project';

const page = (expression: string) =>
  `import { show } from '../../utils/show';\nPage({ data: { out: '' }, onLoad() { this.setData({ out: show(${expression}) }); } });\n`;

describe('ES-module syntax in package JS becomes CommonJS (DevTools "ES6 to ES5")', () => {
  const utils = {
    'utils/show.js': 'export const show = (v) => JSON.stringify(v);\n',
    'utils/math.js': 'export default function twice(n) { return n * 2; }\nexport const PI = 3;\nexport let counter = 0;\nexport function bump() { counter += 1; }\n',
    'utils/legacy.js': 'module.exports = function legacy() { return "cjs"; };\nmodule.exports.extra = 7;\n',
    // a CommonJS module's default is re-exported through an import (Sucrase's `export { default } from` reads
    // `.default` of a CommonJS module's exports without Babel's interop; docs/wechat-format.md says so)
    'utils/all.js': "import legacy from './legacy';\nexport * from './math';\nexport { default as twice, PI as pi } from './math';\nexport { legacy };\n",
  };

  test('default, named and namespace imports; live bindings', async () => {
    const { view } = await runProject({
      ...utils,
      'pages/index/index.wxml': '<view id="out">{{out}}</view>\n',
      'pages/index/index.js':
        "import twice, { PI, counter, bump } from '../../utils/math';\nimport * as math from '../../utils/math.js';\n" +
        page('[twice(PI), math.default(1), math.PI, Object.keys(math).sort(), (bump(), counter)]'),
    });
    await settle();
    expect(view.html()).toContain('<view id="out">[6,2,3,["PI","bump","counter","default"],1]</view>');
  });

  test('re-exports: export * and export { default as x } from', async () => {
    const { view } = await runProject({
      ...utils,
      'pages/index/index.wxml': '<view id="out">{{out}}</view>\n',
      'pages/index/index.js': "import { twice, pi, PI, legacy } from '/utils/all';\n" + page('[twice(2), pi, PI, legacy()]'),
    });
    await settle();
    expect(view.html()).toContain('<view id="out">[4,3,3,"cjs"]</view>');
  });

  test('interop both ways: an ES module imports a CommonJS module as its default, CommonJS requires an ES module', async () => {
    const { view } = await runProject({
      ...utils,
      'utils/cjs-user.js': "const math = require('./math');\nmodule.exports = [math.default(5), math.PI, math.__esModule];\n",
      'pages/index/index.wxml': '<view id="out">{{out}}</view>\n',
      'pages/index/index.js':
        "import legacy, { extra } from '../../utils/legacy';\nimport used from '../../utils/cjs-user';\n" + page('[legacy(), legacy.extra, extra, used]'),
    });
    await settle();
    expect(view.html()).toContain('<view id="out">["cjs",7,7,[10,3,true]]</view>');
  });

  test('an import leaving the package, or naming nothing, is refused at compile with its own position', async () => {
    const message = await compileErrorOf({
      'pages/index/index.js': "import a from '../../../outside';\nexport { b } from './nope';\nPage({});\n",
    });
    expect(message).toContain('pages/index/index.js:1:1: import "../../../outside" leaves the package');
    expect(message).toContain('pages/index/index.js:2:1: module "./nope" is not defined (no such file in the package)');
  });

  test('a file that is neither a script nor a module keeps the script syntax error', async () => {
    const message = await compileErrorOf({ 'pages/index/index.js': 'Page({ a: 1 b: 2 });\n' });
    expect(message).toContain('pages/index/index.js:1:13: JS syntax error: Unexpected token');
  });

  test("the source map points a transformed module's code at its own file:line:col", async () => {
    const source = "import { show } from '../../utils/show';\nexport const answer = 42;\nPage({ onLoad() { show(answer); } });\n";
    const { compiled } = await compileFiles({ ...utils, 'pages/index/index.js': source });
    const map = new SourceMap(JSON.parse(compiled.logicMap));
    const lines = compiled.logicJs.split('\n');
    const start = compiled.logicJs.indexOf('"pages/index/index.js":function(');
    const firstLine = compiled.logicJs.slice(0, start).split('\n').length; // 1-based line of the wrapper
    // module line 2 "export const answer = 42;" runs as " const answer = 42; exports.answer = answer;"
    const generated = lines[firstLine + 1]!;
    expect(generated.startsWith(' const answer = 42;')).toBe(true);
    expect(map.findEntry(firstLine + 1, generated.indexOf('answer'))).toMatchObject({ originalSource: 'pages/index/index.js', originalLine: 1, originalColumn: 13 });
    expect(JSON.parse(compiled.logicMap).sourcesContent[JSON.parse(compiled.logicMap).sources.indexOf('pages/index/index.js')]).toBe(source);
  });
});

describe("errors name the package's own file:line:col", () => {
  test("an error on a module's first line does not count the wrapper", async () => {
    const { view, tap } = await runProject({
      'pages/index/index.wxml': '<view id="b" bindtap="boom">x</view>\n',
      'pages/index/index.js': 'Page({ boom() { null.explode(); } });\n',
    });
    await settle();
    tap('b');
    expect(view.errors.map((e) => e.where)).toEqual(['pages/index/index.js:1:22']);
  });

  test('an error in a module made from import/export is at its own column, after the removed `export`', async () => {
    const { view, tap } = await runProject({
      'utils/boom.js': 'export function explode() { return null.value; }\n',
      'pages/index/index.wxml': '<view id="b" bindtap="boom">x</view>\n',
      'pages/index/index.js': "import { explode } from '../../utils/boom';\nPage({ boom() { explode(); } });\n",
    });
    await settle();
    tap('b');
    // "export function explode() { return null.value; }": `.value` is read at column 41
    expect(view.errors.map((e) => e.where)).toEqual(['utils/boom.js:1:41']);
  });
});

describe('subpackages load on first navigation into them', () => {
  test("a subpackage page's module has not run at launch, runs when it is opened, after the main package's", async () => {
    const { view, wx } = await runProject({
      'app.json': JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'shop/', pages: ['pages/item/item'] }] }),
      'app.js': "App({ globalData: { ran: ['app'] } });\n",
      'pages/index/index.wxml': '<view id="ran">{{ran}}</view>\n',
      'pages/index/index.js': "getApp().globalData.ran.push('index');\nPage({ data: { ran: '' }, onShow() { this.setData({ ran: getApp().globalData.ran.join(',') }); } });\n",
      'shop/pages/item/item.json': JSON.stringify({ usingComponents: { tag: '../../components/tag/tag' } }),
      'shop/pages/item/item.wxml': '<view id="item-ran">{{ran}}</view><tag />\n',
      'shop/pages/item/item.js': "getApp().globalData.ran.push('shop item');\nPage({ data: { ran: '' }, onLoad() { this.setData({ ran: getApp().globalData.ran.join(',') }); } });\n",
      'shop/components/tag/tag.json': JSON.stringify({ component: true }),
      'shop/components/tag/tag.wxml': '<text>tag</text>\n',
      'shop/components/tag/tag.js': "getApp().globalData.ran.push('shop tag');\nComponent({});\n",
    });
    await settle();
    expect(view.html()).toContain('<view id="ran">app,index</view>');
    await wx.navigateTo({ url: '/shop/pages/item/item' });
    await settle();
    expect(view.html()).toContain('<view id="item-ran">app,index,shop tag,shop item</view>');
    await wx.navigateBack({});
    await wx.navigateTo({ url: '/shop/pages/item/item' });
    await settle();
    // its module ran once: the second visit finds it defined
    expect(view.html()).toContain('<view id="item-ran">app,index,shop tag,shop item</view>');
  });
});
