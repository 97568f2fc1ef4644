import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ShellCommandError } from '../../../core/contracts/services';
import { DataUnavailableError } from '../../../core/persistence/data-errors';
import type { ShellEvent } from '../../../core/contracts/shell-api';
import { memoryData } from '../../support/memory-data';
import { memoryStore } from '../../support/memory-store';
import { manifest, tempDir, writePackage } from '../../support/packages';
import { testRuntime } from '../../support/test-runtime';

/** WeChat v2 JSAPI MD5 paySign, written here independently of the platform. */
function md5PaySign(fields: Record<string, string>, payKey: string): string {
  const text = Object.keys(fields).sort().map((k) => `${k}=${fields[k]}`).join('&') + `&key=${payKey}`;
  return createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();
}

async function setup(promptTimeoutMs?: number) {
  const { runtime, events } = await testRuntime(promptTimeoutMs === undefined ? {} : { promptTimeoutMs });
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

describe('runtime: an appId that names an Object.prototype member', () => {
  it('starts on a data folder where an older version installed "constructor", leaving that app out', async () => {
    const dataDir = await tempDir();
    const store = memoryStore({ catalog: [{ appId: 'constructor', installedAt: 1, dev: false }] });
    await writePackage(join(dataDir, 'apps', 'constructor'), { 'manifest.json': JSON.stringify(manifest({ appId: 'constructor' })), 'index.html': '' });
    const start = async () => (await testRuntime({ store, dataDir })).runtime;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const runtime = await start();
    expect(runtime.catalog.list()).toEqual([]);
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/skipping constructor: .*appId "constructor" is reserved/));
    // and again: nothing half-written by the first start stops the next one
    expect((await start()).catalog.list()).toEqual([]);
    errors.mockRestore();
  });
});

describe('runtime: a package from another developer that claims an installed appId', () => {
  it("cannot take over the installed app's storage, grants and keys; after an uninstall it starts clean with new keys", async () => {
    const { runtime } = await testRuntime();
    const pkg = async (name: string, developer: { id: string; name: string }) =>
      writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest({ appId: 'shop', name, developer, permissions: { openApi: ['login', 'getUserInfo'], customApi: [] } })), 'index.html': '' });
    await runtime.service.handle('install', { source: await pkg('Tea Shop', { id: 'tea-corp', name: 'Tea Corp' }) });
    const tea = (await runtime.service.handle('launch', { appId: 'shop' })) as { viewId: number };
    await runtime.dispatchFromView(tea.viewId, { v: 1, id: 1, api: 'setStorage', params: { key: 'backendToken', data: 'SECRET-SESSION' } });
    runtime.shell.ledger.decide('shop', 'scope.userInfo', true, 'authorize');
    const teaKeys = runtime.shell.platform!.developerInfo('shop')!;
    await runtime.service.handle('close', { viewId: tea.viewId });

    await expect(runtime.service.handle('install', { source: await pkg('Free Game', { id: 'evil-inc', name: 'Evil' }) })).rejects.toThrow(
      /already installed as "Tea Shop" from developer "tea-corp"/,
    );
    expect(runtime.catalog.list().map((e) => [e.appId, e.name])).toEqual([['shop', 'Tea Shop']]);
    expect(runtime.shell.platform!.developerInfo('shop')).toEqual(teaKeys);

    await runtime.service.handle('uninstall', { appId: 'shop' });
    await runtime.service.handle('install', { source: await pkg('Free Game', { id: 'evil-inc', name: 'Evil' }) });
    const game = (await runtime.service.handle('launch', { appId: 'shop' })) as { viewId: number };
    expect(await runtime.dispatchFromView(game.viewId, { v: 1, id: 2, api: 'getStorage', params: { key: 'backendToken' } })).toMatchObject({ ok: false });
    expect(await runtime.dispatchFromView(game.viewId, { v: 1, id: 3, api: 'getSetting', params: {} })).toMatchObject({ ok: true, result: { authSetting: {} } });
    // the keys were Tea Corp's (its merchant server holds them): the new developer gets its own
    const gameKeys = runtime.shell.platform!.developerInfo('shop')!;
    // an unsigned package's developer identity is kept apart from any developer that declares the same id (core/catalog/publisher.ts)
    expect(gameKeys.developerId).toBe('unsigned:evil-inc');
    for (const key of ['appSecret', 'payKey', 'appKey'] as const) expect(gameKeys[key]).not.toBe(teaKeys[key]);
  });
});

describe('runtime: the data folder fills up', () => {
  it('the app gets a clear errMsg, the user one clear sentence, a shell command a clear error, and nothing saved before is lost', async () => {
    const data = memoryData();
    const { runtime, events } = await testRuntime({ data });
    const pkg = await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest({ appId: 'notes', name: 'Notes' })), 'index.html': '' });
    await runtime.service.handle('install', { source: pkg });
    await runtime.service.handle('launch', { appId: 'notes' });
    const set = (id: number, key: string, value: string) => runtime.dispatchFromView(1, { v: 1, id, api: 'setStorage', params: { key, data: value } });
    expect(await set(1, 'saved', 'kept')).toMatchObject({ ok: true });

    data.freezeSizeForFaultInjection();
    const big = 'x'.repeat(200_000);
    expect(await set(2, 'a', big)).toEqual({ v: 1, id: 2, ok: false, errMsg: 'setStorage:fail disk full: the shell could not save this, nothing was changed' });
    expect(await set(3, 'b', big)).toMatchObject({ ok: false });
    const troubles = events.filter((e) => e.type === 'dataTrouble');
    expect(troubles).toEqual([
      { type: 'dataTrouble', message: expect.stringMatching(/^Superapp Shell cannot save: the disk that holds its data folder \(memory\) is full .*Free some space; everything saved before is safe\.$/) },
    ]);
    // a shell command whose write fails says so in the user's words (here the folder turned read-only)
    data.set = () => {
      throw new DataUnavailableError('readOnly', '/home/u/.config/superapp', 'attempt to write a readonly database');
    };
    const profile = await runtime.service.handle('updateProfile', { nickName: 'Ada' }).catch((e: unknown) => e);
    expect(profile).toBeInstanceOf(ShellCommandError);
    expect((profile as ShellCommandError).message).toBe(
      'Superapp Shell cannot save: its data folder (/home/u/.config/superapp) is read-only (attempt to write a readonly database). Make it writable again; everything saved before is safe.',
    );
    expect(runtime.shell.platform!.getProfile().nickName).not.toBe('Ada');
    expect(await runtime.dispatchFromView(1, { v: 1, id: 4, api: 'getStorage', params: { key: 'saved' } })).toMatchObject({ ok: true, result: { data: 'kept' } });
  });
});
