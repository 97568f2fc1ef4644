import { expect, test, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './packages';

/**
 * The view-side overlays (page-level wx APIs) and pure-DOM components in real Chromium: the modules are
 * bundled by esbuild exactly as a view bundle would be, and served to a blank page from a routed origin
 * (nothing leaves the machine).
 */
const ORIGIN = 'http://wx-view.test';
let js = '';
let css = '';

test.beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'wx-view-'));
  try {
    await build({ entryPoints: [join(repoRoot, 'test', 'web', 'wx-view', 'harness.ts')], bundle: true, outfile: join(dir, 'view.js'), format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'warning' });
    await build({ entryPoints: [join(repoRoot, 'miniprogram', 'view', 'overlays', 'overlays.css')], bundle: true, outfile: join(dir, 'overlays.css'), logLevel: 'warning' });
    js = await readFile(join(dir, 'view.js'), 'utf8');
    css = await readFile(join(dir, 'overlays.css'), 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

const IMAGE = (fill: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="${fill}"/></svg>`;

async function openHarness(page: Page): Promise<void> {
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') {
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><head><link rel="stylesheet" href="/view.css"></head><body style="font-family:sans-serif">
<button id="before">page button</button><div id="anchor" style="margin:40px;width:200px;height:32px;background:#eee">picker here</div>
<div id="rich"></div><div id="icons"></div><script src="/view.js"></script></body></html>`,
      });
    }
    if (path === '/view.js') return route.fulfill({ contentType: 'text/javascript', body: js });
    if (path === '/view.css') return route.fulfill({ contentType: 'text/css', body: css });
    if (path.startsWith('/img/')) return route.fulfill({ contentType: 'image/svg+xml', body: IMAGE(path.includes('2') ? '#3a7' : '#37a') });
    return route.fulfill({ status: 404, body: 'not here' });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => 'wxView' in window);
}

type Outcome = { ok: boolean; result: Record<string, unknown> };

/** Starts an API call in the page and hands back a handle on its eventual outcome. */
async function start(page: Page, api: string, params: Record<string, unknown> = {}): Promise<() => Promise<Outcome>> {
  await page.evaluate(
    ([a, p]) => {
      const w = window as unknown as { pending: Promise<unknown>; wxView: { call(a: string, p: unknown): Promise<unknown> } };
      w.pending = w.wxView.call(a, p);
    },
    [api, params] as const,
  );
  return () => page.evaluate(() => (window as unknown as { pending: Promise<Outcome> }).pending);
}

test.beforeEach(async ({ page }) => openHarness(page));

test('showToast shows its title and icon, leaves after its duration, and checks its parameters', async ({ page }) => {
  const done = await start(page, 'showToast', { title: 'Saved', duration: 1500 });
  expect(await done()).toEqual({ ok: true, result: { errMsg: 'showToast:ok' } });
  const toast = page.getByRole('status');
  await expect(toast).toHaveText('Saved');
  await expect(toast.locator('svg[data-type="success_no_circle"]')).toBeVisible();
  await expect(toast).toHaveCount(0, { timeout: 6000 });
  expect(await (await start(page, 'showToast', {}))()).toEqual({ ok: false, result: { errMsg: 'showToast:fail parameter error: parameter.title should be String instead of Undefined;' } });
  // icon none: text only, up to two lines
  await (await start(page, 'showToast', { title: 'Just text', icon: 'none', duration: 0 }))();
  await expect(page.locator('.wx-toast.wx-toast-text')).toHaveText('Just text');
  expect(await (await start(page, 'hideToast'))()).toEqual({ ok: true, result: { errMsg: 'hideToast:ok' } });
  await expect(page.locator('.wx-toast')).toHaveCount(0);
});

test('a toast with mask takes the clicks meant for the page; without mask it does not', async ({ page }) => {
  await page.evaluate(() => document.querySelector('#before')!.addEventListener('click', () => ((window as unknown as { hits: number }).hits = 1)));
  await (await start(page, 'showToast', { title: 'Busy', mask: true, duration: 0 }))();
  await page.mouse.click(40, 15);
  expect(await page.evaluate(() => (window as unknown as { hits?: number }).hits)).toBeUndefined();
  await (await start(page, 'showToast', { title: 'Idle', mask: false, duration: 0 }))();
  await page.mouse.click(40, 15);
  expect(await page.evaluate(() => (window as unknown as { hits?: number }).hits)).toBe(1);
});

