import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { APP_ID, installGallery, lastLog, logAfter, open, visiblePage } from './wechat-gallery-helpers';

/**
 * WeChat's built-in components and page-level APIs end to end: the component gallery project
 * (test/fixtures/wechat/gallery) installed through the browser host and used with mouse and keyboard.
 * Every gallery page shows the last event it got as JSON in #log, so the exact `detail` is checked.
 */

// two cores shared with the rest of the team: a launch can take a while
test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ host }) => installGallery(host));

test('gallery home: one navigator per component family', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  await expect(visiblePage(app).locator('wx-navigator')).toHaveCount(6);
  await expect(app.getByRole('tab', { name: 'Gallery' })).toHaveAttribute('aria-selected', 'true');
  await shell.page.screenshot({ path: 'test-results/web/gallery-home.png' });
});

test('input: bindinput detail, a returned string replaces the value, focus/blur/confirm, maxlength, number filtering', async ({ shell }) => {
  const { page } = await open(shell, 'form');
  const name = page.locator('#name input');
  await expect(page.locator('#name .wx-placeholder')).toHaveText('Your name');
  await expect(page.locator('#name .wx-placeholder')).toHaveClass(/hint/);
  let log = await logAfter(page, () => name.click());
  expect(log).toEqual({ name: 'name:focus', type: 'focus', detail: { value: '', height: 0 } });
  log = await logAfter(page, () => name.pressSequentially('Bao'));
  expect(log).toEqual({ name: 'input', type: 'input', detail: { value: 'Bao', cursor: 3, keyCode: 79 } });
  await expect(page.locator('#name .wx-placeholder')).toBeHidden();
  log = await logAfter(page, () => name.press('Enter'));
  expect(log).toEqual({ name: 'name:confirm', type: 'confirm', detail: { value: 'Bao' } });
  await name.fill('a very long name indeed');
  await expect(name).toHaveValue('a very lon'); // maxlength="10"
  log = await logAfter(page, () => page.locator('#upper input').click());
  expect(log).toMatchObject({ name: 'name:blur', type: 'blur', detail: { value: 'a very lon' } });

  // bindinput="toUpper" returns e.detail.value.toUpperCase(): the box shows what the handler returned
  await page.locator('#upper input').pressSequentially('tea');
  await expect(page.locator('#upper input')).toHaveValue('TEA');

  // typing faster than the page's handler answers: an answer for an older keystroke must not take back newer
  // ones (each handler here takes 60 ms; a key every 40 ms lands while the logic is still busy)
  await page.locator('#slow-upper input').pressSequentially('superapp', { delay: 40 });
  await expect(page.locator('#slow-upper input')).toHaveValue('SUPERAPP');
  await page.locator('#slow-model input').pressSequentially('superapp', { delay: 40 });
  await expect(page.locator('#slow-echo')).toHaveText('superapp');
  await expect(page.locator('#slow-model input')).toHaveValue('superapp');

  await page.locator('#count input').pressSequentially('12ab3');
  await expect(page.locator('#count input')).toHaveValue('123');
  await page.locator('#amount input').pressSequentially('9.5x');
  await expect(page.locator('#amount input')).toHaveValue('9.5');
  await expect(page.locator('#pin input')).toHaveAttribute('type', 'password');
});

