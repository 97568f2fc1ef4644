import type { Locator } from '@playwright/test';
import { expect, test, type ShellPage } from './fixtures';
import { installFixture, visiblePage } from './wechat-fixture-install';

/**
 * Length attributes written with units, as WeChat takes them since base library 2.4.0 ("100rpx", "30px"; a
 * number or numeric string is px), on scroll-view, progress and cover-view; scroll-into-view winning over
 * scroll-top set in the same update; scroll-view moving only along the axes it scrolls; cover-view keeping
 * its text on one line. The fixture is test/fixtures/wechat/lengths; every change comes from a setData.
 */

test.describe.configure({ timeout: 240_000 });

const APP_ID = 'wxlengths0000001';

test.beforeEach(async ({ host }) => installFixture(host, APP_ID, 'lengths'));

/** px per rpx in the app's view (750rpx = the page's width) */
const pxPerRpx = (page: Locator) => page.evaluate((el) => parseFloat(getComputedStyle(el.ownerDocument.documentElement).getPropertyValue('--wx-rpx')));

/** how far `actual` is from `wanted` (scroll offsets and rpx sizes may be fractional) */
const off = async (actual: () => Promise<number>, wanted: number) => Math.abs((await actual()) - wanted);

const scrollTop = (node: Locator) => () => node.evaluate((el) => el.scrollTop);
const scrollLeft = (node: Locator) => () => node.evaluate((el) => el.scrollLeft);

async function launch(shell: ShellPage): Promise<{ page: Locator; rpx: number }> {
  const app = await shell.launch(APP_ID);
  const page = visiblePage(app);
  // the first page of a fresh launch has been seen to take long under load
  await expect(page.locator('#cover-rpx')).toBeAttached({ timeout: 30_000 });
  const rpx = await pxPerRpx(page);
  expect(rpx).toBeGreaterThan(0);
  expect(rpx).not.toBe(1); // so that "100rpx" and 100px are different scroll offsets
  return { page, rpx };
}

test('scroll-view: scroll-top in rpx / px / number / numeric string; scroll-into-view wins over scroll-top in one update; thresholds with units', async ({ shell }) => {
  const { page, rpx } = await launch(shell);
  const sv = page.locator('#sv');

  await page.locator('#top-rpx').click();
  await expect.poll(() => off(scrollTop(sv), 100 * rpx)).toBeLessThanOrEqual(1);
  await page.locator('#top-px').click();
  await expect.poll(scrollTop(sv)).toBe(30);
  await page.locator('#top-number').click();
  await expect.poll(scrollTop(sv)).toBe(75);
  await page.locator('#top-string').click();
  await expect.poll(scrollTop(sv)).toBe(55);

  // setData({ into: 'row-10', top: 5 }): row 10 (rows of 40px) is at the top, not offset 5
  await page.locator('#into-and-top').click();
  await expect.poll(scrollTop(sv)).toBe(400);
  const atTop = await sv.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return el.ownerDocument.elementFromPoint(box.left + 20, box.top + 2)?.closest('.item')?.id ?? '';
  });
  expect(atTop).toBe('row-10');
  // and it stays there (nothing applies scroll-top afterwards)
  await shell.page.waitForTimeout(300);
  expect(await scrollTop(sv)()).toBe(400);

  // lower-threshold="120px": 100px from the end is inside it (the 50px default would not be)
  await page.locator('#clear').click();
  await expect(page.locator('#events')).toHaveText('none');
  const end = await sv.evaluate((el) => el.scrollHeight - el.clientHeight);
  await sv.evaluate((el, to) => el.scrollTo({ top: to }), end - 100);
  await expect(page.locator('#events')).toHaveText('scrolltolower:bottom');
  // upper-threshold="300rpx": 20px inside it, still past the 50px default
  const inUpper = Math.floor(300 * rpx) - 20;
  expect(inUpper).toBeGreaterThan(50);
  await sv.evaluate((el, to) => el.scrollTo({ top: to }), inUpper);
  await expect(page.locator('#events')).toHaveText('scrolltolower:bottom scrolltoupper:top');
});