test('showLoading shares the toast box; hideToast ends it too unless noConflict, as in WeChat', async ({ page }) => {
  await (await start(page, 'showLoading', { title: 'Loading…' }))();
  const loading = page.getByRole('progressbar', { name: 'Loading…' });
  await expect(loading).toBeVisible();
  // noConflict: each hide closes only its own kind
  expect(await (await start(page, 'hideToast', { noConflict: true }))()).toEqual({ ok: true, result: { errMsg: 'hideToast:ok' } });
  await expect(loading).toBeVisible();
  expect(await (await start(page, 'hideLoading', { noConflict: true }))()).toEqual({ ok: true, result: { errMsg: 'hideLoading:ok' } });
  await expect(loading).toHaveCount(0);
  // the default: toast and loading calls are interchangeable
  await (await start(page, 'showLoading', { title: 'Loading…' }))();
  await expect(loading).toBeVisible();
  await (await start(page, 'hideToast'))();
  await expect(loading).toHaveCount(0);
  await (await start(page, 'showToast', { title: 'Saved', duration: 0 }))();
  await expect(page.getByRole('status')).toHaveText('Saved');
  await (await start(page, 'hideLoading'))();
  await expect(page.locator('.wx-toast')).toHaveCount(0);
  expect(await (await start(page, 'hideLoading', { noConflict: 'yes' }))()).toEqual({
    ok: false,
    result: { errMsg: 'hideLoading:fail parameter error: parameter.noConflict should be Boolean instead of String;' },
  });
  await (await start(page, 'showLoading', { title: 'Again' }))();
  await (await start(page, 'showToast', { title: 'Replaced', duration: 0 }))();
  await expect(page.locator('.wx-toast')).toHaveCount(1);
  await expect(page.locator('.wx-toast')).toHaveText('Replaced');
});

test('showModal by keyboard: focus starts on confirm, Tab stays inside, Enter confirms, Escape cancels, focus returns', async ({ page }) => {
  await page.locator('#before').focus();
  let done = await start(page, 'showModal', { title: 'Delete?', content: 'This cannot be undone', confirmText: '删除', confirmColor: '#fa5151' });
  const dialog = page.getByRole('dialog', { name: 'Delete?' });
  await expect(dialog).toContainText('This cannot be undone');
  const confirm = dialog.getByRole('button', { name: '删除' });
  await expect(confirm).toBeFocused();
  await expect(confirm).toHaveCSS('color', 'rgb(250, 81, 81)');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirm).toBeFocused();
  await page.screenshot({ path: 'test-results/web/overlays-modal.png' });
  await page.keyboard.press('Enter');
  expect(await done()).toEqual({ ok: true, result: { confirm: true, cancel: false, errMsg: 'showModal:ok' } });
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('#before')).toBeFocused();

  done = await start(page, 'showModal', { content: 'Escape me' });
  await page.keyboard.press('Escape');
  expect(await done()).toEqual({ ok: true, result: { confirm: false, cancel: true, errMsg: 'showModal:ok' } });

  // without a cancel button there is nothing to escape to: the dialog stays until confirmed
  done = await start(page, 'showModal', { content: 'Only OK', showCancel: false });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog').getByRole('button')).toHaveCount(1);
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  expect(await done()).toEqual({ ok: true, result: { confirm: true, cancel: false, errMsg: 'showModal:ok' } });
});

test('showModal: a button text wider than 4 Chinese characters fails the call and shows no dialog', async ({ page }) => {
  expect(await (await start(page, 'showModal', { title: 'Delete?', confirmText: 'Delete now' }))()).toEqual({
    ok: false,
    result: { errMsg: 'showModal:fail confirmText length should not larger than 4 Chinese characters' },
  });
  expect(await (await start(page, 'showModal', { title: 'Save?', cancelText: '仅本地保存' }))()).toEqual({
    ok: false,
    result: { errMsg: 'showModal:fail cancelText length should not larger than 4 Chinese characters' },
  });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const done = await start(page, 'showModal', { title: 'Keep?', confirmText: 'Keep', cancelText: '我再想想' });
  await page.getByRole('dialog', { name: 'Keep?' }).getByRole('button', { name: '我再想想' }).click();
  expect(await done()).toEqual({ ok: true, result: { confirm: false, cancel: true, errMsg: 'showModal:ok' } });
});