test('checkbox-group, radio-group, switch and slider by keyboard and mouse, with their change details', async ({ shell }) => {
  const { page } = await open(shell, 'form');
  let log = await logAfter(page, () => page.locator('#label-sugar').click());
  expect(log).toEqual({ name: 'extras:change', type: 'change', detail: { value: ['milk', 'sugar'] } });
  await page.locator('#label-milk wx-checkbox').focus();
  log = await logAfter(page, () => shell.page.keyboard.press('Space'));
  expect(log).toEqual({ name: 'extras:change', type: 'change', detail: { value: ['sugar'] } });

  log = await logAfter(page, () => page.locator('#label-l').click());
  expect(log).toEqual({ name: 'size:change', type: 'change', detail: { value: 'L' } });
  log = await logAfter(page, () => shell.page.keyboard.press('ArrowUp'));
  expect(log).toEqual({ name: 'size:change', type: 'change', detail: { value: 'M' } });

  await page.locator('#delivery').focus();
  log = await logAfter(page, () => shell.page.keyboard.press('Space'));
  expect(log).toEqual({ name: 'delivery:change', type: 'change', detail: { value: false } });
  log = await logAfter(page, () => page.locator('#agree').click());
  expect(log).toEqual({ name: 'agree:change', type: 'change', detail: { value: true } });

  const thumb = page.locator('#sweetness [role="slider"]');
  await thumb.focus();
  log = await logAfter(page, () => shell.page.keyboard.press('ArrowRight'));
  expect(log).toEqual({ name: 'sweetness:change', type: 'change', detail: { value: 6 } });
  log = await logAfter(page, () => shell.page.keyboard.press('End'));
  expect(log).toEqual({ name: 'sweetness:change', type: 'change', detail: { value: 10 } });
  await expect(page.locator('#sweetness .wx-slider-value')).toHaveText('10');
  // mouse: a drag to the first quarter of the track sends changing while moving, change on release
  const track = await page.locator('#sweetness .wx-slider-track').boundingBox();
  log = await logAfter(page, async () => {
    await shell.page.mouse.move(track!.x + track!.width - 2, track!.y + 1);
    await shell.page.mouse.down();
    await shell.page.mouse.move(track!.x + track!.width * 0.3, track!.y + 1, { steps: 4 });
    await shell.page.mouse.up();
  });
  expect(log).toEqual({ name: 'sweetness:change', type: 'change', detail: { value: 3 } });
  expect(JSON.parse((await page.locator('#changing').textContent()) ?? '{}')).toEqual({ value: 3 });
});

test('form: keyboard-only submit sends every named control in detail.value; reset puts them back', async ({ shell }) => {
  const { page } = await open(shell, 'form');
  await page.locator('#name input').fill('Bao');
  await page.locator('#note textarea').fill('less ice');
  await page.locator('#submit').focus();
  let log = await logAfter(page, () => shell.page.keyboard.press('Enter'));
  expect(log).toEqual({
    name: 'submit',
    type: 'submit',
    detail: { value: { name: 'Bao', upper: '', amount: '', count: '', pin: '', auto: '', note: 'less ice', extras: ['milk'], size: 'M', delivery: true, agree: false, sweetness: 5 } },
  });
  await page.locator('#label-sugar').click();
  log = await logAfter(page, () => page.locator('#reset').click());
  expect(log).toEqual({ name: 'reset', type: 'reset', detail: {} });
  await expect(page.locator('#name input')).toHaveValue('');
  await expect(page.locator('#label-sugar wx-checkbox')).toHaveAttribute('aria-checked', 'false');
  await expect(page.locator('#label-milk wx-checkbox')).toHaveAttribute('aria-checked', 'true');
  await shell.page.screenshot({ path: 'test-results/web/gallery-form.png' });
});

test('textarea: auto-height grows and linechange reports the line count', async ({ shell }) => {
  const { page } = await open(shell, 'form');
  const area = page.locator('#note textarea');
  const before = (await area.boundingBox())!.height;
  await area.click();
  const log = await logAfter(page, async () => {
    await area.pressSequentially('one');
    await area.press('Enter');
    await area.pressSequentially('two');
  });
  expect(log).toMatchObject({ name: 'note:input', type: 'input', detail: { value: 'one\ntwo' } });
  expect((await area.boundingBox())!.height).toBeGreaterThan(before);
});

test('picker selector by keyboard only: Enter opens under it, arrows move, Enter confirms, the page updates', async ({ shell }) => {
  const { app, page } = await open(shell, 'picker');
  await page.locator('#p-selector').focus();
  await shell.page.keyboard.press('Enter');
  const list = app.getByRole('listbox').first();
  await expect(list).toBeFocused();
  await expect(list.getByRole('option', { selected: true })).toHaveText('Longjing');
  await shell.page.keyboard.press('ArrowDown');
  await shell.page.keyboard.press('ArrowDown');
  await shell.page.screenshot({ path: 'test-results/web/gallery-picker.png' });
  const log = await logAfter(page, () => shell.page.keyboard.press('Enter'));
  expect(log).toEqual({ name: 'tea', type: 'change', detail: { value: 2 } });
  await expect(page.locator('#p-selector')).toHaveText('Tea: Pu-erh');
  await expect(page.locator('#p-selector')).toBeFocused();
  // Escape cancels: bindcancel
  await shell.page.keyboard.press('Space');
  const cancelled = await logAfter(page, () => shell.page.keyboard.press('Escape'));
  expect(cancelled).toEqual({ name: 'p-selector:cancel', type: 'cancel', detail: {} });
});

