import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../../core/contracts/app';
import { APP_A, APP_B, deferred, setup, wx } from './harness';
import { virtualPaySig, virtualUserSignature } from './wechat-server-kit';

type H = ReturnType<typeof setup>;
type Mode = 'short_series_goods' | 'short_series_coin';

/** The merchant server's half: session_key from jscode2session, then signData signed twice. */
async function merchantSession(h: H, app: AppInfo = APP_A) {
  const { code } = await h.platform.login(app, {});
  const res = await h.server.get('/v1/sns/jscode2session', { appid: app.appId, secret: h.regs[app.appId]!.appSecret, js_code: code, grant_type: 'authorization_code' });
  return { sessionKey: res.body.session_key as string, openid: res.body.openid as string };
}

function signed(h: H, sessionKey: string, mode: Mode, data: Record<string, unknown>, app: AppInfo = APP_A) {
  const signData = JSON.stringify(data);
  return { signData, mode, paySig: virtualPaySig(h.regs[app.appId]!.appKey, signData), signature: virtualUserSignature(sessionKey, signData) };
}

const goods = (extra: Record<string, unknown> = {}) => ({
  offerId: 'offer-1',
  buyQuantity: 3,
  env: 0,
  currencyType: 'CNY',
  productId: 'sword-01',
  goodsPrice: 600,
  outTradeNo: 'V-1',
  attach: 'level=3',
  ...extra,
});
const coins = (extra: Record<string, unknown> = {}) => ({ offerId: 'offer-1', buyQuantity: 50, env: 0, currencyType: 'CNY', outTradeNo: 'C-1', ...extra });

const payVirtual = (h: H, params: ReturnType<typeof signed>, app: AppInfo = APP_A) =>
  wx('requestVirtualPayment', () => h.platform.requestVirtualPayment(app, params));

async function queryOrder(h: H, outTradeNo: string, app: AppInfo = APP_A) {
  return (await h.server.post('/v1/xpay/queryorder', { appid: app.appId, secret: h.regs[app.appId]!.appSecret, out_trade_no: outTradeNo })).body;
}

