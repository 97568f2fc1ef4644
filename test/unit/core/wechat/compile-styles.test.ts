import { describe, expect, it } from 'vitest';
import { styleScopeName } from '../../../../core/wechat';
import { rpxToCalc } from '../../../../core/wechat/wxss-compiler';
import { compileFiles } from './support/projects';

const page = styleScopeName('pages/index/index');
const card = styleScopeName('components/card/card');

describe('WXSS compiles through PostCSS into one app.css', () => {
  it('puts app.wxss first and global, then each page and component scoped by its style scope', async () => {
    const { compiled } = await compileFiles({
      'app.wxss': '.title { color: red; }\n',
      'pages/index/index.wxss': '.title { color: blue; }\n.a.b > .c, view.d { margin: 0; }\n',
      'pages/index/index.json': '{ "usingComponents": { "card": "/components/card/card" } }',
      'components/card/card.wxml': '<view class="title"><slot/></view>',
      'components/card/card.js': 'Component({});',
      'components/card/card.json': '{ "component": true }',
      'components/card/card.wxss': '.title { color: green; }',
    });
    expect(compiled.appCss).toBe(
      [
        '/* app.wxss */',
        '.title { color: red; }',
        '',
        '/* components/card/card.wxss */',
        `.${card}--title { color: green; }`,
        '',
        '/* pages/index/index.wxss */',
        `.${page}--title { color: blue; }`,
        `.${page}--a.${page}--b > .${page}--c, wx-view.${page}--d { margin: 0; }`,
        '',
      ].join('\n'),
    );
  });

  it('turns rpx into calc(N * var(--wx-rpx)) in every value, inside functions too, and leaves other units alone', async () => {
    expect(rpxToCalc('20rpx 10px -8rpx 0.5rpx')).toBe('calc(20 * var(--wx-rpx)) 10px calc(-8 * var(--wx-rpx)) calc(0.5 * var(--wx-rpx))');
    expect(rpxToCalc('translateX(calc(100% - 20RPX))')).toBe('translateX(calc(100% - calc(20 * var(--wx-rpx))))');
    expect(rpxToCalc('url(a-20rpx.png) 1px')).toBe('url(a-20rpx.png) 1px');
    const { compiled } = await compileFiles({ 'app.wxss': '.x { width: 750rpx; border: 1rpx solid #000; }' });
    expect(compiled.appCss).toContain('.x { width: calc(750 * var(--wx-rpx)); border: calc(1 * var(--wx-rpx)) solid #000; }');
  });

  it('makes `page` the page root element wx-page, keeps #id, and leaves @keyframes steps alone', async () => {
    const { compiled } = await compileFiles({
      'pages/index/index.wxss': 'page { background: #eee; }\npage .a, #root > .b { color: red; }\n@keyframes fade { from { opacity: 0 } to { opacity: 1 } }',
    });
    expect(compiled.appCss).toContain('wx-page { background: #eee; }');
    expect(compiled.appCss).toContain(`wx-page .${page}--a, #root > .${page}--b { color: red; }`);
    expect(compiled.appCss).toContain('@keyframes fade { from { opacity: 0 } to { opacity: 1 } }');
  });

  it('writes type selectors as the view names the elements: wx-<tag>, hyphenated component tags kept', async () => {
    const { compiled } = await compileFiles({ 'app.wxss': 'view text, button > image, my-card, * { margin: 0; }\n' });
    expect(compiled.appCss).toContain('wx-view wx-text, wx-button > wx-image, my-card, * { margin: 0; }');
  });

  it('turns :host into the host attribute the view writes', async () => {
    const { compiled } = await compileFiles({
      'components/c/c.wxml': '<view/>',
      'components/c/c.js': 'Component({});',
      'components/c/c.json': '{ "component": true }',
      'components/c/c.wxss': ':host { display: block; }\n:host > .inner { width: 100%; }',
    });
    const scope = styleScopeName('components/c/c');
    expect(compiled.appCss).toContain(`[wx-host="${scope}"] { display: block; }`);
    expect(compiled.appCss).toContain(`[wx-host="${scope}"] > .${scope}--inner { width: 100%; }`);
  });

  it('inlines @import (relative, absolute, url(), nested) with the importing file\'s scope', async () => {
    const { compiled } = await compileFiles({
      'styles/a.wxss': '@import url("b.wxss");\n.a { color: red; }',
      'styles/b.wxss': '.b { padding: 2rpx; }',
      'app.wxss': '@import "/styles/b.wxss";',
      'pages/index/index.wxss': '@import "../../styles/a.wxss";\n.own { margin: 0; }',
    });
    expect(compiled.appCss).toContain('/* app.wxss */\n.b { padding: calc(2 * var(--wx-rpx)); }');
    expect(compiled.appCss).toContain(`.${page}--b { padding: calc(2 * var(--wx-rpx)); }\n.${page}--a { color: red; }\n.${page}--own { margin: 0; }`);
    // a stylesheet that is only imported is not a unit of its own
    expect(compiled.appCss).not.toContain('/* styles/a.wxss */');
  });

  it('refuses an @import cycle and an @import leaving the package', async () => {
    const error = await compileFiles({
      'pages/index/index.wxss': '@import "a.wxss";',
      'pages/index/a.wxss': '@import "index.wxss";\n@import "../../../x.wxss";',
    }).catch((e: Error) => e.message);
    expect(error).toContain('pages/index/a.wxss:1:1: @import "index.wxss" imports itself (pages/index/index.wxss -> pages/index/a.wxss -> pages/index/index.wxss)');
    expect(error).toContain('pages/index/a.wxss:2:1: @import "../../../x.wxss" leaves the package');
  });
});