test('picker multiSelector: columnchange while open, the page replaces a column, change gives both indexes', async ({ shell }) => {
  const { app, page } = await open(shell, 'picker');
  await page.locator('#p-multi').click();
  await shell.page.keyboard.press('ArrowDown'); // Tea -> Coffee: the page swaps the second column
  await expect(app.getByRole('listbox').nth(1).getByRole('option')).toHaveText(['Latte', 'Mocha']);
  await shell.page.keyboard.press('ArrowRight');
  await shell.page.keyboard.press('ArrowDown');
  const log = await logAfter(page, () => shell.page.keyboard.press('Enter'));
  expect(log).toEqual({ name: 'multi', type: 'change', detail: { value: [1, 1] } });
  await expect(page.locator('#columns')).toHaveText('{"column":0,"value":1}{"column":1,"value":1}');
  await expect(page.locator('#p-multi')).toHaveText('Coffee / Mocha');
});

test('picker time, date and region: keyboard only, exact change details', async ({ shell }) => {
  const { page } = await open(shell, 'picker');
  await page.locator('#p-time').focus();
  await shell.page.keyboard.press('Enter');
  await shell.page.keyboard.press('ArrowDown');
  await shell.page.keyboard.press('ArrowRight');
  await shell.page.keyboard.press('End');
  let log = await logAfter(page, () => shell.page.keyboard.press('Enter'));
  expect(log).toEqual({ name: 'time', type: 'change', detail: { value: '13:59' } });

  await page.locator('#p-date').focus();
  await shell.page.keyboard.press('Enter');
  await shell.page.keyboard.press('ArrowRight');
  await shell.page.keyboard.press('ArrowRight');
  await shell.page.keyboard.press('ArrowDown');
  log = await logAfter(page, () => shell.page.keyboard.press('Enter'));
  expect(log).toEqual({ name: 'date', type: 'change', detail: { value: '2024-02-29' } });

  await page.locator('#p-region').focus();
  await shell.page.keyboard.press('Enter');
  await shell.page.keyboard.press('ArrowRight');
  await shell.page.keyboard.press('ArrowDown');
  log = await logAfter(page, () => shell.page.keyboard.press('Enter'));
  expect(log).toEqual({ name: 'region', type: 'change', detail: { value: ['广东省', '深圳市', '福田区'], code: ['440000', '440300', '440304'], postcode: '518000' } });

  // a disabled picker does not open
  await page.locator('#p-disabled').click({ force: true });
  await expect(page.locator('[role="dialog"]')).toHaveCount(0);
});

test('scroll-view: scroll-top and scroll-into-view move it, bindscroll and scrolltolower/upper report with details', async ({ shell }) => {
  const { page } = await open(shell, 'scroll');
  const sv = page.locator('#sv');
  let scrolled = await logAfter(page, () => page.locator('#to-top-100').click(), '#scrolled');
  expect(scrolled).toMatchObject({ id: 'sv', detail: { scrollTop: 100, scrollLeft: 0, scrollWidth: expect.any(Number), scrollHeight: expect.any(Number), deltaY: -100 } });
  expect(await sv.evaluate((el) => el.scrollTop)).toBe(100);

  // createIntersectionObserver(this).relativeTo('#sv').observe('#row-16'): out at first, in once scrolled to
  await expect(page.locator('#seen')).toHaveText('out;');
  await page.locator('#into-15').click();
  await expect.poll(() => sv.evaluate((el) => el.scrollTop)).toBe(14 * 41); // rows of 40px + 1px border
  await expect(page.locator('#seen')).toHaveText('out;in;');
  // the wheel scrolls it; at the end, scrolltolower {direction: "bottom"}
  const box = (await sv.boundingBox())!;
  await shell.page.mouse.move(box.x + 20, box.y + 20);
  let log = await logAfter(page, async () => {
    for (let i = 0; i < 12; i++) await shell.page.mouse.wheel(0, 200);
  });
  expect(log).toEqual({ name: 'sv:scrolltolower', type: 'scrolltolower', detail: { direction: 'bottom' } });
  log = await logAfter(page, async () => {
    for (let i = 0; i < 12; i++) await shell.page.mouse.wheel(0, -200);
  });
  expect(log).toEqual({ name: 'sv:scrolltoupper', type: 'scrolltoupper', detail: { direction: 'top' } });
  // keyboard: it takes focus and PageDown scrolls it
  await sv.focus();
  scrolled = await logAfter(page, () => shell.page.keyboard.press('PageDown'), '#scrolled');
  expect((scrolled['detail'] as { scrollTop: number }).scrollTop).toBeGreaterThan(0);
  // scroll-x
  await page.locator('#sh').evaluate((el) => el.scrollTo({ left: 150 }));
  await expect.poll(async () => JSON.parse((await page.locator('#scrolled').textContent()) ?? '{}') as unknown).toMatchObject({ id: 'sh', detail: { scrollLeft: 150, scrollTop: 0 } });
});

