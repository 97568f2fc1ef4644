import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ViewHost } from '../../../core/contracts/services';
import type { ShellEvent } from '../../../core/contracts/shell-api';
import { createRuntime } from '../../../core/runtime';
import { memoryStore } from '../../support/memory-store';
import { manifest, tempDir, writePackage } from '../../support/packages';

/** WeChat v2 JSAPI MD5 paySign, written here independently of the platform. */
function md5PaySign(fields: Record<string, string>, payKey: string): string {
  const text = Object.keys(fields).sort().map((k) => `${k}=${fields[k]}`).join('&') + `&key=${payKey}`;
  return createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();
}

async function setup(promptTimeoutMs?: number) {
  const events: ShellEvent[] = [];
  const viewHost: ViewHost = { open: (id) => ({ url: `view:${id}` }), show() {}, hide() {}, close() {}, send() {} };
  const runtime = await createRuntime({
    store: memoryStore(),
    dataDir: await tempDir(),
    viewHost,
    emit: (e) => void events.push(e),
    host: { name: 'web', version: '0.1.0', platform: 'linux' },
    assetUrl: (a, p) => `${a}/${p}`,
    promptTimeoutMs,
  });
  const pkg = await writePackage(await tempDir(), {
    'icon.svg': '<svg/>',
    'manifest.json': JSON.stringify(manifest({ appId: 'shop', name: 'Shop', icon: 'icon.svg', permissions: { openApi: ['login', 'requestPayment'], customApi: [] } })),
    'index.html': '',
  });
  await runtime.service.handle('install', { source: pkg });
  await runtime.service.handle('launch', { appId: 'shop' });
  await runtime.service.handle('launch', { appId: 'shop' });
  const dev = runtime.shell.platform!.developerInfo('shop')!;
  const route = runtime.shell.platform!.serverRoutes().find((r) => r.path === '/v1/pay/unifiedorder')!;
  const order = await route.run({ appid: 'shop', secret: dev.appSecret, out_trade_no: 'T1', description: 'Tea', total_fee: 1234 });
  const prepayId = String(order.body['prepay_id']);
  const fields = { appId: 'shop', nonceStr: randomBytes(8).toString('hex'), package: `prepay_id=${prepayId}`, signType: 'MD5', timeStamp: '1700000000' };
  const pay = { v: 1, id: 7, api: 'requestPayment', params: { ...fields, paySign: md5PaySign(fields, dev.payKey), appId: 'someone-else' } };
  const nextSheet = () => events.filter((e): e is Extract<ShellEvent, { type: 'sheet' }> => e.type === 'sheet').at(-1);
  return { runtime, events, pay, nextSheet };
}

describe('runtime: a payment from a mini program view to the trusted sheet and back', () => {
  it('the payment sheet belongs to the calling view and shows the order, and confirming debits once', async () => {
    const { runtime, pay, nextSheet } = await setup();
    const before = runtime.shell.platform!.getWallet().balance;
    const response = runtime.dispatchFromView(1, pay);
    await expect.poll(() => nextSheet()).toBeDefined();
    const sheet = nextSheet()!;
    expect(sheet.viewId).toBe(1);
    expect(sheet.sheet).toMatchObject({ kind: 'payment', merchant: 'Shop', description: 'Tea', amount: 1234, app: { appId: 'shop', iconUrl: 'shop/icon.svg' } });
    await runtime.service.handle('answerSheet', { sheetId: sheet.sheetId, answer: { confirmed: true } });
    await expect(response).resolves.toEqual({ v: 1, id: 7, ok: true, result: { errMsg: 'requestPayment:ok' } });
    expect(runtime.shell.platform!.getWallet().balance).toBe(before - 1234);
  });

  it('a call that timed out closes its sheet, and a late "Pay" cannot debit the wallet', async () => {
    const { runtime, pay, nextSheet, events } = await setup(200);
    const before = runtime.shell.platform!.getWallet().balance;
    const response = await runtime.dispatchFromView(1, pay);
    expect(response).toMatchObject({ ok: false, errMsg: 'requestPayment:fail timeout', errno: 5 });
    const sheet = nextSheet()!;
    expect(events).toContainEqual({ type: 'sheetClosed', sheetId: sheet.sheetId });
    await expect(runtime.service.handle('answerSheet', { sheetId: sheet.sheetId, answer: { confirmed: true } })).rejects.toThrow('no longer waiting');
    expect(runtime.shell.platform!.getWallet().balance).toBe(before);
  });

  it('a message from a view that is not open is refused without reaching a handler', async () => {
    const { runtime, pay } = await setup();
    await expect(runtime.dispatchFromView(99, pay)).resolves.toEqual({ v: 1, id: 7, ok: false, errMsg: 'bridge:fail this view is closed; relaunch the mini program' });
  });
});
