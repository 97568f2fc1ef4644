import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { installGallery, lastLog, logAfter, open } from './wechat-gallery-helpers';

/**
 * The gallery's second list (text, scroll-view refresher, swiper layouts, movable-view, cover-view), used with
 * mouse, wheel and keyboard; exact event `detail`s are read from each page's #log.
 */

// two cores shared with the rest of the team: a launch alone has taken over a minute under load
test.describe.configure({ timeout: 240_000 });

test.beforeEach(async ({ host }) => installGallery(host));

const ENSP = '\u2002';
const EMSP = '\u2003';
const NBSP = '\u00a0';

/** the text the user sees in a node (the DOM's, so the space characters are exact) */
const shown = (node: Locator) => node.evaluate((el) => el.textContent);

test('text: space turns each space into ensp/emsp/nbsp, decode shows the seven entities, both follow setData', async ({ shell }) => {
  const { page } = await open(shell, 'text', '#entities');
  expect(await shown(page.locator('#sp-ensp'))).toBe(`ensp:${ENSP}one${ENSP}${ENSP}two`);
  expect(await shown(page.locator('#sp-emsp'))).toBe(`emsp:${EMSP}one${EMSP}${EMSP}two`);
  expect(await shown(page.locator('#sp-nbsp'))).toBe(`nbsp:${NBSP}one${NBSP}${NBSP}two`);
  expect(await shown(page.locator('#sp-none'))).toBe('none: one  two');
  // the two spaces still take two widths on screen: wider than one
  const widths = await page.locator('#sp-emsp').evaluate((el) => el.getBoundingClientRect().width);
  expect(widths).toBeGreaterThan(0);

  await expect(page.locator('#decoded')).toHaveText('x < y && y > z');
  await expect(page.locator('#raw')).toHaveText('x &lt; y &amp;&amp; y &gt; z');
  // only WeChat's seven entities are decoded (&quot; is not one of them)
  expect(await shown(page.locator('#entities'))).toBe(`${NBSP}|${ENSP}|${EMSP}|'|&quot;|${ENSP}|`);
  await page.locator('#cycle-space').click();
  await expect(page.locator('#cycle-space')).toHaveText('space: emsp');
  expect(await shown(page.locator('#entities'))).toBe(`${NBSP}|${ENSP}|${EMSP}|'|&quot;|${EMSP}|`);
  await page.locator('#toggle-decode').click();
  await expect(page.locator('#toggle-decode')).toHaveText('decode: false');
  expect(await shown(page.locator('#entities'))).toBe(`&nbsp;|&ensp;|&emsp;|&apos;|&quot;|${EMSP}|`);
  // new text from setData is decoded as well
  await page.locator('#change-text').click();
  await expect(page.locator('#decoded')).toHaveText('a & b');
  await expect(page.locator('#raw')).toHaveText('a &amp; b');
  // a nested <text> applies its own settings
  expect(await shown(page.locator('#nested'))).toBe(`outer & in${EMSP}ner tail`);
});

test('text: user-select lets the mouse select it; plain text cannot be selected', async ({ shell }) => {
  const { page } = await open(shell, 'text', '#entities');
  const selection = () => page.locator('#sel').evaluate((el) => el.ownerDocument.getSelection()?.toString() ?? '');
  await page.locator('#nosel').dblclick();
  expect(await selection()).toBe('');
  await page.locator('#sel').dblclick();
  await expect.poll(selection).toBe('this');
  // WeChat: user-select also shows the text as an inline-block
  expect(await page.locator('#sel').evaluate((el) => getComputedStyle(el).display)).toBe('inline-block');
  expect(await page.locator('#nosel').evaluate((el) => getComputedStyle(el).display)).toBe('inline');
  await shell.page.screenshot({ path: 'test-results/web/gallery-text.png' });
});

/** the refresher strip's height in px (0 when folded) */
const refresherHeight = (view: Locator) => view.locator('.wx-refresher').evaluate((el) => el.getBoundingClientRect().height);

