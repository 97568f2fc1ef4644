import { afterEach, describe, expect, it, vi } from 'vitest';
import { APP_A, APP_B, deferred, setup, T0, wx } from './harness';
import { jsapiPaySign } from './wechat-server-kit';

afterEach(() => vi.restoreAllMocks());

describe('accounts', () => {
  it('seeds a pleasant profile and a ¥1,000.00 wallet', () => {
    const h = setup();
    expect(h.platform.getProfile()).toMatchObject({ nickName: expect.stringMatching(/\S/), phoneNumber: '13800138000', countryCode: '86' });
    expect(h.platform.getWallet()).toEqual({ balance: 100_000, currency: 'CNY', history: [] });
  });

  it('updates the profile from a patch and keeps it across a restart', () => {
    const h = setup();
    expect(h.platform.updateProfile({ nickName: 'Lin', gender: 2 })).toMatchObject({ nickName: 'Lin', gender: 2, city: 'Shenzhen' });
    const restarted = setup({ store: h.store, clock: h.clock });
    expect(restarted.platform.getProfile()).toMatchObject({ nickName: 'Lin', gender: 2 });
  });

  it.each([
    [{ gender: 7 }, 'gender'],
    [{ nickName: '   ' }, 'nickName'],
    [{ phoneNumber: 'call me' }, 'phoneNumber'],
    [{ favouriteColour: 'blue' }, 'favouriteColour'],
  ])('refuses the bad patch %j, naming the field and changing nothing', (patch, field) => {
    const h = setup();
    const before = h.platform.getProfile();
    expect(() => h.platform.updateProfile(patch as never)).toThrow(new RegExp(`Profile not saved: .*${field}.*nothing was changed`));
    expect(h.platform.getProfile()).toEqual(before);
  });
});

describe('registrations', () => {
  it('creates secrets of the documented shapes and keeps them when the app is registered again', () => {
    const h = setup();
    const reg = h.regs.shopA!;
    expect(reg).toMatchObject({ appId: 'shopA', developerId: 'dev-acme' });
    expect(reg.appSecret).toMatch(/^[0-9a-f]{32}$/);
    expect(reg.appKey).toMatch(/^[0-9a-f]{32}$/);
    expect(reg.payKey).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(new Set([reg.appSecret, reg.appKey, reg.payKey, h.regs.shopB!.appSecret]).size).toBe(4);
    expect(h.platform.registerApp(APP_A)).toEqual(reg);
    expect(h.platform.developerInfo('shopA')).toEqual(reg);
    expect(h.platform.developerInfo('unknown')).toBeUndefined();
  });

  it('never hands a secret to a mini program', async () => {
    const h = setup();
    const results = [await h.platform.login(APP_A, {}), await h.platform.getUserInfo(APP_A, {}), await h.platform.getPhoneNumber(APP_A, {})];
    const seen = JSON.stringify(results) + JSON.stringify(h.prompter.sheets);
    for (const secret of [h.regs.shopA!.appSecret, h.regs.shopA!.payKey, h.regs.shopA!.appKey]) expect(seen).not.toContain(secret);
  });
});

