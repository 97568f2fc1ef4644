import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { installFixture, visiblePage } from './wechat-fixture-install';

/**
 * this.animate / this.clearAnimation and wx.loadFontFace in real Chromium (fixture test/fixtures/wechat/keyframes):
 * what the user sees is read from computed styles and text widths, what the mini program sees from the log the
 * page writes (#log, one line per callback, in the order they ran).
 */

test.describe.configure({ timeout: 240_000 });

const APP_ID = 'wxkeyframes00001';
/** the page's animation (pages/index/index.js) */
const DURATION = 1500;

test.beforeEach(async ({ host }) => installFixture(host, APP_ID, 'keyframes'));

/** the computed transform as matrix numbers rounded to 3 places ('none' is the identity), opacity and background */
function seen(element: Locator): Promise<{ matrix: number[]; opacity: string; background: string }> {
  return element.evaluate((el) => {
    const style = getComputedStyle(el);
    const m = /^matrix\((.*)\)$/.exec(style.transform);
    const matrix = m ? m[1]!.split(',').map((v) => Math.round(Number(v) * 1000) / 1000 + 0) : [1, 0, 0, 1, 0, 0];
    return { matrix, opacity: style.opacity, background: style.backgroundColor };
  });
}

const logLines = async (view: Locator) => (await view.locator('#log').innerText()).split('\n').filter(Boolean);

// translateX(100px) rotate(90deg): the last keyframe
const BOX_END = { matrix: [0, 1, -1, 0, 100, 0], opacity: '0.4', background: 'rgb(80, 200, 120)' };
const BOX_AT_REST = { matrix: [1, 0, 0, 1, 0, 0], opacity: '1', background: 'rgb(74, 144, 217)' };

async function open(shell: { launch(appId: string): Promise<import('@playwright/test').FrameLocator> }) {
  const view = visiblePage(await shell.launch(APP_ID));
  await expect(view.locator('#log')).toHaveText('canIUse:true', { timeout: 30_000 });
  return view;
}

test('this.animate on a page element ends on the last keyframe, then transitionend and the callback run once', async ({ shell }) => {
  const view = await open(shell);
  const box = view.locator('#box');
  expect(await seen(box)).toEqual(BOX_AT_REST);

  await view.locator('#play').click();
  // under way: neither at rest nor at the end, and no callback yet
  await expect.poll(async () => (await seen(box)).opacity, { intervals: [20] }).not.toBe('1');
  expect(await seen(box)).not.toEqual(BOX_END);
  expect(await logLines(view)).toEqual(['canIUse:true']);

  await expect.poll(() => logLines(view), { timeout: 5_000 }).toHaveLength(3);
  const lines = await logLines(view);
  expect(lines.slice(0, 2)).toEqual(['canIUse:true', 'box:transitionend']);
  expect(lines[2]).toMatch(/^box:done \d+$/);
  // the callback came when the animation had run its course
  expect(Number(lines[2]!.split(' ')[1])).toBeGreaterThanOrEqual(DURATION - 50);
  expect(await seen(box)).toEqual(BOX_END);

  // held (fill forwards), and the callback never runs again
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(await seen(box)).toEqual(BOX_END);
  expect(await logLines(view)).toHaveLength(3);
});

test('clearAnimation({opacity: true}) gives opacity back and keeps the rest; clearAnimation without options clears all', async ({ shell }) => {
  const view = await open(shell);
  const box = view.locator('#box');
  await view.locator('#play').click();
  await expect.poll(() => logLines(view), { timeout: 5_000 }).toHaveLength(3);

  await view.locator('#clear-opacity').click();
  await expect.poll(() => logLines(view)).toContain('box:cleared opacity');
  expect(await seen(box)).toEqual({ ...BOX_END, opacity: '1' });

  await view.locator('#clear-all').click();
  await expect.poll(() => logLines(view)).toContain('box:cleared all');
  expect(await seen(box)).toEqual(BOX_AT_REST);
  expect((await logLines(view)).slice(-2)).toEqual(['box:cleared opacity', 'box:cleared all']);
});

test('this.animate in a component animates the component\'s own .dot, not the page\'s', async ({ shell }) => {
  const view = await open(shell);
  const inner = view.locator('#spot-dot');
  const outer = view.locator('#page-dot');
  await view.locator('#pulse').click();
  await expect.poll(() => logLines(view), { timeout: 5_000 }).toEqual(['canIUse:true', 'spot:done']);
  expect((await seen(inner)).matrix).toEqual([2, 0, 0, 2, 0, 0]);
  expect((await seen(outer)).matrix).toEqual([1, 0, 0, 1, 0, 0]);
});

test('wx.loadFontFace loads a package font that widens the text; a missing file fails with status "error"', async ({ shell }) => {
  const view = await open(shell);
  const sample = view.locator('#sample');
  const width = () => sample.evaluate((el) => el.getBoundingClientRect().width);
  // check() alone says true for a family no face is declared for: ask for a loaded BoxFont face too
  const fontReady = () => sample.evaluate((el) => [...el.ownerDocument.fonts].some((f) => f.family === 'BoxFont' && f.status === 'loaded') && el.ownerDocument.fonts.check('24px BoxFont'));
  const before = await width();
  expect(await fontReady()).toBe(false);

  await view.locator('#load-font').click();
  await expect.poll(() => logLines(view)).toContain('font:loaded loadFontFace:ok');
  expect(await fontReady()).toBe(true);
  // four letters of 1.8em boxes: far wider than any fallback font sets "Wide"
  await expect.poll(width).toBeGreaterThan(before * 1.8);

  await view.locator('#load-missing').click();
  await expect.poll(() => logLines(view)).toContain('missing:error loadFontFace:fail A network error occurred.');

  await view.locator('#play').click();
  await view.locator('#pulse').click();
  await expect.poll(() => logLines(view), { timeout: 5_000 }).toContain('spot:done');
  await expect.poll(() => logLines(view), { timeout: 5_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/^box:done/)]));
  await view.screenshot({ path: test.info().outputPath('keyframes-page.png') });
});
