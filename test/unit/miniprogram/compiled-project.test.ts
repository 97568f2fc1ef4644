import { describe, expect, test } from 'vitest';
import { settle } from './support/harness';
import { runProject } from './support/run-project';

/** The compiler's real output (core/wechat) run by the runtime: the contract of docs/wechat-format.md holds. */
describe('a compiled DevTools project in the runtime', () => {
  test('renders pages and components, scoped classes match the compiled WXSS, and taps update the DOM', async () => {
    const { view, tap, css } = await runProject({
      'app.json': JSON.stringify({ pages: ['pages/index/index'], window: { navigationBarTitleText: 'Compiled' } }),
      'pages/index/index.json': JSON.stringify({ usingComponents: { badge: '../../components/badge/badge' } }),
      'pages/index/index.wxml': '<view class="title" id="t" bindtap="bump">count {{n}}</view><badge label="{{n}}" />\n',
      'pages/index/index.wxss': '.title { color: red; }\n',
      'pages/index/index.js': "const fmt = require('../../utils/fmt');\nPage({ data: { n: 1 }, bump() { this.setData({ n: fmt.inc(this.data.n) }); } });\n",
      'utils/fmt.js': 'module.exports = { inc: (n) => n + 1 };\n',
      'components/badge/badge.json': JSON.stringify({ component: true }),
      'components/badge/badge.wxml': '<text class="title">#{{label}}</text>\n',
      'components/badge/badge.wxss': '.title { color: blue; }\n',
      'components/badge/badge.js': 'Component({ properties: { label: Number } });\n',
    });
    await settle();
    const pageClass = /class="title ([\w-]+--title)"/.exec(view.html())![1]!;
    const badgeClass = /<text class="([\w-]+--title)"/.exec(view.html())![1]!;
    expect(css).toContain(`.${pageClass} {`);
    expect(css).toContain(`.${badgeClass} {`);
    expect(pageClass).not.toBe(badgeClass);
    tap('t');
    await settle();
    expect(view.html()).toContain('count 2');
    expect(view.html()).toContain('#2');
  });

  test("an exception in page code is reported at the package's own file and line", async () => {
    const { view, tap } = await runProject({
      'pages/index/index.wxml': '<view id="b" bindtap="boom">x</view>\n',
      'pages/index/index.js': 'Page({\n  boom() {\n    null.explode();\n  },\n});\n',
    });
    await settle();
    tap('b');
    expect(view.errors).toHaveLength(1);
    expect(view.errors[0]!.message).toMatch(/Cannot read properties of null/);
    expect(view.errors[0]!.where).toBe('pages/index/index.js:3:10');
  });
});