test('swiper: arrow keys, mouse drag, wheel and autoplay move it; change {current, currentItemId, source}', async ({ shell }) => {
  const { page } = await open(shell, 'scroll');
  const swiper = page.locator('#swiper');
  await expect(swiper.locator('.wx-swiper-dots > span')).toHaveCount(3);
  await swiper.focus();
  let log = await logAfter(page, () => shell.page.keyboard.press('ArrowRight'));
  expect(log).toEqual({ name: 'swiper:change', type: 'change', detail: { current: 1, currentItemId: '', source: 'touch' } });
  await expect(swiper.locator('.wx-swiper-dot-active')).toHaveCount(1);
  // circular: left from the first goes to the last
  await shell.page.keyboard.press('ArrowLeft');
  log = await logAfter(page, () => shell.page.keyboard.press('ArrowLeft'));
  expect(log).toMatchObject({ detail: { current: 2, source: 'touch' } });

  const box = (await swiper.boundingBox())!;
  log = await logAfter(page, async () => {
    await shell.page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
    await shell.page.mouse.down();
    await shell.page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2, { steps: 5 });
    await shell.page.mouse.up();
  });
  expect(log).toMatchObject({ detail: { current: 0, source: 'touch' } });

  log = await logAfter(page, async () => {
    await shell.page.mouse.move(box.x + 30, box.y + 30);
    await shell.page.mouse.wheel(0, 120);
  });
  expect(log).toMatchObject({ detail: { current: 1, source: 'touch' } });

  // the page sets current: source ""
  log = await logAfter(page, () => page.locator('#go-2').click());
  expect(log).toEqual({ name: 'swiper:change', type: 'change', detail: { current: 2, currentItemId: '', source: '' } });

  // autoplay every 1500 ms (circular): the next change comes from the timer
  log = await logAfter(page, () => page.locator('#autoplay').click());
  expect(log).toMatchObject({ name: 'swiper:change', detail: { currentItemId: '', source: 'autoplay' } });
  await page.locator('#autoplay').click();

  // vertical: Up/Down
  await page.locator('#swiper-v').focus();
  log = await logAfter(page, () => shell.page.keyboard.press('ArrowDown'));
  expect(log).toEqual({ name: 'swiper-v:change', type: 'change', detail: { current: 1, currentItemId: '', source: 'touch' } });
  await shell.page.screenshot({ path: 'test-results/web/gallery-scroll.png' });
});

test('basic content: icons as SVG, progress, rich-text refuses script and handlers', async ({ shell }) => {
  const { app, page } = await open(shell, 'basic');
  await expect(page.locator('#icons wx-icon svg')).toHaveCount(9);
  for (const type of ['success', 'success_no_circle', 'info', 'warn', 'waiting', 'cancel', 'download', 'search', 'clear']) {
    await expect(page.locator(`#icons svg[data-type="${type}"]`)).toHaveCSS('width', '32px');
  }
  await expect(page.locator('#icon-custom svg')).toHaveCSS('color', 'rgb(47, 123, 245)');
  await expect(page.locator('#progress')).toHaveAttribute('aria-valuenow', '40');
  await expect(page.locator('#progress .wx-progress-info')).toHaveText('40%');
  // the bar grows from 0 to 40 (30 ms a percent) and says so; only then is the next change's end the one we see
  await expect.poll(() => lastLog(page), { timeout: 5_000 }).toEqual({ name: 'activeend', type: 'activeend', detail: { curPercent: 40 } });
  const log = await logAfter(page, () => page.locator('#more').click());
  expect(log).toEqual({ name: 'activeend', type: 'activeend', detail: { curPercent: 60 } });

  // rich-text: the markup stays, script/iframe/handlers/javascript: URLs do not; classes use the page's scope
  const rich = page.locator('#rich-string');
  await expect(rich.locator('p')).toHaveText('Hello rich text');
  await expect(rich.locator('b')).toHaveText('rich');
  await expect(rich.locator('script, iframe, [onclick], [href]')).toHaveCount(0);
  await expect(rich.locator('img')).not.toHaveAttribute('src', /.*/);
  expect(await rich.locator('p').getAttribute('class')).toMatch(/--lead$/);
  await expect(page.locator('#rich-array div')).toHaveText('From nodes & entities <b>');
  await expect(page.locator('#rich-array script')).toHaveCount(0);
  await rich.locator('a').click();
  expect(await app.locator('body').evaluate(() => (globalThis as { pwned?: unknown }).pwned)).toBeUndefined();
  await shell.page.screenshot({ path: 'test-results/web/gallery-basic.png' });
});

