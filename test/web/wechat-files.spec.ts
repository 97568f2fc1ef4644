import { expect, test } from './fixtures';
import { installFixture, visiblePage } from './wechat-fixture-install';

/**
 * wx.getFileSystemManager() end to end in the browser host: a WeChat-format app (its logic in a Worker) keeps a
 * note in its own files across launches, and a web-format page's wx (window.wx) reads and writes binary data,
 * which another app cannot see.
 */
const NOTES = 'wxfilesnotes0001';

test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ host }) => installFixture(host, NOTES, 'files'));

/** the part of a page's wx these tests call, loosely typed as page code sees it */
type Wx = { getFileSystemManager(): { writeFile(options: object): void; readFile(options: object): void }; env: { USER_DATA_PATH: string } };

test('a WeChat-format app saves a note to a file and finds it again at its next launch', async ({ shell, host }) => {
  let page = visiblePage(await shell.launch(NOTES));
  await expect(page.locator('#saved')).toHaveText('(nothing yet)', { timeout: 30_000 });
  await page.locator('#draft input').fill('Buy oolong, 200 g');
  await page.locator('#save').click();
  await expect(page.locator('#status')).toHaveText('Saved');
  await expect(page.locator('#saved')).toHaveText('Buy oolong, 200 g');
  await expect(page.locator('#files')).toHaveText('note.txt · 17 B');
  await shell.page.screenshot({ path: test.info().outputPath('notes-saved.png') });

  await host.runtime.service.handle('close', { viewId: await shell.viewIdOf(NOTES) });
  page = visiblePage(await shell.launch(NOTES));
  await expect(page.locator('#saved')).toHaveText('Buy oolong, 200 g', { timeout: 30_000 });
});

test('a web-format page writes an ArrayBuffer and reads it back as one; another app does not see the file', async ({ shell }) => {
  await shell.launch('api-showcase');
  const a = await shell.appFrame('api-showcase');
  const read = await a.evaluate(
    () =>
      new Promise((resolve) => {
        const wx = (window as unknown as { wx: Wx }).wx;
        const fs = wx.getFileSystemManager();
        const filePath = `${wx.env.USER_DATA_PATH}/blob.bin`;
        fs.writeFile({
          filePath,
          data: new Uint8Array([0, 1, 254, 255]).buffer,
          success: () =>
            fs.readFile({
              filePath,
              success: (res: { data: ArrayBuffer }) => resolve({ isBuffer: res.data instanceof ArrayBuffer, bytes: [...new Uint8Array(res.data)] }),
            }),
          fail: resolve,
        });
      }),
  );
  expect(read).toEqual({ isBuffer: true, bytes: [0, 1, 254, 255] });

  await shell.launch('custom-api');
  const b = await shell.appFrame('custom-api');
  const seen = await b.evaluate(
    () =>
      new Promise((resolve) => {
        const wx = (window as unknown as { wx: Wx }).wx;
        wx.getFileSystemManager().readFile({ filePath: 'wxfile://usr/blob.bin', fail: resolve, success: () => resolve('read it') });
      }),
  );
  expect(seen).toEqual({ errMsg: 'readFile:fail no such file or directory, open wxfile://usr/blob.bin', errno: 1300002 });
});
