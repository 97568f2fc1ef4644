import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackend, type RunningBackend } from '../../../../examples/pixel-quest/backend/server';

/**
 * The Game Shop's merchant backend against a scripted platform: what matters is what it delivers
 * for the order the platform reports paid.
 */

type PaidOrder = Record<string, unknown>;

async function fakePlatform(orderFor: (outTradeNo: string) => PaidOrder) {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://platform.invalid');
      res.setHeader('content-type', 'application/json');
      if (url.pathname === '/v1/sns/jscode2session') {
        res.end(JSON.stringify({ openid: 'user-1', session_key: 'c2Vzc2lvbi1rZXktMTIzNA==', unionid: 'u' }));
      } else if (url.pathname === '/v1/xpay/queryorder') {
        const { out_trade_no } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { out_trade_no: string };
        res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', order: { out_trade_no, openid: 'user-1', ...orderFor(out_trade_no) } }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((done) => server.close(() => done())) };
}

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

async function shop(orderFor: (outTradeNo: string) => PaidOrder) {
  const platform = await fakePlatform(orderFor);
  running.push(platform);
  const backend: RunningBackend = await startBackend({ platformUrl: platform.url, appId: 'game-shop', appSecret: 's', payKey: 'p', appKey: 'k', allowOrigin: 'http://game-shop.localhost' });
  running.push(backend);
  const call = async (method: string, path: string, body?: unknown, session?: string) => {
    const res = await fetch(`${backend.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(session ? { 'x-session': session } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const { body: login } = await call('POST', '/login', { code: 'c0de' });
  const session = login.session as string;
  const order = async (kind: 'coins' | 'goods', itemId: string) => {
    const { body } = await call('POST', '/orders', { kind, itemId }, session);
    return { outTradeNo: body.outTradeNo as string, signData: JSON.parse(body.request.signData) as Record<string, unknown>, mode: body.request.mode as string };
  };
  return { order, query: (no: string) => call('GET', `/orders/${no}`, undefined, session) };
}

describe('Game Shop backend: delivery checks what the platform says was paid', () => {
  it('delivers a goods order paid in mode short_series_goods at its price', async () => {
    const s = await shop(() => ({ trade_state: 'SUCCESS', mode: 'short_series_goods', product_id: 'crystal-sword', buy_quantity: 1, total_fee: 880 }));
    const { outTradeNo, mode } = await s.order('goods', 'crystal-sword');
    expect(mode).toBe('short_series_goods');
    const res = await s.query(outTradeNo);
    expect(res).toMatchObject({ status: 200, body: { state: 'SUCCESS', inventory: { coins: 0, goods: ['crystal-sword'] } } });
  });

  it('does not deliver a goods order the platform reports paid as coins (10 fen), and says why', async () => {
    const s = await shop(() => ({ trade_state: 'SUCCESS', mode: 'short_series_coin', product_id: 'crystal-sword', buy_quantity: 1, total_fee: 10 }));
    const { outTradeNo } = await s.order('goods', 'crystal-sword');
    const res = await s.query(outTradeNo);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/paid as short_series_coin for 10 fen.*signed .*short_series_goods for 880 fen.*not delivered/);
    // asking again does not deliver either
    expect((await s.query(outTradeNo)).status).toBe(409);
  });

  it('does not deliver a goods order paid at another total', async () => {
    const s = await shop(() => ({ trade_state: 'SUCCESS', mode: 'short_series_goods', product_id: 'crystal-sword', buy_quantity: 1, total_fee: 1 }));
    const { outTradeNo } = await s.order('goods', 'crystal-sword');
    const res = await s.query(outTradeNo);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/for 1 fen/);
  });

  it('delivers coins paid in mode short_series_coin for the signed quantity, and refuses another quantity', async () => {
    const orders = new Map<string, PaidOrder>();
    const s = await shop((no) => orders.get(no)!);
    const first = await s.order('coins', 'coins-60');
    orders.set(first.outTradeNo, { trade_state: 'SUCCESS', mode: 'short_series_coin', buy_quantity: 60, total_fee: 600 });
    expect(await s.query(first.outTradeNo)).toMatchObject({ status: 200, body: { state: 'SUCCESS', inventory: { coins: 60, goods: [] } } });
    const second = await s.order('coins', 'coins-300');
    orders.set(second.outTradeNo, { trade_state: 'SUCCESS', mode: 'short_series_coin', buy_quantity: 3, total_fee: 30 });
    expect((await s.query(second.outTradeNo)).status).toBe(409);
    const third = await s.order('coins', 'coins-300');
    orders.set(third.outTradeNo, { trade_state: 'SUCCESS', mode: 'short_series_goods', product_id: 'x', buy_quantity: 300, total_fee: 3000 });
    expect((await s.query(third.outTradeNo)).status).toBe(409);
  });
});