test('scroll-view with scroll-x only: scroll-top does nothing, scroll-left takes rpx, scroll-into-view moves it sideways only', async ({ shell }) => {
  const { page, rpx } = await launch(shell);
  const sh = page.locator('#sh');
  // its content is taller than it too, but it does not scroll vertically
  expect(await sh.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);

  // setData({ hTop: 80, hLeft: '100rpx' })
  await page.locator('#h-offsets').click();
  await expect.poll(() => off(scrollLeft(sh), 100 * rpx)).toBeLessThanOrEqual(1);
  expect(await scrollTop(sh)()).toBe(0);

  // the target is 1200px across and 250px down: it comes to the left edge, the view does not move down
  await page.locator('#h-into').click();
  await expect.poll(scrollLeft(sh)).toBe(1200);
  expect(await scrollTop(sh)()).toBe(0);
  const gap = await sh.evaluate((el) => {
    const target = el.querySelector('#h-target')!.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return { left: target.left - box.left, top: target.top - box.top };
  });
  expect(gap).toEqual({ left: 0, top: 250 });
});

/** the progress bar's stroke, corner radius and the percentage's font size, in px, as drawn */
const progressLooks = (progress: Locator) =>
  progress.evaluate((el) => {
    const bar = el.querySelector('.wx-progress-bar')!;
    const info = el.querySelector('.wx-progress-info')!;
    return {
      height: bar.getBoundingClientRect().height,
      radius: parseFloat(getComputedStyle(bar).borderTopLeftRadius),
      font: parseFloat(getComputedStyle(info).fontSize),
    };
  });

test('progress stroke-width / border-radius / font-size and cover-view scroll-top take px and rpx; cover-view keeps text on one line', async ({ shell }) => {
  const { page, rpx } = await launch(shell);
  const pg = page.locator('#pg');
  expect(await progressLooks(pg)).toEqual({ height: 6, radius: 0, font: 16 });
  // stroke-width="12px" written in the template
  expect((await progressLooks(page.locator('#pg-static'))).height).toBe(12);

  // setData({ stroke: '30rpx', radius: '10px', font: '40rpx' })
  await page.locator('#pg-units').click();
  await expect.poll(async () => (await progressLooks(pg)).radius).toBe(10);
  const units = await progressLooks(pg);
  expect(Math.abs(units.height - 30 * rpx)).toBeLessThanOrEqual(0.5);
  expect(Math.abs(units.font - 40 * rpx)).toBeLessThanOrEqual(0.5);
  // numbers and numeric strings are px: setData({ stroke: '9', radius: 3, font: 20 })
  await page.locator('#pg-numbers').click();
  await expect.poll(() => progressLooks(pg)).toEqual({ height: 9, radius: 3, font: 20 });

  // cover-view scroll-top="60rpx"
  const cv = page.locator('#cv');
  await page.locator('#cover-rpx').click();
  await expect.poll(() => off(scrollTop(cv), 60 * rpx)).toBeLessThanOrEqual(1);

  // a long sentence in a 100px cover-view: one line (line-height 1.2 of 16px), cut at its right edge
  const long = await page.locator('#cv-long').evaluate((el) => ({
    height: el.getBoundingClientRect().height,
    cut: el.scrollWidth > el.clientWidth,
  }));
  expect(Math.abs(long.height - 16 * 1.2)).toBeLessThanOrEqual(1);
  expect(long.cut).toBe(true);
});

test('rpx in an inline style (static and bound) follows the view width, as in WXSS', async ({ shell }) => {
  const { page, rpx } = await launch(shell);
  const box = page.locator('#inline-rpx');
  const size = () => box.evaluate((el) => ({ width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height }));
  await expect.poll(async () => Math.abs((await size()).width - 300 * rpx)).toBeLessThanOrEqual(1);
  expect(Math.abs((await size()).height - 40 * rpx)).toBeLessThanOrEqual(1);
  await page.locator('#inline-narrow').click();
  await expect.poll(async () => Math.abs((await size()).width - 150 * rpx)).toBeLessThanOrEqual(1);
});
