import { expect, test, yuan } from './fixtures';

/** Launch to signed in: Worker start, bundle, first render, then wx.login and the backend; generous on a loaded machine. */
const SIGNED_IN = { timeout: 30_000 };

/**
 * Real money paths, through the WeChat-format samples (examples/tea-shop, examples/pixel-quest): their
 * pages run in the mini program runtime, reach their merchant backends with wx.request, and pay with
 * wx.requestPayment / wx.requestVirtualPayment. The backend creates and signs each order, the shell shows
 * the trusted sheet, the wallet in Settings and the merchant's server-side status tell the outcome.
 * The samples' WXML gives ids to what a user reads and presses; the runtime writes ids to the DOM.
 */

test.describe.configure({ timeout: 120_000 });

test('confirming a payment debits the wallet once and the merchant server sees SUCCESS', async ({ shell, page }) => {
  const before = await shell.walletBalance();
  const rowsBefore = await page.getByTestId('payment-row').count();

  const app = await shell.launch('shop');
  await expect(app.locator('#signin-status')).toHaveText(/^Signed in as/, SIGNED_IN);
  await app.locator('#buy-oolong').click();

  const sheet = shell.sheet('payment');
  await expect(sheet.getByTestId('sheet-merchant')).toContainText('Tea Shop');
  await expect(sheet.getByTestId('sheet-description')).toHaveText('Tieguanyin oolong, 100 g');
  await expect(sheet.getByTestId('sheet-amount')).toHaveText('¥12.34');
  await expect(sheet.getByTestId('sheet-balance')).toContainText(yuan(before));
  await sheet.getByTestId('sheet-confirm').click();
  await expect(sheet).toBeHidden();

  // the order page (navigateTo from the shop) shows the payment and the order as the server sees it
  await expect(app.getByRole('heading', { name: 'Your order' })).toBeVisible();
  await expect(app.locator('#pay-result')).toHaveText('requestPayment:ok');
  await expect(app.locator('#order-status')).toHaveText('SUCCESS');
  // the platform's signed "paid" notification reached the merchant backend and verified
  await expect(app.locator('#order-notified')).toHaveText('yes');
  await expect(app.locator('#order-pay')).toHaveCount(0);
  const orderNo = await app.locator('#order-no').textContent();

  // Replaying the very same signed params cannot charge twice.
  const frame = await shell.appFrame('shop');
  const replay = await frame.evaluate(async () => {
    const raw = JSON.parse(document.querySelector('#pay-raw')!.textContent!) as { order: { payment: Record<string, unknown> } };
    const wx = (window as unknown as { wx: { requestPayment(p: unknown): Promise<unknown> } }).wx;
    return wx.requestPayment(raw.order.payment).then(
      (ok) => ok as { errMsg: string },
      (err) => err as { errMsg: string },
    );
  });
  expect(replay.errMsg).toBe('requestPayment:fail order paid');
  await expect(shell.sheet('payment')).toHaveCount(0);

  // back to the shop, then the "My orders" tab lists the paid order
  await app.getByRole('button', { name: 'Back' }).click();
  await app.getByRole('tab', { name: 'My orders' }).click();
  await expect(app.locator(`#order-${orderNo}`)).toContainText('SUCCESS');
  await expect(app.locator(`#order-${orderNo}`)).toContainText('¥12.34');

  expect(await shell.walletBalance()).toBe(before - 1234);
  await expect(page.getByTestId('payment-row')).toHaveCount(rowsBefore + 1);
  await expect(page.getByTestId('payment-row').filter({ hasText: 'Tieguanyin oolong' })).toHaveCount(1);
  await expect(page.getByTestId('payment-row').filter({ hasText: 'Tieguanyin oolong' })).toContainText('¥12.34');
});

