import type { FrameLocator, Locator } from '@playwright/test';
import { expect, test, type ShellPage } from './fixtures';
import { installFixture, visiblePage } from './wechat-fixture-install';

/**
 * Built-in controls where WeChat's documented behaviour is easy to get subtly wrong: what textarea does with
 * its bindinput handler's return value, a label on a button, navigator target="miniProgram", and which slider
 * events a click and a drag send. The controls project (test/fixtures/wechat/controls) writes every event it
 * gets into the page as JSON, so the exact details are checked.
 */
const APP_ID = 'wxcontrols000001';

// two cores shared with the rest of the team: a launch can take a while
test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ host }) => installFixture(host, APP_ID, 'controls'));

async function launch(shell: ShellPage): Promise<{ app: FrameLocator; page: Locator }> {
  const app = await shell.launch(APP_ID);
  const page = visiblePage(app);
  // the Worker parses glass-easel and the app's bundle first: allow for a slow, shared machine
  await expect(page.locator('#level [role="slider"]')).toHaveAttribute('aria-valuenow', '50', { timeout: 30_000 });
  return { app, page };
}

async function json(node: Locator): Promise<unknown> {
  return JSON.parse((await node.textContent()) ?? 'null') as unknown;
}

test('textarea: what the bindinput handler returns does not replace the text (input would), model:value keeps up', async ({ shell }) => {
  const { page } = await launch(shell);
  const area = page.locator('#shout textarea');
  await area.click();
  await area.pressSequentially('hello');
  // the handler saw every keystroke and returned "HELLO": its answer came before this render, and was not applied
  await expect(page.locator('#shout-echo')).toHaveText('hello');
  await expect(area).toHaveValue('hello');
  await area.press('Enter');
  await area.pressSequentially('there');
  await expect(page.locator('#shout-echo')).toHaveText('hello\nthere');
  await expect(area).toHaveValue('hello\nthere');

  // model:value and a slow handler returning {value, cursor}: typing faster than it answers loses nothing
  const note = page.locator('#slow-note textarea');
  await note.click();
  await note.pressSequentially('superapp', { delay: 40 });
  await expect(page.locator('#note-echo')).toHaveText('superapp');
  await expect(note).toHaveValue('superapp');
  expect(await note.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(8);
});

test('label on a button: a click on the label clicks the button once (tap, form-type submit, open-type)', async ({ shell }) => {
  const { page } = await launch(shell);
  const submits = page.locator('#submits');
  const taps = page.locator('#taps');

  // <label><button form-type="submit" bindtap>..</button><text>..</text></label>: a click on the text
  await page.locator('#wrap-text').click();
  await expect(submits).not.toHaveText('[]');
  expect(await json(submits)).toEqual([{ value: { dish: 'noodles' } }]);
  await expect(taps).toHaveText('["send"]');

  // a click on the button itself: still one submit and one tap, not two
  await page.locator('#send').click();
  await expect(taps).toHaveText('["send","send"]');
  expect(await json(submits)).toEqual([{ value: { dish: 'noodles' } }, { value: { dish: 'noodles' } }]);

  // <label for="send-later"> outside the button
  await page.locator('#dish input').fill('rice');
  await page.locator('#label-for').click();
  await expect(taps).toHaveText('["send","send","send-later"]');
  expect(await json(submits)).toEqual([{ value: { dish: 'noodles' } }, { value: { dish: 'noodles' } }, { value: { dish: 'rice' } }]);

  // the label runs the button's open-type too (share fails clearly on a desktop)
  await page.locator('#share-text').click();
  await expect(page.locator('#share-error')).not.toHaveText('');
  expect(await json(page.locator('#share-error'))).toEqual({ type: 'error', detail: { errMsg: 'share:fail not supported in this desktop shell' } });
  // and nothing else was submitted or tapped meanwhile
  await expect(taps).toHaveText('["send","send","send-later"]');
  expect(await json(submits)).toHaveLength(3);
});

test('navigator target="miniProgram": stays on the page and sends fail then complete with a clear errMsg', async ({ shell }) => {
  const { app, page } = await launch(shell);
  const log = page.locator('#nav-log');
  const opened = 'navigateToMiniProgram:fail this desktop shell cannot open another mini program from a navigator';
  await page.locator('#nav-mp').click();
  await expect(log).not.toHaveText('[]');
  expect(await json(log)).toEqual([
    { id: 'nav-mp', type: 'fail', detail: { errMsg: opened } },
    { id: 'nav-mp', type: 'complete', detail: { errMsg: opened } },
  ]);

  // open-type="exit": only for target="miniProgram", and a navigator here cannot do it either
  const exit = 'exitMiniProgram:fail this desktop shell cannot exit the mini program from a navigator (wx.exitMiniProgram can)';
  await page.locator('#nav-exit').focus();
  await shell.page.keyboard.press('Enter');
  await expect.poll(async () => ((await json(log)) as unknown[]).length).toBe(4);
  expect(((await json(log)) as unknown[]).slice(2)).toEqual([
    { id: 'nav-exit', type: 'fail', detail: { errMsg: exit } },
    { id: 'nav-exit', type: 'complete', detail: { errMsg: exit } },
  ]);

  // still on the same page; a navigator to a page of this app still goes there
  await expect(app.locator('.wx-page-frame')).toHaveCount(1);
  await expect(visiblePage(app).locator('#nav-mp')).toBeVisible();
  await page.locator('#nav-page').click();
  await expect(visiblePage(app).locator('#other')).toHaveText('Another page of this app');
});

test('slider: a click on the track sends change alone; a drag sends changing while moving, then change', async ({ shell }) => {
  const { page } = await launch(shell);
  const log = page.locator('#slider-log');
  const thumb = page.locator('#level [role="slider"]');
  const box = (await page.locator('#level .wx-slider-track').boundingBox())!;
  const at = (ratio: number) => box.x + box.width * ratio;
  const y = box.y + box.height / 2;

  await shell.page.mouse.click(at(0.25), y);
  await expect(log).toHaveText('change:25');
  await expect(thumb).toHaveAttribute('aria-valuenow', '25');

  /** clears the log, then presses at `from` and drags to `to` (fractions of the track): the events logged */
  const drag = async (from: number, to: number, steps: number, last: RegExp) => {
    await page.locator('#slider-clear').click();
    await expect(log).toHaveText('');
    await shell.page.mouse.move(at(from), y);
    await shell.page.mouse.down();
    await shell.page.mouse.move(at(to), y, { steps });
    await shell.page.mouse.up();
    await expect(log).toHaveText(last);
    return ((await log.textContent()) ?? '').split(' ');
  };

  // press on the thumb, drag to three quarters
  const events = await drag(0.25, 0.75, 5, /change:75$/);
  expect(events.length).toBeGreaterThanOrEqual(3);
  expect(events.at(-1)).toBe('change:75');
  expect(events.at(-2)).toBe('changing:75');
  for (const e of events.slice(0, -1)) expect(e).toMatch(/^changing:\d+$/);
  const values = events.slice(0, -1).map((e) => Number(e.split(':')[1]));
  expect(values).toEqual([...values].sort((a, b) => a - b)); // in the order the thumb moved
  expect(values[0]).toBeGreaterThan(25);

  // a press away from the thumb puts the thumb there without changing; the drag from there sends changing
  const fromAside = await drag(0.1, 0.3, 4, /change:30$/);
  expect(fromAside[0]).toMatch(/^changing:(1[1-9]|2\d|30)$/);
  expect(fromAside.at(-1)).toBe('change:30');
  await expect(thumb).toHaveAttribute('aria-valuenow', '30');
});