test('scroll-view refresher: a mouse drag at the top pulls it (pulling {dy}), short of the threshold aborts, past it refreshes until the page sets triggered false', async ({ shell }) => {
  const { page } = await open(shell, 'refresher');
  const rv = page.locator('#rv');
  const box = (await rv.boundingBox())!;
  const mouse = shell.page.mouse;
  await mouse.move(box.x + 100, box.y + 20);
  await mouse.down();
  await mouse.move(box.x + 100, box.y + 50, { steps: 5 });
  await expect.poll(() => lastLog(page)).toEqual({ name: 'rv:refresherpulling', type: 'refresherpulling', detail: { dy: 30 } });
  expect(await refresherHeight(rv)).toBe(30);
  let log = await logAfter(page, () => mouse.up());
  expect(log).toEqual({ name: 'rv:refresherabort', type: 'refresherabort', detail: {} });
  await expect(page.locator('#events')).toHaveText('pulling abort');
  expect(await refresherHeight(rv)).toBe(0);

  await page.locator('#clear').click();
  await mouse.move(box.x + 100, box.y + 20);
  await mouse.down();
  await mouse.move(box.x + 100, box.y + 100, { steps: 8 });
  await expect.poll(() => lastLog(page)).toEqual({ name: 'rv:refresherpulling', type: 'refresherpulling', detail: { dy: 80 } });
  log = await logAfter(page, () => mouse.up());
  expect(log).toEqual({ name: 'rv:refresherrefresh', type: 'refresherrefresh', detail: {} });
  // it holds open at refresher-threshold while the page refreshes
  await expect.poll(() => refresherHeight(rv)).toBe(60);
  await expect(rv.locator('.wx-refresher')).toHaveClass(/wx-refreshing/);
  await shell.page.screenshot({ path: 'test-results/web/gallery-refresher.png' });
  // the page's data still says false; setting it to false again folds it back
  log = await logAfter(page, () => page.locator('#done').click());
  expect(log).toEqual({ name: 'rv:refresherrestore', type: 'refresherrestore', detail: {} });
  await expect(page.locator('#events')).toHaveText('pulling refresh restore');
  expect(await refresherHeight(rv)).toBe(0);
});

test('scroll-view refresher: the wheel turned up at the top pulls it; a pause decides; not at the top it just scrolls', async ({ shell }) => {
  const { page } = await open(shell, 'refresher');
  const rv = page.locator('#rv');
  const box = (await rv.boundingBox())!;
  await shell.page.mouse.move(box.x + 100, box.y + 80);
  // one notch: 40 px of pull, short of 60 -> aborted when the wheel pauses
  await shell.page.mouse.wheel(0, -100);
  await expect(page.locator('#events')).toHaveText('pulling abort');
  await expect(page.locator('#pulled')).toHaveText('40');
  expect(await lastLog(page)).toEqual({ name: 'rv:refresherabort', type: 'refresherabort', detail: {} });
  // a bigger turn (two notches at once, or a trackpad flick): 80 px -> refresh
  await page.locator('#clear').click();
  await shell.page.mouse.move(box.x + 100, box.y + 80); // the click took the mouse away
  await shell.page.mouse.wheel(0, -200);
  await expect.poll(() => lastLog(page)).toEqual({ name: 'rv:refresherrefresh', type: 'refresherrefresh', detail: {} });
  await expect(page.locator('#events')).toHaveText('pulling refresh');
  await expect(page.locator('#pulled')).toHaveText('80');
  await page.locator('#done').click();
  await expect(page.locator('#events')).toHaveText('pulling refresh restore');

  // scrolled down, the wheel up scrolls back and pulls nothing
  await page.locator('#clear').click();
  await rv.evaluate((el) => el.scrollTo({ top: 200 }));
  await shell.page.mouse.move(box.x + 100, box.y + 80);
  await shell.page.mouse.wheel(0, -100);
  await expect.poll(() => rv.evaluate((el) => el.scrollTop)).toBe(100);
  // a pull would have been reported before the page's own refresh
  await page.locator('#trigger').click();
  await expect(page.locator('#events')).toHaveText('refresh');
});