test('showModal editable: the text field gets focus, Enter submits what was typed', async ({ page }) => {
  const done = await start(page, 'showModal', { title: 'Rename', editable: true, placeholderText: 'New name' });
  const input = page.getByRole('dialog').getByPlaceholder('New name');
  await expect(input).toBeFocused();
  await page.keyboard.type('Bao');
  await page.keyboard.press('Enter');
  expect(await done()).toEqual({ ok: true, result: { confirm: true, cancel: false, content: 'Bao', errMsg: 'showModal:ok' } });
});

test('showActionSheet: arrows and Enter pick, Escape and a click beside it cancel, more than 6 items fail', async ({ page }) => {
  let done = await start(page, 'showActionSheet', { alertText: 'Share to', itemList: ['Friends', 'Moments', 'Copy link'], itemColor: '#2f7bf5' });
  const sheet = page.getByRole('dialog', { name: 'Share to' });
  await expect(sheet.getByRole('menuitem', { name: 'Friends' })).toBeFocused();
  await page.screenshot({ path: 'test-results/web/overlays-action-sheet.png' });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  expect(await done()).toEqual({ ok: true, result: { tapIndex: 2, errMsg: 'showActionSheet:ok' } });

  done = await start(page, 'showActionSheet', { itemList: ['A'] });
  await page.keyboard.press('Escape');
  expect(await done()).toEqual({ ok: false, result: { errMsg: 'showActionSheet:fail cancel' } });

  done = await start(page, 'showActionSheet', { itemList: ['A'] });
  await page.mouse.click(10, 10);
  expect(await done()).toEqual({ ok: false, result: { errMsg: 'showActionSheet:fail cancel' } });

  done = await start(page, 'showActionSheet', { itemList: ['A', 'B'] });
  await page.getByRole('button', { name: '取消' }).click();
  expect(await done()).toEqual({ ok: false, result: { errMsg: 'showActionSheet:fail cancel' } });

  expect(await (await start(page, 'showActionSheet', { itemList: ['1', '2', '3', '4', '5', '6', '7'] }))()).toEqual({
    ok: false,
    result: { errMsg: 'showActionSheet:fail parameter error: itemList should not be large than 6' },
  });
  expect(await (await start(page, 'showActionSheet', {}))()).toEqual({
    ok: false,
    result: { errMsg: 'showActionSheet:fail parameter error: parameter.itemList should be Array instead of Undefined;' },
  });
});

test('previewImage opens on `current`, arrow keys move through the images, Escape closes', async ({ page }) => {
  const done = await start(page, 'previewImage', { urls: ['/img/1.svg', '/img/2.svg', '/img/3.svg'], current: '/img/2.svg' });
  expect(await done()).toEqual({ ok: true, result: { errMsg: 'previewImage:ok' } });
  const viewer = page.getByRole('dialog', { name: 'Image preview' });
  await expect(viewer.locator('.wx-preview-counter')).toHaveText('2 / 3');
  await expect(viewer.locator('img')).toHaveAttribute('src', '/img/2.svg');
  // WeChat's default referrerPolicy: the image requests carry no Referer
  await expect(viewer.locator('img')).toHaveAttribute('referrerpolicy', 'no-referrer');
  await page.keyboard.press('ArrowRight');
  await expect(viewer.locator('.wx-preview-counter')).toHaveText('3 / 3');
  await page.keyboard.press('ArrowRight');
  await expect(viewer.locator('.wx-preview-counter')).toHaveText('1 / 3');
  await page.keyboard.press('ArrowLeft');
  await expect(viewer.locator('img')).toHaveAttribute('src', '/img/3.svg');
  await page.screenshot({ path: 'test-results/web/overlays-preview.png' });
  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
  expect(await (await start(page, 'previewImage', { urls: [] }))()).toEqual({ ok: false, result: { errMsg: 'previewImage:fail parameter error: parameter.urls should not be empty;' } });
  await (await start(page, 'previewImage', { urls: ['/img/1.svg'], referrerPolicy: 'origin' }))();
  await expect(page.getByRole('dialog', { name: 'Image preview' }).locator('img')).toHaveAttribute('referrerpolicy', 'origin');
});

