/**
 * The Game Shop sample's merchant backend: sells coins (short_series_coin) and goods
 * (short_series_goods) for wx.requestVirtualPayment. It exchanges the page's wx.login code for the
 * session_key (kept here, never sent to the page), builds signData and signs it twice:
 *   paySig    = hex(HMAC-SHA256(appKey,      "requestVirtualPayment&" + signData))
 *   signature = hex(HMAC-SHA256(session_key, signData))
 * It talks to the platform ONLY over HTTP (platformUrl). Self-contained (node: built-ins and zod,
 * erasable TypeScript) so the host can import it from source or from a bundle.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

export const BackendOptions = z.object({
  platformUrl: z.string().url(),
  appId: z.string().min(1),
  appSecret: z.string().min(1),
  payKey: z.string().min(1),
  appKey: z.string().min(1),
  /** the mini program's own origin: the only browser origin allowed to call this backend */
  allowOrigin: z.string().url(),
});
export type BackendOptions = z.input<typeof BackendOptions>;
export interface RunningBackend {
  url: string;
  close(): Promise<void>;
}

/** Coin packs: the platform prices coins; the pack only says how many. */
export const COIN_PACKS = [
  { id: 'coins-60', name: '60 coins', quantity: 60 },
  { id: 'coins-300', name: '300 coins', quantity: 300 },
] as const;
/** Goods have a merchant price in fen (goodsPrice), bought one at a time. */
export const GOODS = [
  { id: 'crystal-sword', name: 'Crystal sword', price: 880 },
  { id: 'oak-shield', name: 'Oak shield', price: 350 },
] as const;

const CODE_REQUIRED = 'code is required: pass the code from wx.login';
const LoginBody = z.object({ code: z.string({ error: CODE_REQUIRED }).min(1, CODE_REQUIRED) });
const OrderBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('coins'), itemId: z.enum(COIN_PACKS.map((p) => p.id) as [string, ...string[]]) }),
  z.object({ kind: z.literal('goods'), itemId: z.enum(GOODS.map((g) => g.id) as [string, ...string[]]) }),
]);
const Code2SessionAnswer = z.object({
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
  openid: z.string().optional(),
  session_key: z.string().optional(),
});
/** The platform's errcode for an order it does not hold (never created, or cancelled and released). */
const ORDER_NOT_FOUND = 40400;
const QueryOrderAnswer = z.object({ errcode: z.number(), errmsg: z.string().optional(), order: z.record(z.string(), z.unknown()).optional() });
/** The fields of a paid virtual order that say what the user paid for. */
const PaidTerms = z.object({
  mode: z.string(),
  buy_quantity: z.number(),
  total_fee: z.number(),
  product_id: z.string().optional(),
});
type PaidTerms = z.infer<typeof PaidTerms>;

export function paySigFor(appKey: string, signData: string): string {
  return createHmac('sha256', appKey).update(`requestVirtualPayment&${signData}`, 'utf8').digest('hex');
}
export function signatureFor(sessionKey: string, signData: string): string {
  return createHmac('sha256', sessionKey).update(signData, 'utf8').digest('hex');
}

