import type { FrameLocator, Locator } from '@playwright/test';
import { expect, type ShellPage, type TestHost } from './fixtures';
import { installFixture, visiblePage } from './wechat-fixture-install';

/**
 * What the gallery specs share: the component gallery project (test/fixtures/wechat/gallery) installed
 * through the browser host, opening one of its pages, and reading the JSON each page puts in #log.
 */
export const APP_ID = 'wxgallery0000001';

export async function installGallery(host: TestHost): Promise<void> {
  await installFixture(host, APP_ID, 'gallery');
}

export { visiblePage };

/** launches the gallery and opens the page behind the home page's `#to-<family>` (a navigator or a button) */
export async function open(shell: ShellPage, family: string, ready = '#log'): Promise<{ app: FrameLocator; page: Locator }> {
  const app = await shell.launch(APP_ID);
  // by keyboard (both take Enter): under heavy load a mouse click's input round trip on a freshly
  // launched frame has been seen to outlast the action timeout
  const link = visiblePage(app).locator(`#to-${family}`);
  // the first page of a fresh launch has been seen to take more than the 10 s action timeout under load
  await expect(link).toBeAttached({ timeout: 30_000 });
  await link.focus();
  await shell.page.keyboard.press('Enter');
  const page = visiblePage(app);
  await expect(page.locator(ready)).toBeAttached();
  return { app, page };
}

/** the JSON the page put in #log (waits until it is there) */
export async function lastLog(page: Locator, selector = '#log'): Promise<Record<string, unknown>> {
  await expect(page.locator(selector)).not.toHaveText('');
  return JSON.parse((await page.locator(selector).textContent()) ?? 'null') as Record<string, unknown>;
}

export async function logAfter(page: Locator, act: () => Promise<unknown>, selector = '#log'): Promise<Record<string, unknown>> {
  const before = (await page.locator(selector).textContent()) ?? '';
  await act();
  await expect(page.locator(selector)).not.toHaveText(before);
  return lastLog(page, selector);
}
