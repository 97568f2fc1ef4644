import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { postJsonNotifier } from '../../../../core/platform';
import type { AppInfo } from '../../../../core/contracts/app';
import { APP_A, APP_B, deferred, setup, T0, wx } from './harness';
import { jsapiPaySign, verifyNotifySign } from './wechat-server-kit';

type H = ReturnType<typeof setup>;

async function unifiedOrder(h: H, app: AppInfo, body: Record<string, unknown>) {
  return h.server.post('/v1/pay/unifiedorder', { appid: app.appId, secret: h.regs[app.appId]!.appSecret, ...body });
}

async function createOrder(h: H, app: AppInfo = APP_A, body: Record<string, unknown> = {}): Promise<string> {
  const res = await unifiedOrder(h, app, { out_trade_no: 'T1001', description: 'Coffee beans 500g', total_fee: 4_990, ...body });
  expect(res.body.errcode).toBe(0);
  return res.body.prepay_id;
}

/** What the merchant server hands to wx.requestPayment, signed with the payKey of `signer`. */
function payParams(h: H, prepayId: string, signType: 'MD5' | 'HMAC-SHA256' = 'HMAC-SHA256', signer: AppInfo = APP_A) {
  const p = { appId: signer.appId, timeStamp: String(Math.floor(T0 / 1000)), nonceStr: 'n0nce5tr', package: `prepay_id=${prepayId}`, signType };
  return { timeStamp: p.timeStamp, nonceStr: p.nonceStr, package: p.package, signType, paySign: jsapiPaySign(p, h.regs[signer.appId]!.payKey) };
}

async function orderQuery(h: H, app: AppInfo, by: Record<string, string>) {
  return (await h.server.post('/v1/pay/orderquery', { appid: app.appId, secret: h.regs[app.appId]!.appSecret, ...by })).body;
}