test('a toast with an icon shows one line of at most 7 Chinese characters of its title; icon none shows two lines', async ({ page }) => {
  await (await start(page, 'showToast', { title: '这是一个很长很长的成功提示文字', duration: 0 }))();
  const title = page.locator('.wx-toast-title');
  const box = await title.evaluate((el) => ({ width: el.clientWidth, full: el.scrollWidth, height: el.clientHeight, em: parseFloat(getComputedStyle(el).fontSize) }));
  expect(box.width).toBeLessThanOrEqual(7 * box.em + 1);
  expect(box.full).toBeGreaterThan(box.width);
  // the whole title is still what a screen reader reads
  await expect(page.getByRole('status')).toHaveText('这是一个很长很长的成功提示文字');
  await page.screenshot({ path: 'test-results/web/overlays-toast-long.png' });
  await (await start(page, 'showToast', { title: '这是一个很长很长的提示文字，没有图标时最多可以显示两行，超过两行的部分不显示', icon: 'none', duration: 0 }))();
  const lines = await title.evaluate((el) => Math.round(el.clientHeight / parseFloat(getComputedStyle(el).lineHeight)));
  expect(lines).toBe(2);
});

async function openPicker(page: Page, attrs: Record<string, unknown>): Promise<() => Promise<unknown>> {
  await page.evaluate((a) => {
    const w = window as unknown as { picked: Promise<unknown>; wxView: { openPicker(a: unknown, anchor: string): Promise<unknown> } };
    w.picked = w.wxView.openPicker(a, '#anchor');
  }, attrs);
  return () => page.evaluate(() => (window as unknown as { picked: Promise<unknown> }).picked);
}

test('picker selector by keyboard only: opens under its anchor with the value selected, arrows move, Enter confirms', async ({ page }) => {
  const picked = await openPicker(page, { mode: 'selector', range: ['Green tea', 'Oolong', 'Pu-erh', 'Jasmine'], value: 1 });
  const list = page.getByRole('listbox', { name: 'picker selector 1' });
  await expect(list).toBeFocused();
  await expect(list.getByRole('option', { selected: true })).toHaveText('Oolong');
  const anchor = await page.locator('#anchor').boundingBox();
  const panel = await page.getByRole('dialog').boundingBox();
  expect(Math.round(panel!.y)).toBe(Math.round(anchor!.y + anchor!.height + 4));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { selected: true })).toHaveText('Jasmine');
  await page.screenshot({ path: 'test-results/web/overlays-picker.png' });
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  expect(await picked()).toEqual({ value: 2 });
});