test('cancelling a payment gives "requestPayment:fail cancel" and leaves wallet and order untouched; the order can be paid later', async ({ shell, page }) => {
  const before = await shell.walletBalance();
  const rowsBefore = await page.getByTestId('payment-row').count();

  const app = await shell.launch('shop');
  await expect(app.locator('#signin-status')).toHaveText(/^Signed in as/, SIGNED_IN);
  await app.locator('#buy-teapot').click();
  const sheet = shell.sheet('payment');
  await expect(sheet.getByTestId('sheet-amount')).toHaveText('¥88.00');
  await sheet.getByTestId('sheet-cancel').click();

  await expect(app.locator('#pay-result')).toHaveText('requestPayment:fail cancel');
  await expect(app.locator('#order-status')).toHaveText('NOTPAY');
  expect(await shell.walletBalance()).toBe(before);
  await expect(page.getByTestId('payment-row')).toHaveCount(rowsBefore);

  // the same order, paid from its page with the same signed params
  await shell.switchTo('shop');
  await app.locator('#order-pay').click();
  await expect(sheet.getByTestId('sheet-amount')).toHaveText('¥88.00');
  await sheet.getByTestId('sheet-confirm').click();
  await expect(app.locator('#pay-result')).toHaveText('requestPayment:ok');
  await expect(app.locator('#order-status')).toHaveText('SUCCESS');
  expect(await shell.walletBalance()).toBe(before - 8800);
});

test('virtual payment for coins (short_series_coin) debits the platform price and credits the coins', async ({ shell }) => {
  const before = await shell.walletBalance();
  const app = await shell.launch('game-shop');
  await expect(app.locator('#signin-status')).toHaveText(/^Signed in as/, SIGNED_IN);
  await app.locator('#buy-coins-60').click();

  const sheet = shell.sheet('virtualPayment');
  await expect(sheet.getByTestId('sheet-quantity')).toContainText('60');
  await expect(sheet.getByTestId('sheet-amount')).toHaveText('¥6.00');
  await expect(sheet.getByTestId('sheet-balance')).toContainText(yuan(before));
  await sheet.getByTestId('sheet-confirm').click();

  await expect(app.locator('#vpay-result')).toHaveText('requestVirtualPayment:ok');
  await expect(app.locator('#vorder-status')).toHaveText('SUCCESS');
  await expect(app.locator('#coins')).toHaveText('60');
  await expect(app.locator('#verdict')).toHaveText('Delivered to your bag.');
  expect(await shell.walletBalance()).toBe(before - 600);
});

test('virtual payment for goods (short_series_goods) charges goodsPrice; cancel gives errCode -2', async ({ shell }) => {
  const before = await shell.walletBalance();
  let app = await shell.launch('game-shop');
  await expect(app.locator('#signin-status')).toHaveText(/^Signed in as/, SIGNED_IN);

  await app.locator('#buy-oak-shield').click();
  const sheet = shell.sheet('virtualPayment');
  await expect(sheet.getByTestId('sheet-amount')).toHaveText('¥3.50');
  await sheet.getByTestId('sheet-cancel').click();
  await expect(app.locator('#vpay-result')).toHaveText('requestVirtualPayment:fail cancel');
  await expect(app.locator('#vpay-errcode')).toHaveText('-2');
  await expect(app.locator('#vorder-status')).toHaveText('NOT_FOUND');
  expect(await shell.walletBalance()).toBe(before);

  app = await shell.switchTo('game-shop');
  await app.locator('#buy-crystal-sword').click();
  await expect(sheet.getByTestId('sheet-amount')).toHaveText('¥8.80');
  await expect(sheet.getByTestId('sheet-quantity')).toContainText('1');
  await sheet.getByTestId('sheet-confirm').click();
  await expect(app.locator('#vpay-result')).toHaveText('requestVirtualPayment:ok');
  await expect(app.locator('#vorder-status')).toHaveText('SUCCESS');
  await expect(app.locator('#goods-owned')).toHaveText('Crystal sword');
  expect(await shell.walletBalance()).toBe(before - 880);

  // the Bag tab shows what the server delivered
  app = await shell.switchTo('game-shop');
  await app.getByRole('tab', { name: 'Bag' }).click();
  await expect(app.getByText('Crystal sword', { exact: true }).last()).toBeVisible();
  await expect(app.locator('#bag-item-0')).toContainText('× 1');
});