const pay = (h: H, app: AppInfo, params: ReturnType<typeof payParams>) => wx('requestPayment', () => h.platform.requestPayment(app, params));

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('wx.requestPayment', () => {
  it.each(['MD5', 'HMAC-SHA256'] as const)('accepts a %s paySign computed by the merchant, debits the wallet once and marks the order paid', async (signType) => {
    const h = setup();
    const prepayId = await createOrder(h);
    h.clock.advance(30_000);
    expect(await pay(h, APP_A, payParams(h, prepayId, signType))).toEqual({ errMsg: 'requestPayment:ok' });

    const wallet = h.platform.getWallet();
    expect(wallet.balance).toBe(100_000 - 4_990);
    expect(wallet.history).toEqual([
      { at: T0 + 30_000, appId: 'shopA', appName: 'Shop A', kind: 'payment', outTradeNo: 'T1001', description: 'Coffee beans 500g', amount: 4_990 },
    ]);
    const q = await orderQuery(h, APP_A, { out_trade_no: 'T1001' });
    expect(q.order).toMatchObject({ out_trade_no: 'T1001', prepay_id: prepayId, total_fee: 4_990, trade_state: 'SUCCESS', paid_at: Math.floor((T0 + 30_000) / 1000) });
    expect(q.order.openid).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuses a tampered paySign, a signature over other params, and one made with another app key or appId', async () => {
    const h = setup();
    const prepayId = await createOrder(h);
    const good = payParams(h, prepayId);
    const flipped = good.paySign.slice(0, -1) + (good.paySign.endsWith('A') ? 'B' : 'A');
    expect((await pay(h, APP_A, { ...good, paySign: flipped })).errMsg).toBe('requestPayment:fail invalid paySign');
    expect((await pay(h, APP_A, { ...good, nonceStr: 'other' })).errMsg).toBe('requestPayment:fail invalid paySign');
    expect((await pay(h, APP_A, { ...good, signType: 'MD5' })).errMsg).toBe('requestPayment:fail invalid paySign');
    // signed by app B's merchant (its appId and payKey) but presented by app A
    expect((await pay(h, APP_A, payParams(h, prepayId, 'HMAC-SHA256', APP_B))).errMsg).toBe('requestPayment:fail invalid paySign');
    expect(h.prompter.sheets).toHaveLength(0);
    expect(h.platform.getWallet().balance).toBe(100_000);
    expect((await orderQuery(h, APP_A, { prepay_id: prepayId })).order.trade_state).toBe('NOTPAY');
  });

  it("shows the order's amount and description in the sheet, never anything from the params", async () => {
    const h = setup();
    const prepayId = await createOrder(h, APP_A, { total_fee: 12_345, description: 'Tea set' });
    const params = { ...payParams(h, prepayId), total_fee: 1, amount: 1, description: 'Free stuff' } as ReturnType<typeof payParams>;
    await pay(h, APP_A, params);
    expect(h.prompter.sheets).toEqual([
      {
        kind: 'payment',
        app: { appId: 'shopA', name: 'Shop A' },
        merchant: 'Shop A',
        description: 'Tea set',
        amount: 12_345,
        currency: 'CNY',
        balance: 100_000,
        outTradeNo: 'T1001',
      },
    ]);
    expect(h.platform.getWallet().balance).toBe(100_000 - 12_345);
  });

  it('debits once when two requests for one order run at the same time, both confirmed', async () => {
    const h = setup();
    const prepayId = await createOrder(h);
    const params = payParams(h, prepayId);
    const results = await Promise.all([pay(h, APP_A, params), pay(h, APP_A, params)]);
    expect(results.map((r) => r.errMsg).sort()).toEqual(['requestPayment:fail order is being paid', 'requestPayment:ok']);
    expect(h.platform.getWallet().balance).toBe(100_000 - 4_990);
    expect(h.platform.getWallet().history).toHaveLength(1);
  });

  it('reports "order is being paid" while a sheet is open, then "order paid" after success', async () => {
    const h = setup();
    const prepayId = await createOrder(h);
    const params = payParams(h, prepayId);
    const answer = deferred<{ confirmed: boolean }>();
    h.prompter.answerNext(() => answer.promise);
    const first = pay(h, APP_A, params);
    await vi.waitFor(() => expect(h.prompter.sheets).toHaveLength(1));
    expect((await orderQuery(h, APP_A, { out_trade_no: 'T1001' })).order.trade_state).toBe('USERPAYING');
    expect((await pay(h, APP_A, params)).errMsg).toBe('requestPayment:fail order is being paid');
    answer.resolve({ confirmed: true });
    expect((await first).errMsg).toBe('requestPayment:ok');
    expect((await pay(h, APP_A, params)).errMsg).toBe('requestPayment:fail order paid');
    expect(h.prompter.sheets).toHaveLength(1);
    expect(h.platform.getWallet().balance).toBe(100_000 - 4_990);
  });

  it('leaves balance and order unpaid on cancel, and the order can still be paid afterwards', async () => {
    const h = setup();
    const prepayId = await createOrder(h);
    h.prompter.answerNext({ confirmed: false });
    expect(await pay(h, APP_A, payParams(h, prepayId))).toEqual({ errMsg: 'requestPayment:fail cancel' });
    expect(h.platform.getWallet()).toEqual({ balance: 100_000, currency: 'CNY', history: [] });
    expect((await orderQuery(h, APP_A, { out_trade_no: 'T1001' })).order.trade_state).toBe('NOTPAY');
    expect((await pay(h, APP_A, payParams(h, prepayId))).errMsg).toBe('requestPayment:ok');
  });

  it("never lets app B pay or see app A's order", async () => {
    const h = setup();
    const prepayId = await createOrder(h);
    // B signs correctly with its own key: the order is still not B's
    expect((await pay(h, APP_B, payParams(h, prepayId, 'HMAC-SHA256', APP_B))).errMsg).toBe('requestPayment:fail order not found');
    expect(await orderQuery(h, APP_B, { prepay_id: prepayId })).toEqual({ errcode: 40400, errmsg: 'order not found for this appid' });
    expect(await orderQuery(h, APP_B, { out_trade_no: 'T1001' })).toMatchObject({ errcode: 40400 });
    expect(h.prompter.sheets).toHaveLength(0);
    expect(h.platform.getWallet().balance).toBe(100_000);
  });

  it('fails "order expired" after expires_in, and orderquery shows CLOSED', async () => {
    const h = setup();
    const prepayId = await createOrder(h, APP_A, { expires_in: 600 });
    h.clock.advance(600_000);
    expect((await pay(h, APP_A, payParams(h, prepayId))).errMsg).toBe('requestPayment:fail order expired');
    expect((await orderQuery(h, APP_A, { out_trade_no: 'T1001' })).order.trade_state).toBe('CLOSED');
  });

  it('fails "insufficient balance" after confirm when the wallet is short, and the order stays payable', async () => {
    const h = setup();
    const prepayId = await createOrder(h, APP_A, { total_fee: 100_001 });
    expect((await pay(h, APP_A, payParams(h, prepayId))).errMsg).toBe('requestPayment:fail insufficient balance');
    expect(h.platform.getWallet().balance).toBe(100_000);
    expect((await orderQuery(h, APP_A, { out_trade_no: 'T1001' })).order.trade_state).toBe('NOTPAY');
  });

  it('fails "order not found" for an unknown prepay_id', async () => {
    const h = setup();
    expect((await pay(h, APP_A, payParams(h, 'wx0000'))).errMsg).toBe('requestPayment:fail order not found');
  });

  it('tells wallet listeners after a payment', async () => {
    const h = setup();
    const prepayId = await createOrder(h);
    const seen: number[] = [];
    const off = h.platform.onWalletChanged(() => seen.push(h.platform.getWallet().balance));
    await pay(h, APP_A, payParams(h, prepayId));
    off();
    expect(seen).toContain(100_000 - 4_990);
  });
});

