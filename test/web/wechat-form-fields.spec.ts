import { expect, test } from './fixtures';
import { installFixture, visiblePage } from './wechat-fixture-install';

/**
 * Custom form fields (WeChat's built-in behaviors) in real Chromium: a component library's kind of stepper
 * with 'wx://form-field' and an address block with 'wx://form-field-group', in a <form> with built-in inputs.
 * Before the shell resolved these names, the adapter threw on them and the page never rendered.
 */

test.describe.configure({ timeout: 240_000 });

const APP_ID = 'wxformfields001';

test.beforeEach(async ({ host }) => installFixture(host, APP_ID, 'form-fields'));

test('app.js start-up calls answer (update check, network type); a form submits built-in inputs and custom wx://form-field components, also inside a wx://form-field-group', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const page = visiblePage(app);
  await expect(page.locator('#cups-plus')).toBeVisible({ timeout: 30_000 });
  // app.js's start-up code ran in the real Worker: no update to install, the machine is online
  await expect(page.locator('#startup')).not.toHaveText('');
  expect(JSON.parse((await page.locator('#startup').textContent()) ?? 'null')).toEqual({ update: { hasUpdate: false }, network: 'wifi' });

  await page.locator('#name input').pressSequentially('Mei');
  await page.locator('#cups-plus').click();
  await page.locator('#cups-plus').click();
  await expect(page.locator('#cups-count')).toHaveText('3');
  await page.locator('#floor-minus').click();
  await expect(page.locator('#floor-count')).toHaveText('2');
  await page.locator('#street input').pressSequentially('Rua 1');
  await page.locator('#send').click();

  await expect(page.locator('#log')).not.toHaveText('');
  expect(JSON.parse((await page.locator('#log').textContent()) ?? 'null')).toEqual({ name: 'Mei', street: 'Rua 1', cups: 3, floor: 2 });
});