describe('wx.requestVirtualPayment', () => {
  it('short_series_goods: shows goodsPrice × buyQuantity, debits it once, and the server sees the order', async () => {
    const h = setup();
    const { sessionKey, openid } = await merchantSession(h);
    expect(await payVirtual(h, signed(h, sessionKey, 'short_series_goods', goods()))).toEqual({ errMsg: 'requestVirtualPayment:ok' });
    expect(h.prompter.sheets).toEqual([
      { kind: 'virtualPayment', app: { appId: 'shopA', name: 'Shop A' }, mode: 'short_series_goods', productId: 'sword-01', quantity: 3, amount: 1_800, balance: 100_000, outTradeNo: 'V-1' },
    ]);
    const wallet = h.platform.getWallet();
    expect(wallet.balance).toBe(100_000 - 1_800);
    expect(wallet.history).toMatchObject([{ kind: 'virtualPayment', outTradeNo: 'V-1', amount: 1_800, appId: 'shopA' }]);
    const q = await queryOrder(h, 'V-1');
    expect(q).toMatchObject({ errcode: 0, order: { out_trade_no: 'V-1', mode: 'short_series_goods', product_id: 'sword-01', buy_quantity: 3, total_fee: 1_800, trade_state: 'SUCCESS', openid, attach: 'level=3' } });
  });

  it('short_series_coin: charges 10 fen a coin and credits the coins to that app only', async () => {
    const h = setup();
    const { sessionKey, openid } = await merchantSession(h);
    expect((await payVirtual(h, signed(h, sessionKey, 'short_series_coin', coins()))).errMsg).toBe('requestVirtualPayment:ok');
    expect(h.platform.getWallet().balance).toBe(100_000 - 500);
    const balance = await h.server.post('/v1/xpay/query_user_balance', { appid: 'shopA', secret: h.regs.shopA!.appSecret, openid });
    expect(balance.body).toEqual({ errcode: 0, errmsg: 'ok', balance: 50 });
    const other = await merchantSession(h, APP_B);
    const bBalance = await h.server.post('/v1/xpay/query_user_balance', { appid: 'shopB', secret: h.regs.shopB!.appSecret, openid: other.openid });
    expect(bBalance.body.balance).toBe(0);
  });

  it('fails "paySig invalid" (-15006) for a paySig not made with the app key', async () => {
    const h = setup();
    const { sessionKey } = await merchantSession(h);
    const params = signed(h, sessionKey, 'short_series_coin', coins());
    const forged = { ...params, paySig: virtualPaySig(h.regs.shopB!.appKey, params.signData) };
    expect(await payVirtual(h, forged)).toEqual({ errMsg: 'requestVirtualPayment:fail paySig invalid', errCode: -15006 });
    // signData changed after signing (a bigger quantity): the paySig no longer matches
    const tampered = { ...params, signData: JSON.stringify(coins({ buyQuantity: 5_000 })) };
    expect((await payVirtual(h, tampered)).errCode).toBe(-15006);
    expect(h.prompter.sheets).toHaveLength(0);
  });

  it('fails "signature invalid" (-15005) with a stale session_key after a new wx.login', async () => {
    const h = setup();
    const { sessionKey: old } = await merchantSession(h);
    await merchantSession(h);
    expect(await payVirtual(h, signed(h, old, 'short_series_coin', coins()))).toEqual({ errMsg: 'requestVirtualPayment:fail signature invalid', errCode: -15005 });
    expect(h.platform.getWallet().balance).toBe(100_000);
  });

  it('fails with errCode -1 "login required" without a session', async () => {
    const h = setup();
    const params = signed(h, Buffer.alloc(16).toString('base64'), 'short_series_coin', coins());
    expect(await payVirtual(h, params)).toEqual({ errMsg: 'requestVirtualPayment:fail login required: call wx.login first', errCode: -1 });
  });

  it.each([
    ['not JSON', '{offerId:', /^requestVirtualPayment:fail invalid signData: it must be a JSON string/],
    ['a missing offerId', JSON.stringify({ buyQuantity: 1, env: 0, currencyType: 'CNY', outTradeNo: 'x' }), /invalid signData: offerId:/],
    ['a wrong currency', JSON.stringify(coins({ currencyType: 'USD' })), /invalid signData: currencyType:/],
    ['a zero buyQuantity', JSON.stringify(coins({ buyQuantity: 0 })), /invalid signData: buyQuantity:/],
  ])('fails with errCode -1 naming the field for %s', async (_what, signData, pattern) => {
    const h = setup();
    const { sessionKey } = await merchantSession(h);
    const res = await payVirtual(h, { signData, mode: 'short_series_coin', paySig: virtualPaySig(h.regs.shopA!.appKey, signData), signature: virtualUserSignature(sessionKey, signData) });
    expect(res.errCode).toBe(-1);
    expect(res.errMsg).toMatch(pattern);
  });

  it('fails with errCode -1 when short_series_goods lacks productId or goodsPrice', async () => {
    const h = setup();
    const { sessionKey } = await merchantSession(h);
    const noProduct = await payVirtual(h, signed(h, sessionKey, 'short_series_goods', goods({ productId: undefined })));
    expect(noProduct).toEqual({ errMsg: 'requestVirtualPayment:fail invalid signData: productId is required for mode short_series_goods', errCode: -1 });
    const noPrice = await payVirtual(h, signed(h, sessionKey, 'short_series_goods', goods({ goodsPrice: undefined })));
    expect(noPrice.errMsg).toContain('goodsPrice');
    expect(noPrice.errCode).toBe(-1);
  });

  it.each([
    ['a signed goods order (productId and goodsPrice)', {}, /productId, goodsPrice are not allowed for mode short_series_coin/],
    ['productId alone', { goodsPrice: undefined }, /productId is not allowed for mode short_series_coin/],
    ['goodsPrice alone', { productId: undefined }, /goodsPrice is not allowed for mode short_series_coin/],
  ])('fails with errCode -1 when short_series_coin carries %s, so a page cannot pay goods at the coin price', async (_what, extra, pattern) => {
    const h = setup();
    const { sessionKey } = await merchantSession(h);
    // the merchant signed a ¥18.00 goods order; the page only flips `mode`, which paySig does not cover
    const res = await payVirtual(h, signed(h, sessionKey, 'short_series_coin', goods(extra)));
    expect(res.errCode).toBe(-1);
    expect(res.errMsg).toMatch(/^requestVirtualPayment:fail invalid signData: /);
    expect(res.errMsg).toMatch(pattern);
    expect(h.prompter.sheets).toHaveLength(0);
    expect(h.platform.getWallet().balance).toBe(100_000);
    expect((await queryOrder(h, 'V-1')).errcode).toBe(40400);
  });

  it('records the mode on the order, so the merchant server sees what was paid for', async () => {
    const h = setup();
    const { sessionKey } = await merchantSession(h);
    await payVirtual(h, signed(h, sessionKey, 'short_series_coin', coins()));
    expect((await queryOrder(h, 'C-1')).order).toMatchObject({ mode: 'short_series_coin', buy_quantity: 50, total_fee: 500 });
    expect((await queryOrder(h, 'C-1')).order).not.toHaveProperty('product_id');
  });

  it('fails "cancel" (-2) on cancel, debits nothing, and the outTradeNo can be tried again', async () => {
    const h = setup();
    const { sessionKey } = await merchantSession(h);
    const params = signed(h, sessionKey, 'short_series_goods', goods());
    h.prompter.answerNext({ confirmed: false });
    expect(await payVirtual(h, params)).toEqual({ errMsg: 'requestVirtualPayment:fail cancel', errCode: -2 });
    expect(h.platform.getWallet().balance).toBe(100_000);
    expect((await queryOrder(h, 'V-1')).errcode).toBe(40400);
    expect((await payVirtual(h, params)).errMsg).toBe('requestVirtualPayment:ok');
  });

  it('fails "duplicate outTradeNo" (-1) on a repeat, and two concurrent requests debit once', async () => {
    const h = setup();
    const { sessionKey } = await merchantSession(h);
    const params = signed(h, sessionKey, 'short_series_goods', goods());
    const answer = deferred<{ confirmed: boolean }>();
    h.prompter.answerNext(() => answer.promise);
    const first = payVirtual(h, params);
    expect(await payVirtual(h, params)).toEqual({ errMsg: 'requestVirtualPayment:fail duplicate outTradeNo', errCode: -1 });
    answer.resolve({ confirmed: true });
    expect((await first).errMsg).toBe('requestVirtualPayment:ok');
    expect(await payVirtual(h, params)).toEqual({ errMsg: 'requestVirtualPayment:fail duplicate outTradeNo', errCode: -1 });
    expect(h.platform.getWallet().balance).toBe(100_000 - 1_800);
    expect(h.platform.getWallet().history).toHaveLength(1);
  });

  it('fails "insufficient balance" (-1) when the wallet is short', async () => {
    const h = setup();
    const { sessionKey } = await merchantSession(h);
    const res = await payVirtual(h, signed(h, sessionKey, 'short_series_goods', goods({ goodsPrice: 50_000, buyQuantity: 3 })));
    expect(res).toEqual({ errMsg: 'requestVirtualPayment:fail insufficient balance', errCode: -1 });
    expect(h.platform.getWallet().balance).toBe(100_000);
  });

  it("keeps one app's virtual orders from another app's server", async () => {
    const h = setup();
    const { sessionKey } = await merchantSession(h);
    await payVirtual(h, signed(h, sessionKey, 'short_series_coin', coins()));
    expect((await queryOrder(h, 'C-1', APP_B)).errcode).toBe(40400);
  });
});