describe('unregisterApp', () => {
  it('drops sessions, codes and unpaid orders, keeps paid history, and gives the same secrets on reinstall', async () => {
    const h = setup();
    const reg = h.regs.shopA!;
    const order = async (no: string) =>
      (await h.server.post('/v1/pay/unifiedorder', { appid: 'shopA', secret: reg.appSecret, out_trade_no: no, description: 'd', total_fee: 100 })).body.prepay_id as string;
    const paid = await order('PAID');
    const unpaid = await order('OPEN');
    const sign = (prepayId: string) => {
      const p = { appId: 'shopA', timeStamp: '1700000000', nonceStr: 'n', package: `prepay_id=${prepayId}`, signType: 'MD5' as const };
      return { ...p, paySign: jsapiPaySign(p, reg.payKey) };
    };
    await h.platform.requestPayment(APP_A, sign(paid));
    const { code } = await h.platform.login(APP_A, {});

    h.platform.unregisterApp('shopA');
    expect(h.platform.developerInfo('shopA')).toBeUndefined();
    expect((await wx('checkSession', () => h.platform.checkSession(APP_A, {}))).errMsg).toBe('checkSession:fail session expired');
    const exchange = await h.server.get('/v1/sns/jscode2session', { appid: 'shopA', secret: reg.appSecret, js_code: code, grant_type: 'authorization_code' });
    expect(exchange.body.errcode).toBe(40013);
    expect(h.platform.getWallet().history.map((r) => r.outTradeNo)).toEqual(['PAID']);

    expect(h.platform.registerApp(APP_A)).toEqual(reg);
    const query = (by: Record<string, string>) => h.server.post('/v1/pay/orderquery', { appid: 'shopA', secret: reg.appSecret, ...by });
    expect((await query({ out_trade_no: 'PAID' })).body.order.trade_state).toBe('SUCCESS');
    expect((await query({ prepay_id: unpaid })).body.errcode).toBe(40400);
    // the code issued before uninstall is gone too
    const again = await h.server.get('/v1/sns/jscode2session', { appid: 'shopA', secret: reg.appSecret, js_code: code, grant_type: 'authorization_code' });
    expect(again.body.errcode).toBe(40029);
  });

  it('an appId later installed by another developer inherits none of the old app: new keys, no orders, no coins', async () => {
    const h = setup();
    const reg = h.regs.shopA!;
    const prepayId = (await h.server.post('/v1/pay/unifiedorder', { appid: 'shopA', secret: reg.appSecret, out_trade_no: 'PAID', description: 'd', total_fee: 100 })).body.prepay_id;
    const p = { appId: 'shopA', timeStamp: '1700000000', nonceStr: 'n', package: `prepay_id=${prepayId}`, signType: 'MD5' as const };
    await h.platform.requestPayment(APP_A, { ...p, paySign: jsapiPaySign(p, reg.payKey) });
    h.platform.unregisterApp('shopA');

    const impostor = { ...APP_A, developerId: 'dev-mallory', developerName: 'Mallory' };
    const fresh = h.platform.registerApp(impostor);
    expect(fresh.appSecret).not.toBe(reg.appSecret);
    const query = await h.server.post('/v1/pay/orderquery', { appid: 'shopA', secret: fresh.appSecret, out_trade_no: 'PAID' });
    expect(query.body.errcode).toBe(40400);
    expect((await wx('checkSession', () => h.platform.checkSession(impostor, {}))).errMsg).toBe('checkSession:fail session expired');
    // the user's own record of the payment stays in the wallet
    expect(h.platform.getWallet().history.map((r) => r.outTradeNo)).toEqual(['PAID']);
  });

  it('makes a payment whose sheet was open during uninstall fail without a debit', async () => {
    const h = setup();
    const reg = h.regs.shopA!;
    const prepayId = (await h.server.post('/v1/pay/unifiedorder', { appid: 'shopA', secret: reg.appSecret, out_trade_no: 'O1', description: 'd', total_fee: 100 })).body.prepay_id;
    const p = { appId: 'shopA', timeStamp: '1700000000', nonceStr: 'n', package: `prepay_id=${prepayId}`, signType: 'HMAC-SHA256' as const };
    const answer = deferred<{ confirmed: boolean }>();
    h.prompter.answerNext(() => answer.promise);
    const paying = wx('requestPayment', () => h.platform.requestPayment(APP_A, { ...p, paySign: jsapiPaySign(p, reg.payKey) }));
    await vi.waitFor(() => expect(h.prompter.sheets).toHaveLength(1));
    h.platform.unregisterApp('shopA');
    answer.resolve({ confirmed: true });
    expect((await paying).errMsg).toBe('requestPayment:fail order not found');
    expect(h.platform.getWallet().balance).toBe(100_000);
  });
});

describe('persistence', () => {
  it('keeps openid, registrations and sessions across a restart on the same store', async () => {
    const h = setup();
    const exchange = async (p: ReturnType<typeof setup>) => {
      const { code } = await p.platform.login(APP_B, {});
      return (await p.server.get('/v1/sns/jscode2session', { appid: 'shopB', secret: h.regs.shopB!.appSecret, js_code: code, grant_type: 'authorization_code' })).body;
    };
    const before = await exchange(h);
    const restarted = setup({ store: h.store, clock: h.clock });
    expect(restarted.regs.shopB).toEqual(h.regs.shopB);
    const after = await exchange(restarted);
    expect(after.openid).toBe(before.openid);
    expect(after.unionid).toBe(before.unionid);
    for (const key of Object.keys(h.store.dump())) expect(key).not.toContain('.');
  });

  it('makes an order left "being paid" by a crashed run payable again after restart', async () => {
    const h = setup();
    const reg = h.regs.shopA!;
    await h.server.post('/v1/pay/unifiedorder', { appid: 'shopA', secret: reg.appSecret, out_trade_no: 'O1', description: 'd', total_fee: 100 });
    const orders = h.store.get('platform:orders') as Record<string, Record<string, { state: string }>>;
    orders.shopA!.O1!.state = 'USERPAYING';
    h.store.set('platform:orders', orders);
    const restarted = setup({ store: h.store, clock: h.clock });
    const q = await restarted.server.post('/v1/pay/orderquery', { appid: 'shopA', secret: reg.appSecret, out_trade_no: 'O1' });
    expect(q.body.order.trade_state).toBe('NOTPAY');
  });

  it('stops with an error naming the corrupt key instead of resetting it', async () => {
    const h = setup();
    h.store.set('platform:wallet', { balance: 'lots', history: [] });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const restarted = setup({ store: h.store, clock: h.clock });
    expect(() => restarted.platform.getWallet()).toThrow(/"platform:wallet" is corrupt \(balance: .*\)\. Nothing was changed/);
    expect(h.store.get('platform:wallet')).toEqual({ balance: 'lots', history: [] });
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('"platform:wallet" is corrupt'));
    // other parts keep working
    expect((await wx('login', () => restarted.platform.login(APP_B, {}))).errMsg).toBe('login:ok');
  });

  it('uses the injected clock for every time it records', async () => {
    const h = setup();
    h.clock.set(T0 + 123_000);
    await h.platform.login(APP_A, {});
    expect((h.store.get('platform:sessions') as Record<string, { issuedAt: number }>).shopA!.issuedAt).toBe(T0 + 123_000);
  });
});