// both phone-number open-types go through the same trusted sheet; each has its own event and errMsg
for (const { id, event, api } of [
  { id: 'b-phone', event: 'getphonenumber', api: 'getPhoneNumber' },
  { id: 'b-phone-rt', event: 'getrealtimephonenumber', api: 'getRealtimePhoneNumber' },
]) {
  test(`button open-type="${api}": the trusted sheet, then bind${event} with the platform code (or user deny)`, async ({ shell }) => {
    const { page } = await open(shell, 'button');
    await page.locator(`#${id}`).click();
    await shell.sheet('phoneNumber').getByTestId('sheet-cancel').click();
    let log = await lastLog(page);
    expect(log).toMatchObject({ name: event, type: event, detail: { errMsg: `${api}:fail user deny` } });

    log = await logAfter(page, async () => {
      await page.locator(`#${id}`).click();
      await shell.sheet('phoneNumber').getByTestId('sheet-confirm').click();
    });
    expect(log).toEqual({ name: event, type: event, detail: { code: expect.any(String), errMsg: `${api}:ok` } });
  });
}

test('button: open-types the desktop cannot do fail clearly; disabled sends nothing; hover-class while pressed; keyboard press', async ({ shell }) => {
  const { page } = await open(shell, 'button');
  let log = await logAfter(page, () => page.locator('#b-share').click());
  expect(log).toEqual({ name: 'b-share:error', type: 'error', detail: { errMsg: 'share:fail not supported in this desktop shell' } });
  log = await logAfter(page, () => page.locator('#b-contact').click());
  expect(log).toEqual({ name: 'b-contact:error', type: 'error', detail: { errMsg: 'contact:fail not supported in this desktop shell' } });

  await page.locator('#b-disabled').click({ force: true });
  await expect(page.locator('#log')).toHaveText(/b-contact/);

  await page.locator('#b-primary').focus();
  log = await logAfter(page, () => shell.page.keyboard.press('Enter'));
  expect(log).toEqual({ name: 'b-primary:tap', type: 'tap', detail: {} });

  const box = (await page.locator('#hover-view').boundingBox())!;
  await shell.page.mouse.move(box.x + 10, box.y + 10);
  await shell.page.mouse.down();
  await expect(page.locator('#hover-view')).toHaveClass(/--pressed/);
  await shell.page.screenshot({ path: 'test-results/web/gallery-button.png' });
  await shell.page.mouse.up();
  await expect(page.locator('#hover-view')).not.toHaveClass(/--pressed/); // after hover-stay-time (300 ms)
});

/** clicks an API button of the API page and returns what the call answered */
async function callApi(page: Locator, id: string): Promise<Record<string, unknown>> {
  return logAfter(page, () => page.locator(`#api-${id}`).click());
}

