import { describe, expect, it } from 'vitest';
import { WechatCompileError } from '../../../../core/wechat';
import { compileErrorOf, compileFiles } from './support/projects';

/** The `file:line:col: message` lines of a compile error, without the snippets. */
async function headlines(files: Record<string, string>): Promise<string[]> {
  return (await compileErrorOf(files)).split('\n').filter((line) => /^\S+:\d+:\d+: /.test(line));
}

describe('a broken package reports every problem as file:line:col with a snippet', () => {
  it('an unclosed tag (only a warning to glass-easel) is an error, with a caret under the tag', async () => {
    const message = await compileErrorOf({ 'pages/index/index.wxml': '<view>\n  <text>hi\n</view>\n' });
    expect(message).toBe(
      [
        'The mini program does not compile (1 problem):',
        'pages/index/index.wxml:2:4: missing end tag for <text>',
        '2 |   <text>hi',
        '  |    ^',
      ].join('\n'),
    );
  });

  it('a bad expression, at the compiler position converted to 1-based', async () => {
    expect(await headlines({ 'pages/index/index.wxml': '<view>\n  <text>{{ a + }}</text>\n</view>\n' })).toEqual([
      'pages/index/index.wxml:2:16: unexpected character inside expression',
    ]);
    expect(await headlines({ 'pages/index/index.wxml': '<view>\n  <text>{{a.}}</text></view>' })).toEqual(['pages/index/index.wxml:2:13: not a valid identifier']);
  });

  it('a missing <import>/<include> target and a missing <wxs src>', async () => {
    expect(
      await headlines({ 'pages/index/index.wxml': '<view/>\n<import src="../../tpl/none.wxml"/>\n<include src="/tpl/gone"/>\n<wxs module="m" src="./m.wxs"/>\n' }),
    ).toEqual([
      'pages/index/index.wxml:2:14: missing import target: tpl/none.wxml is not in the package',
      'pages/index/index.wxml:3:15: missing import target: tpl/gone.wxml is not in the package',
      'pages/index/index.wxml:4:22: missing wxs module: pages/index/m.wxs is not in the package',
    ]);
  });

  it('a page listed in app.json without its files, in the main package or a subpackage', async () => {
    const appJson = '{\n  "pages": [\n    "pages/index/index",\n    "pages/gone/gone"\n  ],\n  "subpackages": [{ "root": "shop", "pages": ["cart/cart"] }]\n}\n';
    expect(await headlines({ 'app.json': appJson, 'shop/cart/cart.wxml': '<view/>' })).toEqual([
      'app.json:4:5: page "pages/gone/gone" has no pages/gone/gone.wxml or pages/gone/gone.js in the package',
      'app.json:6:47: page "shop/cart/cart" has no shop/cart/cart.js in the package',
    ]);
  });

  it('bad JSON syntax, and every bad field of a valid JSON file', async () => {
    expect(await headlines({ 'pages/index/index.json': '{\n  "navigationBarTitleText": "x",\n}\n' })).toEqual([
      'pages/index/index.json:3:1: invalid JSON: Expected double-quoted property name in JSON at position 35 (line 3 column 1)',
    ]);
    const appJson = '{\n  "pages": ["pages/index/index"],\n  "window": { "navigationBarTextStyle": "blue" },\n  "tabBar": { "color": "red", "selectedColor": "#000", "backgroundColor": "#fff", "list": [] }\n}\n';
    expect(await headlines({ 'app.json': appJson })).toEqual([
      'app.json:3:41: window.navigationBarTextStyle: Invalid option: expected one of "black"|"white"',
      'app.json:4:24: tabBar.color: must be a hex colour such as "#ffffff"',
      'app.json:4:91: tabBar.list: a tabBar needs 2 to 5 items',
    ]);
    expect(await headlines({ 'project.config.json': '{ "appid": "1wx", "projectname": "p" }' })).toEqual([
      'project.config.json:1:12: appid: appId must be 3-64 letters, digits, "_" or "-", starting with a letter',
    ]);
  });

  it('CSS syntax errors and a missing @import target', async () => {
    expect(await headlines({ 'pages/index/index.wxss': '.a { color: red; }\n.b { color: blue;\n', 'app.wxss': '.x {}\n@import "missing.wxss";\n' })).toEqual([
      'app.wxss:2:1: missing import target: missing.wxss is not in the package',
      'pages/index/index.wxss:2:1: CSS syntax error: Unclosed block',
    ]);
    expect(await headlines({ 'app.wxss': '.a { color: red; }}\n' })).toEqual(['app.wxss:1:19: CSS syntax error: Unexpected }']);
  });

  it('a require that leaves the package or names no module', async () => {
    expect(await headlines({ 'pages/index/index.js': 'const a = require("../../../outside.js");\nconst b = require(`./nope`);\nPage({});\n' })).toEqual([
      'pages/index/index.js:1:11: require("../../../outside.js") leaves the package',
      'pages/index/index.js:2:11: module "./nope" is not defined (no such file in the package)',
    ]);
  });

  it('JS syntax errors in a module and in a .wxs file', async () => {
    expect(
      await headlines({
        'pages/index/index.js': 'Page({\n  data: { a: 1 },,\n});\n',
        'pages/index/index.wxml': '<wxs module="m" src="./m.wxs"/><view/>',
        'pages/index/m.wxs': 'var a = ;\n',
      }),
    ).toEqual(['pages/index/index.js:2:18: JS syntax error: Unexpected token', 'pages/index/m.wxs:1:9: JS syntax error: Unexpected token']);
  });

  it('collects problems of every kind in one error instead of stopping at the first', async () => {
    const error = await compileFiles({
      'pages/index/index.wxml': '<view>{{ 1 + }}</view>',
      'pages/index/index.wxss': '.a {',
      'pages/index/index.js': 'require("../../../x")',
      'app.js': 'App({',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WechatCompileError);
    expect((error as WechatCompileError).issues.map((i) => i.file)).toEqual(['app.js', 'pages/index/index.js', 'pages/index/index.wxml', 'pages/index/index.wxss']);
    expect((error as WechatCompileError).hint).toMatch(/nothing was installed/);
  });

  it('a usingComponents entry that names no component', async () => {
    expect(await headlines({ 'pages/index/index.json': '{\n  "usingComponents": { "card": "../../components/none" }\n}' })).toEqual([
      'pages/index/index.json:2:32: usingComponents.card: "../../components/none" is not a component of the package (no .wxml there)',
    ]);
  });
});