test('scroll-view refresher: F5 on the focused scroll-view refreshes; triggered = true from the page refreshes too', async ({ shell }) => {
  const { page } = await open(shell, 'refresher');
  const rv = page.locator('#rv');
  await rv.focus();
  let log = await logAfter(page, () => shell.page.keyboard.press('F5'));
  expect(log).toEqual({ name: 'rv:refresherrefresh', type: 'refresherrefresh', detail: {} });
  await expect(page.locator('#events')).toHaveText('refresh');
  log = await logAfter(page, () => page.locator('#done').click());
  expect(log).toEqual({ name: 'rv:refresherrestore', type: 'refresherrestore', detail: {} });

  log = await logAfter(page, () => page.locator('#trigger').click());
  expect(log).toEqual({ name: 'rv:refresherrefresh', type: 'refresherrefresh', detail: {} });
  await expect.poll(() => refresherHeight(rv)).toBe(60);
  log = await logAfter(page, () => page.locator('#done').click());
  expect(log).toEqual({ name: 'rv:refresherrestore', type: 'refresherrestore', detail: {} });

  // refresher-default-style white and refresher-background, at the default threshold of 45
  const white = page.locator('#rv-white');
  const wbox = (await white.boundingBox())!;
  await shell.page.mouse.move(wbox.x + 50, wbox.y + 10);
  await shell.page.mouse.down();
  await shell.page.mouse.move(wbox.x + 50, wbox.y + 60, { steps: 5 });
  log = await logAfter(page, () => shell.page.mouse.up());
  expect(log).toEqual({ name: 'rv-white:refresherrefresh', type: 'refresherrefresh', detail: {} });
  await expect.poll(() => refresherHeight(white)).toBe(45);
  expect(await white.locator('.wx-refresher').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(47, 123, 245)');
  expect(await white.locator('.wx-refresher > span').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
});

/** where each swiper-item sits, relative to the swiper's left edge (px, rounded) */
async function itemLefts(swiper: Locator): Promise<number[]> {
  return swiper.evaluate((el) => {
    const left = el.getBoundingClientRect().left;
    return [...el.querySelectorAll('wx-swiper-item')].map((item) => Math.round(item.getBoundingClientRect().left - left));
  });
}

test('swiper circular with margins: the last item neighbours the first both ways, by keys, drag and wheel; transition {dx, dy}, animationfinish', async ({ shell }) => {
  const { page } = await open(shell, 'swiper-more');
  const swiper = page.locator('#sw-margin');
  const box = (await swiper.boundingBox())!;
  const item = box.width - 80; // previous-margin + next-margin 40px each
  // at rest on item 0: it starts after the previous margin; item 1 peeks in the next margin, item 3 (the last) in the previous one
  await expect.poll(() => itemLefts(swiper)).toEqual([40, Math.round(40 + item), expect.any(Number), Math.round(40 - item)]);

  await swiper.focus();
  let log = await logAfter(page, () => shell.page.keyboard.press('ArrowLeft'));
  expect(log).toEqual({ name: 'sw-margin:change', type: 'change', detail: { current: 3, currentItemId: 'd', source: 'touch' } });
  // one item's way (not round the whole row): the last frame's offset is one item to the left
  await expect.poll(async () => JSON.parse((await page.locator('#finished').textContent()) || '{}') as unknown).toEqual({ id: 'sw-margin', detail: { current: 3, currentItemId: 'd', source: 'touch' } });
  const transition = JSON.parse((await page.locator('#transition').textContent()) ?? '{}') as { dx: number; dy: number };
  expect(transition.dy).toBe(0);
  expect(transition.dx).toBeCloseTo(-item, 0);
  // now item 3 is in the window, with item 0 after it and item 2 before it
  await expect.poll(() => itemLefts(swiper)).toEqual([Math.round(40 + item), expect.any(Number), Math.round(40 - item), 40]);

  log = await logAfter(page, () => shell.page.keyboard.press('ArrowRight'));
  expect(log).toEqual({ name: 'sw-margin:change', type: 'change', detail: { current: 0, currentItemId: 'a', source: 'touch' } });
  await expect.poll(async () => (JSON.parse((await page.locator('#transition').textContent()) ?? '{}') as { dx: number }).dx).toBeCloseTo(item, 0);

  // a mouse drag to the right from item 0 brings the last item in
  log = await logAfter(page, async () => {
    await shell.page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2);
    await shell.page.mouse.down();
    await shell.page.mouse.move(box.x + box.width / 2 + item * 0.4, box.y + box.height / 2, { steps: 6 });
    await shell.page.mouse.up();
  });
  expect(log).toEqual({ name: 'sw-margin:change', type: 'change', detail: { current: 3, currentItemId: 'd', source: 'touch' } });
  // and the wheel goes on round: 3 -> 0
  log = await logAfter(page, async () => {
    await shell.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await shell.page.mouse.wheel(0, 100);
  });
  expect(log).toEqual({ name: 'sw-margin:change', type: 'change', detail: { current: 0, currentItemId: 'a', source: 'touch' } });
  await expect.poll(() => itemLefts(swiper)).toEqual([40, Math.round(40 + item), expect.any(Number), Math.round(40 - item)]);
  await shell.page.screenshot({ path: 'test-results/web/gallery-swiper.png' });
});

test('swiper current-item-id: setting it moves to the item with that item-id, change says source ""', async ({ shell }) => {
  const { page } = await open(shell, 'swiper-more');
  const log = await logAfter(page, () => page.locator('#go-c').click());
  expect(log).toEqual({ name: 'sw-margin:change', type: 'change', detail: { current: 2, currentItemId: 'c', source: '' } });
  // item c (index 2) now sits after the previous margin
  await expect.poll(async () => (await itemLefts(page.locator('#sw-margin')))[2]).toBe(40);
});

test('swiper starting at current 2 shows item 2 at once: no animation, no change or animationfinish at load', async ({ shell }) => {
  const { page } = await open(shell, 'swiper-more');
  const swiper = page.locator('#sw-start');
  await expect.poll(async () => (await itemLefts(swiper))[2]).toBe(0);
  // the first frames already had it in place (an animation from item 0 would still be on its way)
  await shell.page.waitForTimeout(400);
  await expect(page.locator('#log')).toHaveText('');
  await expect(page.locator('#finished')).toHaveText('');
  // later changes still animate and report as before
  await swiper.focus();
  const log = await logAfter(page, () => shell.page.keyboard.press('ArrowRight'));
  expect(log).toEqual({ name: 'sw-start:change', type: 'change', detail: { current: 3, currentItemId: '', source: 'touch' } });
});

test('swiper display-multiple-items: two items share the window; without circular it stops at the last full window', async ({ shell }) => {
  const { page } = await open(shell, 'swiper-more');
  const multi = page.locator('#sw-multi');
  const width = (await multi.boundingBox())!.width;
  await expect.poll(async () => (await itemLefts(multi)).slice(0, 3)).toEqual([0, Math.round(width / 2), Math.round(width)]);
  expect(await multi.locator('wx-swiper-item').first().evaluate((el) => Math.round(el.getBoundingClientRect().width))).toBe(Math.round(width / 2));
  await multi.focus();
  let log = await logAfter(page, () => shell.page.keyboard.press('ArrowRight'));
  expect(log).toEqual({ name: 'sw-multi:change', type: 'change', detail: { current: 1, currentItemId: '', source: 'touch' } });
  await expect(multi.locator('wx-swiper-item[aria-hidden="false"]')).toHaveText(['Item 1', 'Item 2']);
  // circular with five: left from 0 shows item 4 then item 0
  await shell.page.keyboard.press('ArrowLeft');
  log = await logAfter(page, () => shell.page.keyboard.press('ArrowLeft'));
  expect(log).toEqual({ name: 'sw-multi:change', type: 'change', detail: { current: 4, currentItemId: '', source: 'touch' } });
  await expect(multi.locator('wx-swiper-item[aria-hidden="false"]')).toHaveText(['Item 0', 'Item 4']);
  await expect.poll(async () => (await itemLefts(multi))[4]).toBe(0);
  expect((await itemLefts(multi))[0]).toBe(Math.round(width / 2));

  const edge = page.locator('#sw-edge');
  await edge.focus();
  log = await logAfter(page, () => shell.page.keyboard.press('ArrowRight'));
  expect(log).toEqual({ name: 'sw-edge:change', type: 'change', detail: { current: 1, currentItemId: '', source: 'touch' } });
  // 3 items, 2 shown: 1 is the last place; another press changes nothing
  await shell.page.keyboard.press('ArrowRight');
  await expect(edge.locator('wx-swiper-item[aria-hidden="false"]')).toHaveText(['Edge 1', 'Edge 2']);
  log = await logAfter(page, () => shell.page.keyboard.press('ArrowLeft'));
  expect(log).toEqual({ name: 'sw-edge:change', type: 'change', detail: { current: 0, currentItemId: '', source: 'touch' } });
});

/** where a movable-view is drawn inside its movable-area (px, rounded) */
async function offsetInArea(view: Locator): Promise<{ x: number; y: number }> {
  return view.evaluate((el) => {
    const a = el.parentElement!.getBoundingClientRect();
    const v = el.getBoundingClientRect();
    return { x: Math.round(v.left - a.left), y: Math.round(v.top - a.top) };
  });
}

/** a mouse drag from the middle of a node by (dx, dy) */
async function drag(shell: { page: import('@playwright/test').Page }, node: Locator, dx: number, dy: number, steps = 6): Promise<void> {
  const box = (await node.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await shell.page.mouse.move(x, y);
  await shell.page.mouse.down();
  await shell.page.mouse.move(x + dx, y + dy, { steps });
  await shell.page.mouse.up();
}

test('movable-view: mouse drag and arrow keys move it inside its area; x/y from the page; change {x, y, source}', async ({ shell }) => {
  const { page } = await open(shell, 'movable');
  const mv = page.locator('#mv');
  await drag(shell, mv, 40, 30);
  await expect.poll(() => lastLog(page)).toEqual({ name: 'mv:change', type: 'change', detail: { x: 40, y: 30, source: 'touch' } });
  expect(await offsetInArea(mv)).toEqual({ x: 40, y: 30 });
  // past the area's right and bottom edges it stops at them (300x200 area, 60x60 view)
  await drag(shell, mv, 400, 400);
  await expect.poll(() => lastLog(page)).toEqual({ name: 'mv:change', type: 'change', detail: { x: 240, y: 140, source: 'touch' } });

  // keyboard: focusable, with a visible focus ring; arrows move 10 px
  await mv.focus();
  let log = await logAfter(page, () => shell.page.keyboard.press('ArrowLeft'));
  expect(log).toEqual({ name: 'mv:change', type: 'change', detail: { x: 230, y: 140, source: 'touch' } });
  expect(await mv.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  log = await logAfter(page, () => shell.page.keyboard.press('ArrowUp'));
  expect(log).toEqual({ name: 'mv:change', type: 'change', detail: { x: 230, y: 130, source: 'touch' } });

  // the page sets x/y: animated there, source ""; a value past the area stops at its edge
  await page.locator('#move-to').click();
  await expect.poll(() => lastLog(page)).toEqual({ name: 'mv:change', type: 'change', detail: { x: 100, y: 50, source: '' } });
  expect(await offsetInArea(mv)).toEqual({ x: 100, y: 50 });
  await page.locator('#move-far').click();
  await expect.poll(() => lastLog(page)).toEqual({ name: 'mv:change', type: 'change', detail: { x: 240, y: 0, source: '' } });
  await shell.page.screenshot({ path: 'test-results/web/gallery-movable.png' });
});

test('movable-view: direction vertical / none / disabled; out-of-bounds springs back; inertia glides on', async ({ shell }) => {
  const { page } = await open(shell, 'movable');
  await drag(shell, page.locator('#mv-v'), 30, 40);
  await expect.poll(() => lastLog(page)).toEqual({ name: 'mv-v:change', type: 'change', detail: { x: 0, y: 40, source: 'touch' } });
  // none and disabled do not move (and send nothing: the log still shows mv-v)
  await drag(shell, page.locator('#mv-none'), 20, 20);
  await drag(shell, page.locator('#mv-disabled'), 20, 20);
  expect(await offsetInArea(page.locator('#mv-none'))).toEqual({ x: 0, y: 0 });
  expect(await offsetInArea(page.locator('#mv-disabled'))).toEqual({ x: 0, y: 0 });
  expect(await page.locator('#mv-disabled').getAttribute('tabindex')).toBe('-1');
  expect((await lastLog(page))['name']).toBe('mv-v:change');

  // out-of-bounds: a drag 30 px left of the edge follows at a third, then springs back on release
  const oob = page.locator('#mv-oob');
  const box = (await oob.boundingBox())!;
  await shell.page.mouse.move(box.x + 25, box.y + 25);
  await shell.page.mouse.down();
  await shell.page.mouse.move(box.x + 25 - 30, box.y + 25, { steps: 3 });
  await expect.poll(() => lastLog(page)).toEqual({ name: 'mv-oob:change', type: 'change', detail: { x: -10, y: 0, source: 'touch-out-of-bounds' } });
  await shell.page.mouse.up();
  await expect.poll(() => lastLog(page)).toEqual({ name: 'mv-oob:change', type: 'change', detail: { x: 0, y: 0, source: 'out-of-bounds' } });

  // inertia: a quick flick keeps it going after the release (source "friction"), within the area
  const glide = page.locator('#mv-inertia');
  // the flick is played inside the page, 16 ms a move and let go at once: how fast a driven mouse moves
  // depends on the load of the machine, and inertia is about speed
  await glide.evaluate(async (el) => {
    const box = el.getBoundingClientRect();
    const send = (type: string, dx: number) =>
      el.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerId: 1, pointerType: 'mouse', button: 0, buttons: type === 'pointerup' ? 0 : 1, clientX: box.left + 25 + dx, clientY: box.top + 25 }));
    send('pointerdown', 0);
    for (const dx of [20, 40, 60]) {
      await new Promise((resolve) => setTimeout(resolve, 16));
      send('pointermove', dx);
    }
    send('pointerup', 60);
  });
  await expect.poll(async () => ((await lastLog(page))['detail'] as { source: string }).source).toBe('friction');
  // at rest: two reads 100 ms apart agree (a first read taken mid-glide would never be seen again)
  const settled = async () => {
    let previous = await offsetInArea(glide);
    await expect
      .poll(async () => {
        const now = await offsetInArea(glide);
        const still = now.x === previous.x && now.y === previous.y;
        previous = now;
        return still;
      }, { intervals: [100] })
      .toBe(true);
    return previous;
  };
  const rest = await settled();
  expect(rest.x).toBeGreaterThan(60);
  expect(rest.x).toBeLessThanOrEqual(250);
});

