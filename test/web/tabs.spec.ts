import { expect, test } from './fixtures';

/** Several apps side by side: lifecycle events on tab switches, exit, and the keep-alive limit. */
const KEEP_ALIVE = 2;
test.use({ hostOptions: { keepAlive: KEEP_ALIVE } });

test('switching tabs sends onAppHide to the app left and onAppShow when it comes back', async ({ shell }) => {
  const showcase = await shell.launch('api-showcase');
  const hides = showcase.locator('[data-testid="lifecycle-entry"][data-event="appHide"]');
  const shows = showcase.locator('[data-testid="lifecycle-entry"][data-event="appShow"]');
  await expect(hides).toHaveCount(0);
  const showsAtStart = await shows.count();

  await shell.launch('custom-api');
  await expect(shell.tab('api-showcase')).toHaveAttribute('aria-selected', 'false');
  // hidden, not removed: the background app keeps running and hears about it
  await expect(shell.frameElement('api-showcase')).toBeHidden();
  await expect(hides).toHaveCount(1);
  await expect(shows).toHaveCount(showsAtStart);

  await shell.switchTo('api-showcase');
  await expect(shows).toHaveCount(showsAtStart + 1);
  await expect(showcase.getByTestId('lifecycle-entry').last()).toHaveAttribute('data-event', 'appShow');
  await expect(hides).toHaveCount(1);
});

test('exitMiniProgram closes the app\'s tab', async ({ shell }) => {
  const app = await shell.launch('api-showcase');
  // This button removes its own frame. Any Playwright action inside that frame (click, even dispatchEvent) waits
  // for an answer from the frame and can wait out its timeout once the frame is gone (seen in full runs), so the
  // click is scheduled by the page itself and the action returns before it happens.
  await app.getByTestId('promise-exitMiniProgram').evaluate((button) => {
    setTimeout(() => (button as HTMLElement).click(), 50);
  });
  await expect(shell.tab('api-showcase')).toHaveCount(0);
  await expect(shell.frameElement('api-showcase')).toHaveCount(0);
});

test(`with keep-alive ${KEEP_ALIVE}, opening ${KEEP_ALIVE + 2} apps closes the least recently used background one`, async ({ shell, page }) => {
  await shell.launch('api-showcase');
  await shell.launch('shop');
  await shell.launch('game-shop');
  await shell.switchTo('api-showcase'); // shop is now the least recently used
  await shell.launch('custom-api');

  await expect(shell.tab('shop')).toHaveCount(0);
  await expect(shell.frameElement('shop')).toHaveCount(0);
  for (const alive of ['api-showcase', 'game-shop', 'custom-api']) await expect(shell.tab(alive)).toHaveCount(1);
  await expect(page.getByTestId('tab')).toHaveCount(KEEP_ALIVE + 1);
  await expect(page.locator('iframe[data-testid="app-frame"]')).toHaveCount(KEEP_ALIVE + 1);

  // The evicted app starts afresh when launched again.
  const shop = await shell.launch('shop');
  await expect(shop.locator('#signin-status')).toHaveText(/^Signed in as/);
});
