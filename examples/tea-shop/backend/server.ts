/**
 * The Shop sample's merchant backend: what a real shop runs on its own server.
 * It talks to the superapp platform ONLY over HTTP (the platform's server API at platformUrl),
 * holds the secrets (appSecret, payKey) that must never reach the mini program, creates orders,
 * signs the wx.requestPayment params and records the platform's "paid" notifications.
 *
 * Self-contained on purpose (node: built-ins and zod only, erasable TypeScript): the host may import
 * it from source or from a bundle.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
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

/** The shop's catalogue. Prices (fen) live here, on the merchant side, never in the page. */
export const PRODUCTS = [
  { id: 'oolong', name: 'Tieguanyin oolong, 100 g', description: 'Lightly roasted, floral, five infusions per pot.', price: 1234 },
  { id: 'teapot', name: 'Yixing clay teapot', description: 'Hand-thrown, 180 ml, seasons with every brew.', price: 8800 },
  { id: 'cups', name: 'Celadon cups, set of 4', description: 'Pale green glaze, 60 ml each.', price: 4500 },
] as const;

const CODE_REQUIRED = 'code is required: pass the code from wx.login';
const LoginBody = z.object({ code: z.string({ error: CODE_REQUIRED }).min(1, CODE_REQUIRED) });
const OrderBody = z.object({ productId: z.enum(PRODUCTS.map((p) => p.id) as [string, ...string[]]) });
const NotifyBody = z
  .object({
    out_trade_no: z.string().min(1),
    trade_state: z.string().min(1),
    total_fee: z.number().int(),
    sign: z.string().min(1),
  })
  .loose();

const Code2SessionAnswer = z.object({
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
  openid: z.string().optional(),
  session_key: z.string().optional(),
});
const UnifiedOrderAnswer = z.object({ errcode: z.number(), errmsg: z.string().optional(), prepay_id: z.string().optional() });
const OrderQueryAnswer = z.object({
  errcode: z.number(),
  errmsg: z.string().optional(),
  order: z
    .object({ out_trade_no: z.string(), trade_state: z.string(), total_fee: z.number(), description: z.string().optional(), paid_at: z.number().optional() })
    .loose()
    .optional(),
});

/**
 * WeChat Pay v2 signature: keys sorted by ASCII, "k=v" joined with "&" (empty values and `sign`
 * left out), then "&key=<payKey>", HMAC-SHA256 keyed by payKey, uppercase hex.
 */
export function signV2(fields: Record<string, unknown>, payKey: string): string {
  const base = Object.keys(fields)
    .filter((k) => k !== 'sign' && fields[k] !== undefined && fields[k] !== null && fields[k] !== '')
    .sort()
    .map((k) => `${k}=${String(fields[k])}`)
    .join('&');
  return createHmac('sha256', payKey).update(`${base}&key=${payKey}`, 'utf8').digest('hex').toUpperCase();
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A failure the page can show as-is: what went wrong and what to do. */
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
}
interface OrderRecord {
  outTradeNo: string;
  openid: string;
  productId: string;
}
interface Notification {
  tradeState: string;
  totalFee: number;
  receivedAt: number;
}