test('page APIs: toast, loading, modal (keyboard), action sheet, preview, with their success and failure errMsgs', async ({ shell }) => {
  const { app, page } = await open(shell, 'api');
  // the toast shows as soon as the view gets the call; the answer reaches the page after that
  await page.locator('#api-toast').click();
  await expect(app.getByRole('status')).toHaveText('Saved');
  let log = await lastLog(page);
  expect(log).toEqual({ name: 'toast', ok: true, res: { errMsg: 'showToast:ok' } });
  await expect(app.getByRole('status')).toHaveCount(0, { timeout: 6000 });
  log = await callApi(page, 'toast-bad');
  expect(log).toEqual({ name: 'toast-bad', ok: false, res: { errMsg: 'showToast:fail parameter error: parameter.title should be String instead of Undefined;' } });

  await page.locator('#api-loading').click();
  await expect(app.getByRole('progressbar', { name: 'Loading' })).toBeVisible();
  await expect(page.locator('#log')).toHaveText(/"name":"loading"/);
  expect(await lastLog(page)).toEqual({ name: 'loading', ok: true, res: { errMsg: 'showLoading:ok' } });
  await expect(app.getByRole('progressbar', { name: 'Loading' })).toHaveCount(0, { timeout: 8000 });

  // showModal by keyboard: focus on confirm, Tab to cancel, Enter
  await page.locator('#api-modal').click();
  const modal = app.getByRole('dialog', { name: 'Delete order?' });
  await expect(modal.getByRole('button', { name: 'Delete' })).toBeFocused();
  await shell.page.screenshot({ path: 'test-results/web/gallery-modal.png' });
  await shell.page.keyboard.press('Tab');
  log = await logAfter(page, () => shell.page.keyboard.press('Enter'));
  expect(log).toEqual({ name: 'modal', ok: true, res: { confirm: false, cancel: true, errMsg: 'showModal:ok' } });

  await page.locator('#api-modal-edit').click();
  await app.getByRole('dialog').getByPlaceholder('New name').fill('Oolong');
  log = await logAfter(page, () => shell.page.keyboard.press('Enter'));
  expect(log).toEqual({ name: 'modal-edit', ok: true, res: { confirm: true, cancel: false, content: 'Oolong', errMsg: 'showModal:ok' } });

  await page.locator('#api-modal-promise').click();
  await expect(app.getByRole('dialog')).toBeVisible();
  log = await logAfter(page, () => shell.page.keyboard.press('Enter'));
  expect(log).toEqual({ name: 'modal-promise', ok: true, res: { confirm: true, cancel: false, errMsg: 'showModal:ok' } });

  await page.locator('#api-sheet').click();
  await expect(app.getByRole('menuitem', { name: 'Friends' })).toBeFocused();
  await shell.page.keyboard.press('ArrowDown');
  log = await logAfter(page, () => shell.page.keyboard.press('Enter'));
  expect(log).toEqual({ name: 'sheet', ok: true, res: { tapIndex: 1, errMsg: 'showActionSheet:ok' } });
  await page.locator('#api-sheet').click();
  // Escape before the sheet is up closes nothing (it read the last answer and timed out once in CI)
  await expect(app.getByRole('menuitem', { name: 'Friends' })).toBeFocused();
  log = await logAfter(page, () => shell.page.keyboard.press('Escape'));
  expect(log).toEqual({ name: 'sheet', ok: false, res: { errMsg: 'showActionSheet:fail cancel' } });
  log = await callApi(page, 'sheet-7');
  expect(log).toEqual({ name: 'sheet-7', ok: false, res: { errMsg: 'showActionSheet:fail parameter error: itemList should not be large than 6' } });

  log = await callApi(page, 'preview');
  expect(log).toEqual({ name: 'preview', ok: true, res: { errMsg: 'previewImage:ok' } });
  const viewer = app.getByRole('dialog', { name: 'Image preview' });
  await expect(viewer.locator('.wx-preview-counter')).toHaveText('2 / 2');
  await expect(viewer.locator('img')).toHaveJSProperty('complete', true);
  expect(await viewer.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(200);
  await shell.page.keyboard.press('ArrowLeft');
  await expect(viewer.locator('.wx-preview-counter')).toHaveText('1 / 2');
  await shell.page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
});

test('page APIs: navigation bar, makePhoneCall fails clearly, vibrate, system info, canIUse, menu button', async ({ shell }) => {
  const { app, page } = await open(shell, 'api');
  let log = await callApi(page, 'title');
  expect(log).toEqual({ name: 'title', ok: true, res: { errMsg: 'setNavigationBarTitle:ok' } });
  await expect(app.locator('.wx-navbar-title')).toHaveText('Renamed page');
  log = await callApi(page, 'bar-color');
  expect(log).toEqual({ name: 'bar-color', ok: true, res: { errMsg: 'setNavigationBarColor:ok' } });
  await expect(app.locator('.wx-navbar')).toHaveCSS('background-color', 'rgb(47, 123, 245)');
  await expect(app.locator('.wx-navbar')).toHaveCSS('color', 'rgb(255, 255, 255)');
  log = await callApi(page, 'call');
  expect(log).toEqual({ name: 'call', ok: false, res: { errMsg: 'makePhoneCall:fail this desktop shell cannot place phone calls' } });
  log = await callApi(page, 'vibrate');
  expect(log).toEqual({ name: 'vibrate', ok: true, res: { errMsg: 'vibrateShort:ok' } });

  const frame = (await app.locator('.wx-page-frame:not([hidden])').boundingBox())!;
  log = await callApi(page, 'system');
  expect(log).toMatchObject({ res: { platform: 'linux', SDKVersion: expect.any(String), pixelRatio: 1 } });
  expect((log['res'] as { windowWidth: number }).windowWidth).toBeGreaterThan(frame.width - 20);
  log = await callApi(page, 'caniuse');
  expect(log).toEqual({ name: 'caniuse', ok: true, res: { showModal: true, 'button.open-type.getPhoneNumber': true, nothing: false } });
  log = await callApi(page, 'menu');
  expect(log).toMatchObject({ res: { width: 87, height: 32, top: 6 } });
});

test('tab bar APIs: badge (over 4 characters shows ...), red dot, style, hide/show; an unknown index and a non-tab page fail', async ({ shell }) => {
  const { app, page } = await open(shell, 'api');
  const apisTab = app.getByRole('tab', { name: /APIs/ });
  let log = await callApi(page, 'badge');
  expect(log).toEqual({ name: 'badge', ok: true, res: { errMsg: 'setTabBarBadge:ok' } });
  await expect(apisTab.locator('.wx-tab-badge')).toHaveText('...');
  log = await callApi(page, 'badge-bad');
  expect(log).toEqual({ name: 'badge-bad', ok: false, res: { errMsg: 'setTabBarBadge:fail tabbar item not found' } });
  log = await callApi(page, 'red-dot');
  expect(log).toEqual({ name: 'red-dot', ok: true, res: { errMsg: 'showTabBarRedDot:ok' } });
  await expect(app.getByRole('tab', { name: /Gallery/ }).locator('.wx-tab-dot')).toHaveCount(1);
  await callApi(page, 'tab-style');
  await expect(app.locator('.wx-tabbar')).toHaveCSS('background-color', 'rgb(254, 246, 228)');
  await shell.page.screenshot({ path: 'test-results/web/gallery-tabbar.png' });
  log = await callApi(page, 'hide-tab');
  expect(log).toEqual({ name: 'hide-tab', ok: true, res: { errMsg: 'hideTabBar:ok' } });
  await expect(app.locator('.wx-tabbar')).toBeHidden();
  await callApi(page, 'show-tab');
  await expect(app.locator('.wx-tabbar')).toBeVisible();

  await app.getByRole('tab', { name: /Gallery/ }).click();
  await visiblePage(app).locator('#to-form').click();
  await expect(visiblePage(app).locator('#tab-error')).toHaveText('setTabBarBadge:fail not TabBar page');
});

test('createSelectorQuery: boundingClientRect and scrollOffset numbers match the DOM', async ({ shell }) => {
  const { app, page } = await open(shell, 'api');
  const frame = app.locator('.wx-page-frame:not([hidden])');
  await frame.evaluate((el) => el.scrollTo({ top: 40 }));
  const log = await callApi(page, 'query');
  const [box, items, viewport] = log['res'] as [Record<string, unknown>, Array<Record<string, number>>, Record<string, number>];
  const dom = await page.locator('#box').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
  });
  expect(box).toEqual({ id: 'box', dataset: {}, ...dom });
  expect(box['width']).toBe(200);
  expect(box['height']).toBe(60);
  expect(items).toHaveLength(2);
  expect(items[1]!['top']! - items[0]!['top']!).toBe(24);
  const scroll = await frame.evaluate((el) => ({ scrollTop: el.scrollTop, scrollHeight: el.scrollHeight }));
  expect(viewport).toMatchObject({ id: '', dataset: {}, scrollTop: scroll.scrollTop, scrollHeight: scroll.scrollHeight });
  expect(scroll.scrollTop).toBeGreaterThan(0);
});