describe('/v1/pay/unifiedorder', () => {
  it('refuses a reused out_trade_no with a clear errmsg', async () => {
    const h = setup();
    await createOrder(h);
    const again = await unifiedOrder(h, APP_A, { out_trade_no: 'T1001', description: 'x', total_fee: 1 });
    expect(again.status).toBe(200);
    expect(again.body.errcode).toBe(40409);
    expect(again.body.errmsg).toContain('"T1001" is already used');
    // another app may use the same number
    expect((await unifiedOrder(h, APP_B, { out_trade_no: 'T1001', description: 'x', total_fee: 1 })).body.errcode).toBe(0);
  });

  it.each([
    [{ total_fee: 0 }, 'total_fee'],
    [{ total_fee: 9.5 }, 'total_fee'],
    [{ total_fee: '100' }, 'total_fee'],
    [{ description: '' }, 'description'],
    [{ notify_url: 'https://example.com/notify' }, 'notify_url'],
    [{ notify_url: 'http://10.0.0.1/notify' }, 'notify_url'],
    [{ notify_url: 'http://localhost@evil.example/notify' }, 'notify_url'],
  ])('answers 400 naming the field for %j', async (patch, field) => {
    const h = setup();
    const res = await unifiedOrder(h, APP_A, { out_trade_no: 'T1', description: 'ok', total_fee: 100, ...patch });
    expect(res.status).toBe(400);
    expect(res.body.errcode).toBe(40097);
    expect(res.body.errmsg).toMatch(new RegExp(`^invalid args: ${field}:`));
  });

  it('accepts loopback notify URLs and refuses an openid that is not this app user', async () => {
    const h = setup();
    expect((await unifiedOrder(h, APP_A, { out_trade_no: 'L1', description: 'd', total_fee: 1, notify_url: 'http://127.0.0.1:8123/n' })).body.errcode).toBe(0);
    expect((await unifiedOrder(h, APP_A, { out_trade_no: 'L2', description: 'd', total_fee: 1, notify_url: 'http://localhost/n' })).body.errcode).toBe(0);
    expect((await unifiedOrder(h, APP_A, { out_trade_no: 'L3', description: 'd', total_fee: 1, openid: 'someone-else' })).body.errcode).toBe(40003);
  });

  it('authenticates the merchant', async () => {
    const h = setup();
    const wrong = await h.server.post('/v1/pay/unifiedorder', { appid: 'shopA', secret: 'f'.repeat(32), out_trade_no: 'X', description: 'd', total_fee: 1 });
    expect(wrong.body.errcode).toBe(40125);
    expect((await h.server.post('/v1/pay/orderquery', { appid: 'ghost', secret: 'x', out_trade_no: 'X' })).body.errcode).toBe(40013);
    expect((await h.server.post('/v1/pay/orderquery', { appid: 'shopA', secret: h.regs.shopA!.appSecret })).status).toBe(400);
  });
});

