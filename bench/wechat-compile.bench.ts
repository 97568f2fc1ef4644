import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { IssueList } from '../core/wechat/compile-issues';
import { prepareWechatApp } from '../core/wechat/wechat-package';
import { compileTemplates } from '../core/wechat/wxml-compiler';

/**
 * Compile time per KB of WXML, on a generated WeChat project: PAGES pages of every common construct
 * (wx:for with keys, wx:if chains, templates, events, wxs), each with its WXSS, JS and JSON, plus one
 * custom component. Two rows: the whole install compile (read, JSON, WXML, WXSS, JS, link) and the
 * template compiler alone, both divided by the WXML size. Fixed repetitions after a warm-up.
 */

const PAGES = 40;
const REPEAT = 5;

function pageWxml(i: number): string {
  const rows = Array.from({ length: 8 }, (_, r) => [
    `  <view class="row row-${r}" wx:for="{{list${r}}}" wx:for-item="item" wx:for-index="idx" wx:key="id" bindtap="onTap" data-row="{{idx}}" mark:page="${i}">`,
    `    <text wx:if="{{item.kind === 'a'}}" class="a">{{item.name}} ({{idx}})</text>`,
    `    <text wx:elif="{{item.kind === 'b'}}" class="b">{{item.name + ' ' + item.price}}</text>`,
    `    <text wx:else class="c" hidden="{{!item.shown}}">{{fmt.money(item.price)}}</text>`,
    `    <template is="cell" data="{{...item, idx}}" />`,
    `  </view>`,
  ].join('\n'));
  return [
    '<import src="/templates/cell.wxml" />',
    '<wxs module="fmt" src="/utils/fmt.wxs" />',
    `<view class="page page-${i}">`,
    `  <card title="Page ${i}"><view class="slotted">slot {{title}}</view></card>`,
    ...rows,
    '</view>',
  ].join('\n');
}

async function writeProject(dir: string): Promise<number> {
  const files: Record<string, string> = {
    'project.config.json': JSON.stringify({ appid: 'wxbenchcompile', projectname: 'bench' }),
    'app.json': JSON.stringify({ pages: Array.from({ length: PAGES }, (_, i) => `pages/p${i}/p${i}`), usingComponents: { card: '/components/card/card' } }),
    'app.js': 'App({ onLaunch() { wx.login(); } });',
    'app.wxss': 'page { background: #fff; } .row { padding: 10rpx; }',
    'templates/cell.wxml': '<template name="cell"><view class="cell" data-id="{{id}}">{{idx}}: {{name}}</view></template>',
    'utils/fmt.wxs': 'module.exports = { money: function (n) { return "¥" + (n / 100).toFixed(2); } };',
    'components/card/card.json': '{ "component": true }',
    'components/card/card.wxml': '<view class="card"><view class="title">{{title}}</view><slot/></view>',
    'components/card/card.wxss': ':host { display: block; } .card { border: 1rpx solid #ddd; }',
    'components/card/card.js': 'Component({ properties: { title: String } });',
  };
  for (let i = 0; i < PAGES; i++) {
    files[`pages/p${i}/p${i}.wxml`] = pageWxml(i);
    files[`pages/p${i}/p${i}.wxss`] = `.page-${i} .row { margin: ${i}rpx; } .a { color: red; } .b { color: blue; }`;
    files[`pages/p${i}/p${i}.js`] = `Page({ data: { title: 'p${i}' }, onTap(e) { wx.requestPayment({}); return e; } });`;
    files[`pages/p${i}/p${i}.json`] = `{ "navigationBarTitleText": "Page ${i}" }`;
  }
  let wxmlBytes = 0;
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
    if (path.endsWith('.wxml')) wxmlBytes += Buffer.byteLength(text);
  }
  return wxmlBytes;
}

export async function run(): Promise<Array<{ name: string; value: number; unit: string }>> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-wechat-'));
  try {
    const wxmlBytes = await writeProject(dir);
    const kb = wxmlBytes / 1024;
    const prepared = await prepareWechatApp(dir); // warm-up (wasm instantiation, JIT)
    const templates = new Map<string, string>();
    for (const file of prepared.compiled.files.filter((f) => f.endsWith('.wxml') || f.endsWith('.wxs'))) templates.set(file, await readFile(join(dir, file), 'utf8'));

    let started = performance.now();
    for (let i = 0; i < REPEAT; i++) await prepareWechatApp(dir);
    const whole = (performance.now() - started) / REPEAT;

    started = performance.now();
    for (let i = 0; i < REPEAT; i++) compileTemplates(templates, new IssueList());
    const wxmlOnly = (performance.now() - started) / REPEAT;

    return [
      { name: `WXML in the generated app (${PAGES} pages)`, value: kb, unit: 'KB' },
      { name: 'whole compile (read, JSON, WXML, WXSS, JS, link)', value: whole, unit: 'ms' },
      { name: 'whole compile per KB of WXML', value: whole / kb, unit: 'ms/KB' },
      { name: 'template compiler (TmplGroup) per KB of WXML', value: wxmlOnly / kb, unit: 'ms/KB' },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