export async function startBackend(input: BackendOptions): Promise<RunningBackend> {
  const options = BackendOptions.parse(input);
  const platform = options.platformUrl.replace(/\/+$/, '');
  const allowOrigin = new URL(options.allowOrigin).origin;
  const sessions = new Map<string, Session>();
  const orders = new Map<string, OrderRecord>();
  const notifications = new Map<string, Notification>();
  let selfUrl = '';

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

  async function login(body: unknown): Promise<Record<string, unknown>> {
    const { code } = parseBody(LoginBody, body);
    const query = new URLSearchParams({ appid: options.appId, secret: options.appSecret, js_code: code, grant_type: 'authorization_code' });
    const answer = await platformCall(`/v1/sns/jscode2session?${query}`, Code2SessionAnswer);
    if (!answer.openid || (answer.errcode ?? 0) !== 0) {
      throw new HttpError(401, `login refused by the platform: ${answer.errmsg ?? 'no openid'} (errcode ${answer.errcode ?? 'none'})`);
    }
    // session_key stays here: the page only ever gets an opaque token of ours.
    const token = randomBytes(18).toString('base64url');
    sessions.set(token, { openid: answer.openid });
    return { session: token, openid: answer.openid };
  }

  async function createOrder(req: IncomingMessage, body: unknown): Promise<Record<string, unknown>> {
    const session = sessionOf(req);
    const { productId } = parseBody(OrderBody, body);
    const product = PRODUCTS.find((p) => p.id === productId)!;
    const outTradeNo = `SHOP${Date.now()}${randomBytes(4).toString('hex')}`;
    const answer = await platformCall('/v1/pay/unifiedorder', UnifiedOrderAnswer, {
      appid: options.appId,
      secret: options.appSecret,
      out_trade_no: outTradeNo,
      description: product.name,
      total_fee: product.price,
      notify_url: `${selfUrl}/notify`,
      openid: session.openid,
    });
    if (answer.errcode !== 0 || !answer.prepay_id) {
      throw new HttpError(502, `the platform refused the order: ${answer.errmsg ?? 'no prepay_id'} (errcode ${answer.errcode})`);
    }
    orders.set(outTradeNo, { outTradeNo, openid: session.openid, productId });
    const unsigned = {
      appId: options.appId,
      nonceStr: randomBytes(16).toString('hex'),
      package: `prepay_id=${answer.prepay_id}`,
      signType: 'HMAC-SHA256',
      timeStamp: String(Math.floor(Date.now() / 1000)),
    };
    // appId is part of what is signed but wx.requestPayment does not take it: the host adds the caller's.
    const { appId: _signedOnly, ...payment } = unsigned;
    return { outTradeNo, product, payment: { ...payment, paySign: signV2(unsigned, options.payKey) } };
  }

  async function queryOrder(req: IncomingMessage, outTradeNo: string): Promise<Record<string, unknown>> {
    const session = sessionOf(req);
    const mine = orders.get(outTradeNo);
    if (!mine || mine.openid !== session.openid) throw new HttpError(404, `no order ${outTradeNo} for this user`);
    const answer = await platformCall('/v1/pay/orderquery', OrderQueryAnswer, {
      appid: options.appId,
      secret: options.appSecret,
      out_trade_no: outTradeNo,
    });
    if (answer.errcode !== 0 || !answer.order) throw new HttpError(502, `orderquery failed: ${answer.errmsg ?? 'no order'} (errcode ${answer.errcode})`);
    const notified = notifications.get(outTradeNo);
    return {
      outTradeNo,
      tradeState: answer.order.trade_state,
      totalFee: answer.order.total_fee,
      paidAt: answer.order.paid_at,
      notified: Boolean(notified),
    };
  }

  /** The platform's paid notification. Only a correctly signed one is recorded. */
  async function notify(body: unknown): Promise<Record<string, unknown>> {
    const note = parseBody(NotifyBody, body);
    if (!sameText(signV2(note, options.payKey), note.sign)) throw new HttpError(400, 'sign does not verify with this merchant\'s payKey');
    if (!orders.has(note.out_trade_no)) throw new HttpError(404, `unknown out_trade_no ${note.out_trade_no}`);
    notifications.set(note.out_trade_no, { tradeState: note.trade_state, totalFee: note.total_fee, receivedAt: Date.now() });
    return { errcode: 0, errmsg: 'ok' };
  }

  async function route(req: IncomingMessage): Promise<Record<string, unknown>> {
    const url = new URL(req.url ?? '/', 'http://backend.invalid');
    const orderMatch = /^\/orders\/([A-Za-z0-9_-]{1,64})$/.exec(url.pathname);
    if (req.method === 'GET' && url.pathname === '/products') return { products: PRODUCTS };
    if (req.method === 'POST' && url.pathname === '/login') return login(await readJson(req));
    if (req.method === 'POST' && url.pathname === '/orders') return createOrder(req, await readJson(req));
    if (req.method === 'GET' && orderMatch) return queryOrder(req, orderMatch[1]!);
    if (req.method === 'POST' && url.pathname === '/notify') return notify(await readJson(req));
    throw new HttpError(404, `no route ${req.method} ${url.pathname}`);
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    // Browsers send Origin on cross-origin calls: only the shop's own mini program origin may call.
    // Requests without Origin come from servers (the platform's notify) and are checked by signature.
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
        console.error('shop backend:', e);
        send(res, 500, { error: 'internal error in the shop backend' });
      }
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  selfUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: selfUrl,
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