class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const MAX_BODY = 64 * 1024;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, `request body is over ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'request body is not valid JSON: send a JSON object with content-type application/json');
  }
}

function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first && first.path.length ? first.path.join('.') : 'body';
  throw new HttpError(400, `${where}: ${first?.message ?? 'invalid'}`);
}

interface Session {
  openid: string;
  sessionKey: string;
}
interface Purchase {
  outTradeNo: string;
  openid: string;
  kind: 'coins' | 'goods';
  itemId: string;
  quantity: number;
  /** the mode this shop signed; paySig does not cover the mode, so the page could have changed it */
  mode: 'short_series_coin' | 'short_series_goods';
  /** goods: goodsPrice × quantity in fen. Coins are priced by the platform, so their total is not known here. */
  totalFee?: number;
  delivered: boolean;
}

/**
 * Why the paid order is not what this shop signed, or undefined when it is. The platform prices a
 * short_series_coin order at its coin price even for signData meant as goods, so a page that flips
 * `mode` could otherwise buy a sword at the price of one coin.
 */
function mismatch(purchase: Purchase, paid: PaidTerms): string | undefined {
  const matches =
    paid.mode === purchase.mode &&
    paid.buy_quantity === purchase.quantity &&
    (purchase.kind === 'coins' || (paid.product_id === purchase.itemId && paid.total_fee === purchase.totalFee));
  if (matches) return undefined;
  const signed = purchase.kind === 'goods' ? `${purchase.mode} for ${purchase.totalFee} fen (${purchase.itemId})` : `${purchase.mode} for ${purchase.quantity} coins`;
  return (
    `order ${purchase.outTradeNo} was paid as ${paid.mode} for ${paid.total_fee} fen (buy_quantity ${paid.buy_quantity}), ` +
    `but this shop signed it as ${signed}, so it was not delivered: check the order with /v1/xpay/queryorder and refund the user`
  );
}

/** Paid as the platform reports it; the virtual order query may name the field differently from pay orders. */
function paidState(order: Record<string, unknown>): string {
  const state = order.trade_state ?? order.status ?? order.state;
  return typeof state === 'string' ? state : JSON.stringify(state ?? 'UNKNOWN');
}

export async function startBackend(input: BackendOptions): Promise<RunningBackend> {
  const options = BackendOptions.parse(input);
  const platform = options.platformUrl.replace(/\/+$/, '');
  const allowOrigin = new URL(options.allowOrigin).origin;
  const sessions = new Map<string, Session>();
  const purchases = new Map<string, Purchase>();
  const inventory = new Map<string, { coins: number; goods: string[] }>();

  async function platformCall<T extends z.ZodType>(path: string, schema: T, body?: Record<string, unknown>): Promise<z.output<T>> {
    let res: Response;
    try {
      res = await fetch(`${platform}${path}`, body
        ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
        : { method: 'GET' });
    } catch (e) {
      throw new HttpError(502, `platform server API unreachable at ${platform}: ${(e as Error).message}`);
    }
    const parsed = schema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw new HttpError(502, `platform answered ${path} with an unexpected body (HTTP ${res.status})`);
    return parsed.data;
  }

  function sessionOf(req: IncomingMessage): Session {
    const token = req.headers['x-session'];
    const session = typeof token === 'string' ? sessions.get(token) : undefined;
    if (!session) throw new HttpError(401, 'not signed in: call POST /login with a wx.login code first');
    return session;
  }

  function inventoryOf(openid: string): { coins: number; goods: string[] } {
    let inv = inventory.get(openid);
    if (!inv) inventory.set(openid, (inv = { coins: 0, goods: [] }));
    return inv;
  }

  async function login(body: unknown): Promise<Record<string, unknown>> {
    const { code } = parseBody(LoginBody, body);
    const query = new URLSearchParams({ appid: options.appId, secret: options.appSecret, js_code: code, grant_type: 'authorization_code' });
    const answer = await platformCall(`/v1/sns/jscode2session?${query}`, Code2SessionAnswer);
    if (!answer.openid || !answer.session_key || (answer.errcode ?? 0) !== 0) {
      throw new HttpError(401, `login refused by the platform: ${answer.errmsg ?? 'no session'} (errcode ${answer.errcode ?? 'none'})`);
    }
    const token = randomBytes(18).toString('base64url');
    sessions.set(token, { openid: answer.openid, sessionKey: answer.session_key });
    return { session: token, openid: answer.openid, inventory: inventoryOf(answer.openid) };
  }

  function createOrder(req: IncomingMessage, body: unknown): Record<string, unknown> {
    const session = sessionOf(req);
    const order = parseBody(OrderBody, body);
    const outTradeNo = `GAME${Date.now()}${randomBytes(4).toString('hex')}`;
    const common = { offerId: `offer-${options.appId}`, env: 0, currencyType: 'CNY', outTradeNo, attach: `${order.kind}:${order.itemId}` };
    let mode: 'short_series_coin' | 'short_series_goods';
    let fields: Record<string, unknown>;
    let quantity: number;
    let totalFee: number | undefined;
    if (order.kind === 'coins') {
      const pack = COIN_PACKS.find((p) => p.id === order.itemId)!;
      mode = 'short_series_coin';
      quantity = pack.quantity;
      fields = { offerId: common.offerId, buyQuantity: quantity, env: common.env, currencyType: common.currencyType, outTradeNo, attach: common.attach };
    } else {
      const item = GOODS.find((g) => g.id === order.itemId)!;
      mode = 'short_series_goods';
      quantity = 1;
      totalFee = item.price * quantity;
      fields = { ...common, buyQuantity: quantity, productId: item.id, goodsPrice: item.price };
    }
    const signData = JSON.stringify(fields);
    purchases.set(outTradeNo, {
      outTradeNo,
      openid: session.openid,
      kind: order.kind,
      itemId: order.itemId,
      quantity,
      mode,
      ...(totalFee !== undefined ? { totalFee } : {}),
      delivered: false,
    });
    return {
      outTradeNo,
      request: { signData, mode, paySig: paySigFor(options.appKey, signData), signature: signatureFor(session.sessionKey, signData) },
    };
  }

  async function queryOrder(req: IncomingMessage, outTradeNo: string): Promise<Record<string, unknown>> {
    const session = sessionOf(req);
    const purchase = purchases.get(outTradeNo);
    if (!purchase || purchase.openid !== session.openid) throw new HttpError(404, `no order ${outTradeNo} for this user`);
    const answer = await platformCall('/v1/xpay/queryorder', QueryOrderAnswer, {
      appid: options.appId,
      secret: options.appSecret,
      out_trade_no: outTradeNo,
    });
    // The platform keeps no virtual order that the user cancelled: that is an answer, not an error.
    if (answer.errcode === ORDER_NOT_FOUND) return { outTradeNo, state: 'NOT_FOUND', inventory: inventoryOf(session.openid) };
    if (answer.errcode !== 0 || !answer.order) throw new HttpError(502, `queryorder failed: ${answer.errmsg ?? 'no order'} (errcode ${answer.errcode})`);
    const state = paidState(answer.order);
    // Deliver once, and only when the platform (not the page) says the order is paid, for what was signed.
    if (state === 'SUCCESS' && !purchase.delivered) {
      const terms = PaidTerms.safeParse(answer.order);
      if (!terms.success) {
        throw new HttpError(502, `queryorder answered order ${outTradeNo} without mode, buy_quantity or total_fee, so it was not delivered: check that platformUrl is the platform's server API`);
      }
      const wrong = mismatch(purchase, terms.data);
      if (wrong) throw new HttpError(409, wrong);
      purchase.delivered = true;
      const inv = inventoryOf(session.openid);
      if (purchase.kind === 'coins') inv.coins += purchase.quantity;
      else inv.goods.push(purchase.itemId);
    }
    return { outTradeNo, state, order: answer.order, inventory: inventoryOf(session.openid) };
  }

  async function route(req: IncomingMessage): Promise<Record<string, unknown>> {
    const url = new URL(req.url ?? '/', 'http://backend.invalid');
    const orderMatch = /^\/orders\/([A-Za-z0-9_-]{1,64})$/.exec(url.pathname);
    if (req.method === 'GET' && url.pathname === '/catalog') return { coins: COIN_PACKS, goods: GOODS };
    if (req.method === 'POST' && url.pathname === '/login') return login(await readJson(req));
    if (req.method === 'POST' && url.pathname === '/orders') return createOrder(req, await readJson(req));
    if (req.method === 'GET' && orderMatch) return queryOrder(req, orderMatch[1]!);
    throw new HttpError(404, `no route ${req.method} ${url.pathname}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    // Only the game's own mini program origin may call from a browser.
    if (origin !== undefined && origin !== allowOrigin) {
      send(res, 403, { error: `origin ${origin} is not allowed to call this backend` });
      return;
    }
    if (origin) {
      res.setHeader('access-control-allow-origin', allowOrigin);
      res.setHeader('vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('access-control-allow-methods', 'GET, POST');
      res.setHeader('access-control-allow-headers', 'content-type, x-session');
      res.setHeader('access-control-max-age', '600');
      res.writeHead(204).end();
      return;
    }
    try {
      send(res, 200, await route(req));
    } catch (e) {
      if (e instanceof HttpError) send(res, e.status, { error: e.message });
      else {
        console.error('game-shop backend:', e);
        send(res, 500, { error: 'internal error in the game shop backend' });
      }
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