test('picker: Escape and the cancel button give no value; a click on a row then on 确定 picks it', async ({ page }) => {
  let picked = await openPicker(page, { mode: 'selector', range: ['a', 'b', 'c'] });
  await page.keyboard.press('Escape');
  expect(await picked()).toBeUndefined();
  picked = await openPicker(page, { mode: 'selector', range: ['a', 'b', 'c'] });
  await page.getByRole('option', { name: 'c' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  expect(await picked()).toEqual({ value: 2 });
});

test('picker multiSelector: Left/Right move between columns, each column change is reported', async ({ page }) => {
  const picked = await openPicker(page, { mode: 'multiSelector', range: [['Tea', 'Coffee'], ['Hot', 'Iced', 'Warm']], value: [0, 0] });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('listbox', { name: 'picker multiSelector 2' })).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  expect(await picked()).toEqual({ value: [1, 2] });
  expect(await page.evaluate(() => (window as unknown as { wxView: { columnChanges: unknown[] } }).wxView.columnChanges)).toEqual([
    { column: 0, value: 1 },
    { column: 1, value: 2 },
  ]);
});

test('picker date and time by keyboard; region gives names, codes and postcode', async ({ page }) => {
  let picked = await openPicker(page, { mode: 'date', value: '2024-02-28', start: '2020-01-01', end: '2030-12-31' });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  expect(await picked()).toEqual({ value: '2024-02-29' });

  picked = await openPicker(page, { mode: 'time', value: '09:58' });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('Enter');
  expect(await picked()).toEqual({ value: '09:53' });

  picked = await openPicker(page, { mode: 'region', value: ['广东省', '广州市', '天河区'] });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.screenshot({ path: 'test-results/web/overlays-region.png' });
  await page.keyboard.press('Enter');
  expect(await picked()).toEqual({ value: ['广东省', '深圳市', '福田区'], code: ['440000', '440300', '440304'], postcode: '518000' });
});

test('rich-text refuses script, handlers, frames and javascript: URLs, and keeps the trusted markup', async ({ page }) => {
  const dropped = await page.evaluate(() =>
    (window as unknown as { wxView: { richText(n: unknown, t: string): string[] } }).wxView.richText(
      '<p class="lead" id="x" onclick="window.pwned=1">Hello <b>world</b><script>window.pwned=2</script></p>' +
        '<img src="javascript:window.pwned=3" onerror="window.pwned=4"><img src="/img/1.svg" width="30">' +
        '<iframe src="/"></iframe><style>body{display:none}</style><a href="javascript:window.pwned=5">link</a>' +
        '<div style="color: red; background-image: url(&quot;javascript:alert(1)&quot;)">styled</div><h11>gone <b>with children</b></h11>',
      '#rich',
    ),
  );
  const html = await page.locator('#rich').innerHTML();
  expect(html).toBe(
    '<p class="scope--lead">Hello <b>world</b></p><img><img src="/img/1.svg" width="30"><a>link</a><div style="color: red">styled</div>',
  );
  expect(dropped).toEqual(expect.arrayContaining(['p@id', 'p@onclick', 'script', 'img@src', 'img@onerror', 'iframe', 'style', 'a@href', 'div@style', 'h11']));
  await page.locator('#rich a').click();
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});

test('rich-text node arrays: text nodes decode entities but never become markup', async ({ page }) => {
  await page.evaluate(() =>
    (window as unknown as { wxView: { richText(n: unknown, t: string): string[] } }).wxView.richText(
      [
        { name: 'div', attrs: { class: 'box', style: 'font-weight: bold' }, children: [{ type: 'text', text: 'A&amp;B &lt;script&gt;x&lt;/script&gt;' }] },
        { name: 'SCRIPT', children: [{ type: 'text', text: 'window.pwned = 1' }] },
        { name: 'span', attrs: { onmouseover: 'x()' }, children: [{ type: 'text', text: '<b>not bold</b>' }] },
      ],
      '#rich',
    ),
  );
  expect(await page.locator('#rich').innerHTML()).toBe(
    '<div class="scope--box" style="font-weight: bold">A&amp;B &lt;script&gt;x&lt;/script&gt;</div><span>&lt;b&gt;not bold&lt;/b&gt;</span>',
  );
  await expect(page.locator('#rich div')).toHaveText('A&B <script>x</script>');
});

test('icon draws every WeChat type as SVG at its size and colour', async ({ page }) => {
  const types = ['success', 'success_no_circle', 'info', 'warn', 'waiting', 'cancel', 'download', 'search', 'clear'];
  for (const type of types) {
    const drawn = await page.evaluate((t) => (window as unknown as { wxView: { icon(t: string, s?: number): { shapes: number; width: number } } }).wxView.icon(t, 40), type);
    expect(drawn.shapes, type).toBeGreaterThan(0);
    expect(drawn.width, type).toBe(40);
  }
  const custom = await page.evaluate(() => (window as unknown as { wxView: { icon(t: string, s?: number | string, c?: string): { color: string; width: number } } }).wxView.icon('warn', undefined, 'rgb(1, 2, 3)'));
  expect(custom).toMatchObject({ width: 23, color: 'rgb(1, 2, 3)' });
  const unknown = await page.evaluate(() => (window as unknown as { wxView: { icon(t: string): { shapes: number } } }).wxView.icon('rocket'));
  expect(unknown.shapes).toBe(0);
  await page.locator('#icons').screenshot({ path: 'test-results/web/overlays-icons.png' });
});
