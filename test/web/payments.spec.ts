import { expect, test, yuan } from './fixtures';

/**
 * Real money paths: the Tea Shop's backend creates and signs the order, the shell shows the trusted
 * payment sheet, the wallet in Settings and the merchant's server-side order status tell the outcome.
 */

test('confirming a payment debits the wallet once and the merchant server sees SUCCESS', async ({ shell, page }) => {
  const before = await shell.walletBalance();
  const rowsBefore = await page.getByTestId('payment-row').count();

  const app = await shell.launch('shop');
  await expect(app.getByTestId('signin-status')).toHaveText(/^Signed in as/);
  await app.locator('[data-testid="buy"][data-product-id="oolong"]').click();

  const sheet = shell.sheet('payment');
  await expect(sheet.getByTestId('sheet-merchant')).toContainText('Tea Shop');
  await expect(sheet.getByTestId('sheet-description')).toHaveText('Tieguanyin oolong, 100 g');
  await expect(sheet.getByTestId('sheet-amount')).toHaveText('¥12.34');
  await expect(sheet.getByTestId('sheet-balance')).toContainText(yuan(before));
  await sheet.getByTestId('sheet-confirm').click();
  await expect(sheet).toBeHidden();

  await expect(app.getByTestId('pay-result')).toHaveText('requestPayment:ok');
  await expect(app.getByTestId('order-status')).toHaveText('SUCCESS');
  // the platform's signed "paid" notification reached the merchant backend and verified
  await expect(app.getByTestId('order-notified')).toHaveText('yes');

  // Replaying the very same signed params cannot charge twice.
  const frame = await shell.appFrame('shop');
  const replay = await frame.evaluate(async () => {
    const raw = JSON.parse(document.querySelector('[data-testid="pay-raw"]')!.textContent!) as { order: { payment: Record<string, unknown> } };
    const wx = (window as unknown as { wx: { requestPayment(p: unknown): Promise<unknown> } }).wx;
    return wx.requestPayment(raw.order.payment).then(
      (ok) => ok as { errMsg: string },
      (err) => err as { errMsg: string },
    );
  });
  expect(replay.errMsg).toBe('requestPayment:fail order paid');
  await expect(shell.sheet('payment')).toHaveCount(0);

  expect(await shell.walletBalance()).toBe(before - 1234);
  await expect(page.getByTestId('payment-row')).toHaveCount(rowsBefore + 1);
  await expect(page.getByTestId('payment-row').filter({ hasText: 'Tieguanyin oolong' })).toHaveCount(1);
  await expect(page.getByTestId('payment-row').filter({ hasText: 'Tieguanyin oolong' })).toContainText('¥12.34');
});

test('cancelling a payment gives "requestPayment:fail cancel" and leaves wallet and order untouched', async ({ shell, page }) => {
  const before = await shell.walletBalance();
  const rowsBefore = await page.getByTestId('payment-row').count();

  const app = await shell.launch('shop');
  await expect(app.getByTestId('signin-status')).toHaveText(/^Signed in as/);
  await app.locator('[data-testid="buy"][data-product-id="teapot"]').click();
  const sheet = shell.sheet('payment');
  await expect(sheet.getByTestId('sheet-amount')).toHaveText('¥88.00');
  await sheet.getByTestId('sheet-cancel').click();

  await expect(app.getByTestId('pay-result')).toHaveText('requestPayment:fail cancel');
  await expect(app.getByTestId('order-status')).toHaveText('NOTPAY');
  expect(await shell.walletBalance()).toBe(before);
  await expect(page.getByTestId('payment-row')).toHaveCount(rowsBefore);
});

test('virtual payment for coins (short_series_coin) debits the platform price and credits the coins', async ({ shell }) => {
  const before = await shell.walletBalance();
  const app = await shell.launch('game-shop');
  await expect(app.getByTestId('signin-status')).toHaveText(/^Signed in as/);
  await app.locator('[data-testid="buy-coins"][data-item-id="coins-60"]').click();

  const sheet = shell.sheet('virtualPayment');
  await expect(sheet.getByTestId('sheet-quantity')).toContainText('60');
  await expect(sheet.getByTestId('sheet-amount')).toHaveText('¥6.00');
  await expect(sheet.getByTestId('sheet-balance')).toContainText(yuan(before));
  await sheet.getByTestId('sheet-confirm').click();

  await expect(app.getByTestId('vpay-result')).toHaveText('requestVirtualPayment:ok');
  await expect(app.getByTestId('vorder-status')).toHaveText('SUCCESS');
  await expect(app.getByTestId('coins')).toHaveText('60');
  expect(await shell.walletBalance()).toBe(before - 600);
});

test('virtual payment for goods (short_series_goods) charges goodsPrice; cancel gives errCode -2', async ({ shell }) => {
  const before = await shell.walletBalance();
  let app = await shell.launch('game-shop');
  await expect(app.getByTestId('signin-status')).toHaveText(/^Signed in as/);

  await app.locator('[data-testid="buy-goods"][data-item-id="oak-shield"]').click();
  const sheet = shell.sheet('virtualPayment');
  await expect(sheet.getByTestId('sheet-amount')).toHaveText('¥3.50');
  await sheet.getByTestId('sheet-cancel').click();
  await expect(app.getByTestId('vpay-result')).toHaveText('requestVirtualPayment:fail cancel');
  await expect(app.getByTestId('vpay-errcode')).toHaveText('-2');
  await expect(app.getByTestId('vorder-status')).toHaveText('NOT_FOUND');
  expect(await shell.walletBalance()).toBe(before);

  app = await shell.switchTo('game-shop');
  await app.locator('[data-testid="buy-goods"][data-item-id="crystal-sword"]').click();
  await expect(sheet.getByTestId('sheet-amount')).toHaveText('¥8.80');
  await expect(sheet.getByTestId('sheet-quantity')).toContainText('1');
  await sheet.getByTestId('sheet-confirm').click();
  await expect(app.getByTestId('vpay-result')).toHaveText('requestVirtualPayment:ok');
  await expect(app.getByTestId('vorder-status')).toHaveText('SUCCESS');
  await expect(app.getByTestId('goods-owned')).toHaveText('crystal-sword');
  expect(await shell.walletBalance()).toBe(before - 880);
});
