import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { installFixture, visiblePage } from './wechat-fixture-install';

/**
 * wx.createAnimation in real Chromium: the page exports a two-step animation (translateX(100) + opacity 0.5 in
 * 200 ms, then rotate(90) after an 800 ms delay) to a view's `animation` attribute and a one-step one to an
 * image's; what the user sees is read from the elements' computed styles.
 */

test.describe.configure({ timeout: 240_000 });

const APP_ID = 'wxanimation00001';

test.beforeEach(async ({ host }) => installFixture(host, APP_ID, 'animation'));

/** the computed transform as matrix numbers rounded to 3 places ('none' is the identity), and the opacity */
function seen(element: Locator): Promise<{ matrix: number[]; opacity: string }> {
  return element.evaluate((el) => {
    const style = getComputedStyle(el);
    const m = /^matrix\((.*)\)$/.exec(style.transform);
    const matrix = m ? m[1]!.split(',').map((v) => Math.round(Number(v) * 1000) / 1000 + 0) : [1, 0, 0, 1, 0, 0];
    return { matrix, opacity: style.opacity };
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const AFTER_STEP_1 = { matrix: [1, 0, 0, 1, 100, 0], opacity: '0.5' };
const AFTER_STEP_2 = { matrix: [0, 1, -1, 0, 100, 0], opacity: '0.5' }; // translateX(100px) rotate(90deg)
const AT_REST = { matrix: [1, 0, 0, 1, 0, 0], opacity: '1' };

test('steps play one after another on a view; the element keeps the last state; an image plays its own', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const view = visiblePage(app);
  const box = view.locator('#box');
  await expect(box).toBeVisible({ timeout: 30_000 });
  expect(await seen(box)).toEqual(AT_REST);

  await view.locator('#play').click();
  // during the second step's delay the first step is done and the second not begun
  await expect.poll(() => seen(box), { intervals: [25], timeout: 5_000 }).toEqual(AFTER_STEP_1);
  await expect.poll(() => seen(box), { timeout: 5_000 }).toEqual(AFTER_STEP_2);
  await pause(500);
  expect(await seen(box)).toEqual(AFTER_STEP_2);

  const pic = view.locator('#pic');
  await expect.poll(() => pic.evaluate((el) => [getComputedStyle(el).opacity, getComputedStyle(el).width])).toEqual(['0.25', '100px']);
  // the data never becomes a DOM attribute
  await expect(box).not.toHaveAttribute('animation');
  await expect(pic).not.toHaveAttribute('animation');
});

test('a new animation value replaces a running one: reset before the second step cancels it', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const view = visiblePage(app);
  const box = view.locator('#box');
  await expect(box).toBeVisible({ timeout: 30_000 });

  await view.locator('#play').click();
  await view.locator('#reset').click();
  await expect.poll(() => seen(box), { timeout: 5_000 }).toEqual(AT_REST);
  // past the time the second step (rotate) would have started and ended
  await pause(1_500);
  expect(await seen(box)).toEqual(AT_REST);
});