describe('merchant notification', () => {
  it('POSTs once to notify_url with a sign the merchant can verify, without holding up the mini program', async () => {
    const h0 = setup();
    const sent: Array<{ url: string; body: Record<string, unknown> }> = [];
    const delivered = deferred<void>();
    const h = setup({
      clock: h0.clock,
      notifier: async (url, body) => {
        sent.push({ url, body });
        await delivered.promise; // a slow merchant must not delay the payment result
      },
    });
    const prepayId = await createOrder(h, APP_A, { notify_url: 'http://127.0.0.1:9999/notify' });
    h.clock.advance(5_000);
    expect((await pay(h, APP_A, payParams(h, prepayId))).errMsg).toBe('requestPayment:ok');
    delivered.resolve();
    expect(sent).toHaveLength(1);
    const { url, body } = sent[0]!;
    expect(url).toBe('http://127.0.0.1:9999/notify');
    expect(body).toMatchObject({ out_trade_no: 'T1001', prepay_id: prepayId, total_fee: 4_990, trade_state: 'SUCCESS', paid_at: Math.floor((T0 + 5_000) / 1000) });
    const query = await orderQuery(h, APP_A, { out_trade_no: 'T1001' });
    expect(body.openid).toBe(query.order.openid);
    expect(verifyNotifySign(body, h.regs.shopA!.payKey)).toBe(true);
    expect(verifyNotifySign({ ...body, total_fee: 1 }, h.regs.shopA!.payKey)).toBe(false);
  });

  it('delivers over real HTTP to a merchant listening on loopback with the default notifier', async () => {
    const received = deferred<{ contentType: string | undefined; body: Record<string, unknown> }>();
    const merchant = createServer((req, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        res.end('{"code":"SUCCESS"}');
        received.resolve({ contentType: req.headers['content-type'], body: JSON.parse(text) });
      });
    });
    await new Promise<void>((r) => merchant.listen(0, '127.0.0.1', r));
    try {
      const port = (merchant.address() as AddressInfo).port;
      const h = setup({ notifier: postJsonNotifier });
      const prepayId = await createOrder(h, APP_A, { notify_url: `http://127.0.0.1:${port}/notify` });
      await pay(h, APP_A, payParams(h, prepayId));
      const { contentType, body } = await received.promise;
      expect(contentType).toBe('application/json');
      expect(body.out_trade_no).toBe('T1001');
      expect(verifyNotifySign(body, h.regs.shopA!.payKey)).toBe(true);
    } finally {
      merchant.close();
    }
  });

  it('retries a failing merchant a bounded number of times, logs it, and the order stays paid', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let calls = 0;
    const h = setup({
      notifier: async () => {
        calls++;
        throw new Error('connection refused');
      },
    });
    const prepayId = await createOrder(h, APP_A, { notify_url: 'http://localhost:1/notify' });
    expect((await pay(h, APP_A, payParams(h, prepayId))).errMsg).toBe('requestPayment:ok');
    await vi.runAllTimersAsync();
    expect(calls).toBe(4);
    expect(warn).toHaveBeenCalledTimes(4);
    expect(String(warn.mock.calls[3]![0])).toContain('giving up');
    expect((await orderQuery(h, APP_A, { out_trade_no: 'T1001' })).order.trade_state).toBe('SUCCESS');
    expect(h.platform.getWallet().balance).toBe(100_000 - 4_990);
  });

  it('stops retrying once the merchant answers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let calls = 0;
    const h = setup({
      notifier: async () => {
        if (++calls < 2) throw new Error('HTTP 500');
      },
    });
    const prepayId = await createOrder(h, APP_A, { notify_url: 'http://localhost:1/notify' });
    await pay(h, APP_A, payParams(h, prepayId));
    await vi.runAllTimersAsync();
    expect(calls).toBe(2);
  });

  it('queues the notification in the payment\'s own transaction and removes it once delivered', async () => {
    const delivered = deferred<void>();
    const h = setup({ notifier: () => delivered.promise });
    const prepayId = await createOrder(h, APP_A, { notify_url: 'http://127.0.0.1:9999/notify' });
    await pay(h, APP_A, payParams(h, prepayId));
    expect(Object.keys(h.store.get('platform:outbox') as object)).toEqual(['shopA/T1001']);
    delivered.resolve();
    await vi.waitFor(() => expect(h.store.get('platform:outbox')).toEqual({}));
  });

  it('a notification the previous run committed but never delivered is sent after a restart, once', async () => {
    const h = setup({ notifier: () => new Promise<void>(() => {}) }); // the process dies before the merchant answers
    const prepayId = await createOrder(h, APP_A, { notify_url: 'http://127.0.0.1:9999/notify' });
    await pay(h, APP_A, payParams(h, prepayId));
    const sent: string[] = [];
    setup({ store: h.store, clock: h.clock, notifier: async (_url, body) => void sent.push(String(body.out_trade_no)) });
    await vi.waitFor(() => expect(h.store.get('platform:outbox')).toEqual({}));
    expect(sent).toEqual(['T1001']);
  });

  it('a payment whose transaction fails (disk full) is not paid, not debited and not notified', async () => {
    const sent: unknown[] = [];
    const h = setup({ notifier: async (_url, body) => void sent.push(body) });
    const prepayId = await createOrder(h, APP_A, { notify_url: 'http://127.0.0.1:9999/notify' });
    const before = h.platform.getWallet();
    // the disk fills up while the payment is written: the database cannot grow, and the payment's
    // transaction carries one write more than the free pages hold
    h.store.freezeSizeForFaultInjection();
    const original = h.store.transaction;
    h.store.transaction = (work) =>
      original(() => {
        const r = work();
        h.store.set('padding', 'x'.repeat(200_000));
        return r;
      });
    const outcome = await pay(h, APP_A, payParams(h, prepayId));
    expect(outcome.errMsg).toBe('requestPayment:fail disk full: the shell could not save this, nothing was changed');
    expect(h.platform.getWallet()).toEqual(before);
    expect(sent).toEqual([]);
    h.store.transaction = original;
    expect((await orderQuery(h, APP_A, { out_trade_no: 'T1001' })).order.trade_state).toBe('NOTPAY');
  });
});