test('movable-view scale: ctrl+wheel and +/- scale between scale-min and scale-max; scale {x, y, scale}', async ({ shell }) => {
  const { page } = await open(shell, 'movable');
  const mv = page.locator('#mv');
  const box = (await mv.boundingBox())!;
  await shell.page.mouse.move(box.x + 30, box.y + 30);
  await shell.page.keyboard.down('Control');
  let scaled = await logAfter(page, () => shell.page.mouse.wheel(0, -100), '#scaled');
  await shell.page.keyboard.up('Control');
  expect(scaled).toEqual({ id: 'mv', type: 'scale', detail: { x: 0, y: 0, scale: 1.25 } });
  expect(await mv.evaluate((el) => Math.round(el.getBoundingClientRect().width))).toBe(75);
  await mv.focus();
  await shell.page.keyboard.press('+');
  await expect.poll(() => lastLog(page, '#scaled')).toMatchObject({ detail: { scale: 1.5625 } });
  // scale-max 2
  await shell.page.keyboard.press('+');
  await expect.poll(() => lastLog(page, '#scaled')).toMatchObject({ detail: { scale: 1.953125 } });
  scaled = await logAfter(page, () => shell.page.keyboard.press('+'), '#scaled');
  expect(scaled).toMatchObject({ detail: { scale: 2 } });
  // scale-min 0.5
  for (let i = 0; i < 7; i++) await shell.page.keyboard.press('-');
  await expect.poll(() => lastLog(page, '#scaled')).toMatchObject({ detail: { scale: 0.5 } });
  expect(await mv.evaluate((el) => Math.round(el.getBoundingClientRect().width))).toBe(30);
});

test('cover-view and cover-image: drawn above the image after them; cover-image load/error; cover-view scroll-top', async ({ shell }) => {
  const { page } = await open(shell, 'cover');
  await expect.poll(() => lastLog(page)).toEqual({ name: 'badge:load', type: 'load', detail: { width: 320, height: 200 } });
  const errored = await lastLog(page, '#errored');
  expect(errored['name']).toBe('missing:error');
  expect((errored['detail'] as { errMsg: string }).errMsg).toMatch(/^GET http:\/\/\S+\/images\/missing\.png 404 \(Not Found\)$/);

  // what the mouse meets near the caption's right end is the caption, not the image after it
  const caption = page.locator('#caption');
  const topmost = await caption.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = el.ownerDocument.elementFromPoint(box.right - 20, box.top + box.height / 2);
    return hit?.closest('#caption, #photo')?.id ?? '';
  });
  expect(topmost).toBe('caption');
  await expect(page.locator('#badge img')).toHaveJSProperty('naturalWidth', 320);

  await page.locator('#scroll-down').click();
  await expect.poll(() => page.locator('#menu').evaluate((el) => el.scrollTop)).toBe(40);
  await shell.page.screenshot({ path: 'test-results/web/gallery-cover.png' });
});
