import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { installFixture, visiblePage } from './wechat-fixture-install';

/**
 * <editor> and its EditorContext in real Chromium, on the fixture test/fixtures/wechat/editor: the page shows
 * what it was told (bindinput's detail.text and html, focus, statuschange's formats, each context method's
 * result) with setData, and the test reads those and the editor's own rendering.
 */

test.describe.configure({ timeout: 180_000 });

const APP_ID = 'wxeditor00000001';

test.beforeEach(async ({ host }) => installFixture(host, APP_ID, 'editor'));

async function openEditor(shell: { launch(appId: string): Promise<import('@playwright/test').FrameLocator> }): Promise<{ page: Locator; editor: Locator }> {
  const app = await shell.launch(APP_ID);
  const page = visiblePage(app);
  // bindready came, and its SelectorQuery .context() handed the page an EditorContext
  await expect(page.locator('#ready')).toHaveText('ready {}', { timeout: 30_000 });
  return { page, editor: page.locator('#e .ql-editor') };
}

const result = (page: Locator) => page.locator('#result');

test('placeholder while empty; typed text in bindinput; Ctrl+B bold; Ctrl+Z / Ctrl+Y; focus detail; Quill loaded for this page only', async ({ shell }) => {
  const { page, editor } = await openEditor(shell);
  // Quill came as the runtime's own separate script, not inside view.js
  expect(await page.evaluate(() => [...document.scripts].map((s) => new URL(s.src || location.href).pathname).filter((p) => p.startsWith('/__wx/runtime/')).sort())).toEqual([
    '/__wx/runtime/editor.js',
    '/__wx/runtime/view.js',
  ]);
  // with the runtime's build in its URL, as view.js, so the host serves it cacheable for good
  const builds = await page.evaluate(() => [...document.scripts].filter((s) => s.src.includes('/__wx/runtime/')).map((s) => new URL(s.src).searchParams.get('v')));
  expect(builds[0]).toBeTruthy();
  expect(new Set(builds).size).toBe(1);

  // the placeholder is drawn while the editor is empty
  await expect(editor).toHaveClass(/ql-blank/);
  expect(await editor.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"Write your note here"');

  await editor.click();
  await expect(page.locator('#focus')).toHaveText('focus:["delta","html","text"]');
  await shell.page.keyboard.type('Hello ');
  await expect(page.locator('#input-text')).toHaveText('Hello');
  await expect(editor).not.toHaveClass(/ql-blank/);
  expect(await editor.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('none');

  await shell.page.keyboard.press('Control+B');
  await shell.page.keyboard.type('strong');
  await expect(editor.locator('strong')).toHaveText('strong');
  await expect(page.locator('#html')).toHaveText('<p>Hello <strong>strong</strong></p>');
  // the formats under the cursor, as a toolbar shows them
  await expect(page.locator('#status')).toHaveText('{"bold":true}');
  await expect(page.locator('#e')).toHaveCSS('outline-style', 'solid');
  await page.screenshot({ path: 'test-results/web/editor-typed.png' });

  await shell.page.keyboard.press('Control+Z');
  await expect(editor.locator('strong')).toHaveCount(0);
  await shell.page.keyboard.press('Control+Y');
  await expect(editor.locator('strong')).toHaveText('strong');

  // selecting the line changes the formats at the selection (statuschange); the page then asks for the selected text
  await shell.page.keyboard.press('Shift+Home');
  await expect(page.locator('#status')).toHaveText('{}');
  await expect(page.locator('#selected')).toHaveText('Hello strong');
  await shell.page.keyboard.press('End');

  await page.locator('#get').click();
  await expect(result(page)).toHaveText('getContents:ok');
  await expect(page.locator('#html')).toHaveText('<p>Hello <strong>strong</strong></p>');
  await expect(page.locator('#focus')).toHaveText('blur');

  // Tab types a tab inside the editor; Escape leaves it (no keyboard trap), with bindblur
  await editor.click();
  await expect(page.locator('#focus')).toHaveText(/^focus:/);
  await shell.page.keyboard.press('Tab');
  await expect.poll(() => page.locator('#input-text').textContent()).toContain('strong\t');
  await shell.page.keyboard.press('Escape');
  await expect(page.locator('#focus')).toHaveText('blur');
  expect(await editor.evaluate((el) => el.contains(document.activeElement))).toBe(false);
});

test('context methods: format header, insertText, insertImage, insertDivider, setContents (delta wins over html), getContents, a refused insertImage', async ({ shell }) => {
  const { page, editor } = await openEditor(shell);
  await editor.click();
  await shell.page.keyboard.type('Title line');

  await page.locator('#h2').click();
  await expect(editor.locator('h2')).toHaveText('Title line');
  await expect(page.locator('#status')).toHaveText('{"header":2}');
  // the same format again takes it off, as WeChat documents
  await page.locator('#h2').click();
  await expect(editor.locator('h2')).toHaveCount(0);
  await expect(page.locator('#status')).toHaveText('{}');
  await page.locator('#h2').click();
  await expect(editor.locator('h2')).toHaveText('Title line');

  await page.locator('#insert').click();
  await expect(result(page)).toHaveText('{"errMsg":"insertText:ok"}');
  await expect(editor.locator('h2')).toHaveText('Title line inserted');

  await page.locator('#image').click();
  await expect(result(page)).toHaveText('{"errMsg":"insertImage:ok"}');
  const image = editor.locator('img');
  await expect(image).toHaveAttribute('width', '40px');
  await expect(image).toHaveAttribute('alt', 'dot');
  await expect(image).toHaveAttribute('class', 'pic');
  await expect(image).toHaveAttribute('data-custom', 'id=7;kind=dot');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40);

  await page.locator('#divider').click();
  await expect(result(page)).toHaveText('{"errMsg":"insertDivider:ok"}');
  await expect(editor.locator('hr')).toHaveCount(1);

  await page.locator('#get').click();
  await expect(result(page)).toHaveText('getContents:ok');
  await expect(page.locator('#html')).toHaveText(/^<h2>Title line inserted<img [^>]*src="\/images\/dot\.svg"[^>]*><\/h2><hr><h2><\/h2>$/);

  await page.locator('#set-delta').click();
  await expect(result(page)).toHaveText('{"errMsg":"setContents:ok"}');
  await expect(editor.locator('h3')).toHaveText('From delta');
  await expect(editor).not.toContainText('ignored');

  await page.locator('#bad-image').click();
  await expect(result(page)).toHaveText('fail {"errMsg":"insertImage:fail parameter error: parameter.src should be String instead of Undefined;"}');

  await page.locator('#clear').click();
  await expect(result(page)).toHaveText('{"errMsg":"clear:ok"}');
  await expect(editor).toHaveClass(/ql-blank/);
});

test('setContents({ html }) keeps the content and drops scripts, handlers, frames and javascript: links', async ({ shell }) => {
  const { page, editor } = await openEditor(shell);
  await page.locator('#set-html').click();
  await expect(result(page)).toHaveText('{"errMsg":"setContents:ok"}');
  await expect(editor.locator('h1')).toHaveText('Title');
  await expect(editor.locator('strong')).toHaveText('bold');
  await expect(editor.locator('script, iframe, [onerror]')).toHaveCount(0);
  await expect(editor.locator('a[href^="javascript:"]')).toHaveCount(0);
  // give a handler or frame that slipped through the time to run
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();

  await page.locator('#get').click();
  await expect(result(page)).toHaveText('getContents:ok');
  const html = (await page.locator('#html').textContent()) ?? '';
  expect(html).toContain('<h1>Title</h1>');
  expect(html).not.toMatch(/script|onerror|javascript:|iframe/i);
});

test('read-only: content set by the context shows, typing changes nothing and sends no bindinput', async ({ shell }) => {
  const { page } = await openEditor(shell);
  const readOnly = page.locator('#ro .ql-editor');
  await expect(page.locator('#ro-result')).toHaveText('setContents:ok');
  await expect(readOnly).toHaveText('Shown read-only');
  await expect(readOnly).toHaveAttribute('contenteditable', 'false');
  await readOnly.click();
  await shell.page.keyboard.type('xyz');
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  await expect(readOnly).toHaveText('Shown read-only');
  await expect(page.locator('#ro-result')).toHaveText('setContents:ok');
});

test('screenshot: formatted content with the focus ring and an image selected with its size and resize handle', async ({ shell }) => {
  const { page, editor } = await openEditor(shell);
  await editor.click();
  await shell.page.keyboard.type('Meeting notes');
  await page.locator('#h2').click();
  await shell.page.keyboard.press('End');
  await shell.page.keyboard.press('Enter');
  await shell.page.keyboard.type('Plain, ');
  await shell.page.keyboard.press('Control+B');
  await shell.page.keyboard.type('bold');
  await shell.page.keyboard.press('Control+B');
  await shell.page.keyboard.type(' and ');
  await shell.page.keyboard.press('Control+I');
  await shell.page.keyboard.type('italic');
  await shell.page.keyboard.press('Control+I');
  await shell.page.keyboard.press('Enter');
  await page.locator('#image').click();
  const image = editor.locator('img');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40);
  await image.click();
  await expect(page.locator('#e .wx-editor-image-size')).toHaveText('40 × 40');
  await expect(page.locator('#e .wx-editor-image-handle')).toBeVisible();
  await expect(page.locator('#e .wx-editor-image-toolbar button')).toHaveText('Delete');
  // the Delete button is on the image's line, beside it: not over the text of the line above
  const imageBox = (await image.boundingBox())!;
  const deleteBox = (await page.locator('#e .wx-editor-image-toolbar button').boundingBox())!;
  expect(deleteBox.y).toBeGreaterThanOrEqual(imageBox.y - 1);
  expect(deleteBox.x).toBeGreaterThanOrEqual(imageBox.x + imageBox.width);
  await editor.locator('h2').click();
  await expect(page.locator('#e')).toHaveCSS('outline-style', 'solid');
  await image.click();
  await page.screenshot({ path: 'test-results/web/editor-formatted.png' });

  // dragging the handle widens the image, and the change is the user's edit (in the delta, undoable)
  const handle = page.locator('#e .wx-editor-image-handle');
  const box = (await handle.boundingBox())!;
  await shell.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await shell.page.mouse.down();
  await shell.page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 4 });
  await shell.page.mouse.up();
  await expect(image).toHaveAttribute('width', '80');
  await expect(page.locator('#e .wx-editor-image-size')).toHaveText('80 × 80');
  await page.locator('#get').click();
  await expect(page.locator('#html')).toContainText('width="80"');

  // an image as wide as the editor leaves no room beside it: its Delete button moves inside its top-right corner
  await image.click();
  const wideFrom = (await handle.boundingBox())!;
  await shell.page.mouse.move(wideFrom.x + wideFrom.width / 2, wideFrom.y + wideFrom.height / 2);
  await shell.page.mouse.down();
  const editorBox = (await page.locator('#e').boundingBox())!;
  await shell.page.mouse.move(editorBox.x + editorBox.width - 2, wideFrom.y + wideFrom.height / 2, { steps: 4 });
  await shell.page.mouse.up();
  const wide = (await image.boundingBox())!;
  const inside = (await page.locator('#e .wx-editor-image-toolbar button').boundingBox())!;
  expect(inside.x + inside.width).toBeLessThanOrEqual(wide.x + wide.width);
  expect(inside.y).toBeGreaterThanOrEqual(wide.y);
  await page.screenshot({ path: 'test-results/web/editor-wide-image.png' });
});
