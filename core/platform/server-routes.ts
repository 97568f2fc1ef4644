import { DataUnavailableError } from '../persistence/data-errors';
import { z } from 'zod';
import type { ServerRoute } from '../contracts/services';
import { seconds, type PlatformContext } from './context';
import { ORDER_ERRCODE, type OrderBook } from './orders';
import { UNSTORABLE_KEY } from './own-keys';
import type { AppRecord } from './records';
import type { Registrations } from './registrations';
import type { Sessions } from './sessions';
import { describeIssues } from './store-doc';
import type { VirtualPayments } from './virtual-payments';

/**
 * The mini program SERVER's side of the platform (what api.weixin.qq.com is to WeChat), JSON in and out.
 * Business errors answer 200 with WeChat's { errcode, errmsg }; a body that fails its schema answers 400
 * with errcode 40097 and an errmsg naming each bad field.
 */
export const SERVER_ERRCODE = {
  invalidArgs: 40097,
  invalidAppid: 40013,
  invalidSecret: 40125,
  invalidCode: 40029,
  /** WeChat's "system busy": nothing was changed, try again (here: the data folder is full or read-only) */
  systemError: -1,
  ...ORDER_ERRCODE,
} as const;

export interface ServerDeps {
  ctx: PlatformContext;
  registrations: Registrations;
  sessions: Sessions;
  orders: OrderBook;
  virtual: VirtualPayments;
  openidOf(appId: string): string;
  unionidOf(developerId: string): string;
}

const Credentials = {
  appid: z.string().min(1, 'appid is required'),
  secret: z.string().min(1, 'secret is required (the appSecret from the developer panel)'),
};

/** The platform only ever calls back into this machine: anything else could be used to reach other hosts. */
function isLoopbackHttp(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost') && !u.username && !u.password;
  } catch {
    return false;
  }
}

export const Code2SessionInput = z.object({
  ...Credentials,
  js_code: z.string().min(1, 'js_code is required (the code from wx.login)'),
  grant_type: z.literal('authorization_code', { error: 'grant_type must be "authorization_code"' }),
});
export const PhoneNumberInput = z.object({ ...Credentials, code: z.string().min(1, 'code is required (the code from wx.getPhoneNumber)') });
export const UnifiedOrderInput = z.object({
  ...Credentials,
  out_trade_no: z
    .string()
    .regex(/^[A-Za-z0-9_\-|*@.]{1,64}$/, 'out_trade_no must be 1-64 letters, digits or _ - | * @ .')
    .refine((no) => no !== UNSTORABLE_KEY, `out_trade_no "${UNSTORABLE_KEY}" cannot be stored as an order: choose another out_trade_no`),
  description: z.string().min(1, 'description is required: it is shown to the user').max(127),
  total_fee: z
    .number({ error: 'total_fee must be a number of fen (1/100 CNY)' })
    .int('total_fee must be a whole number of fen')
    .positive('total_fee must be greater than 0')
    .max(100_000_000, 'total_fee is at most 100000000 fen'),
  notify_url: z
    .string()
    .refine(isLoopbackHttp, 'notify_url must be an http://127.0.0.1[:port]/… or http://localhost[:port]/… URL')
    .optional(),
  openid: z.string().min(1).max(128).optional(),
  expires_in: z.number().int('expires_in is whole seconds').min(60).max(7 * 24 * 3600).default(7200),
});
export const OrderQueryInput = z
  .object({ ...Credentials, out_trade_no: z.string().min(1).optional(), prepay_id: z.string().min(1).optional() })
  .refine((v) => v.out_trade_no !== undefined || v.prepay_id !== undefined, {
    message: 'give out_trade_no or prepay_id',
    path: ['out_trade_no'],
  });
export const VirtualQueryInput = z.object({ ...Credentials, out_trade_no: z.string().min(1, 'out_trade_no is required') });
export const CoinBalanceInput = z.object({ ...Credentials, openid: z.string().min(1, 'openid is required') });

type Reply = { status: number; body: Record<string, unknown> };
const ok = (body: Record<string, unknown>): Reply => ({ status: 200, body: { errcode: 0, errmsg: 'ok', ...body } });
const bad = (errcode: number, errmsg: string): Reply => ({ status: 200, body: { errcode, errmsg } });

/** Schema check, then appid + secret, then the route's own work. */
function route<S extends z.ZodType>(
  registrations: Registrations,
  method: 'GET' | 'POST',
  path: string,
  input: S,
  handle: (app: AppRecord, input: z.output<S>) => Reply,
): ServerRoute {
  return {
    method,
    path,
    input,
    async run(raw) {
      const parsed = input.safeParse(raw);
      if (!parsed.success) return { status: 400, body: { errcode: SERVER_ERRCODE.invalidArgs, errmsg: `invalid args: ${describeIssues(parsed.error)}` } };
      const { appid, secret } = parsed.data as { appid: string; secret: string };
      const auth = registrations.authenticate(appid, secret);
      if (!auth.ok) return bad(auth.errcode, auth.errmsg);
      try {
        return handle(auth.app, parsed.data);
      } catch (e) {
        // WeChat's "system error, try again": the merchant's request changed nothing
        if (e instanceof DataUnavailableError) return { status: 503, body: { errcode: SERVER_ERRCODE.systemError, errmsg: e.reason } };
        throw e;
      }
    },
  };
}

export function createServerRoutes(deps: ServerDeps): ServerRoute[] {
  const { ctx, registrations, sessions, orders, virtual } = deps;
  const invalidCode = () => bad(SERVER_ERRCODE.invalidCode, 'invalid code');

  return [
    route(registrations, 'GET', '/v1/sns/jscode2session', Code2SessionInput, (app, q) => {
      const session = sessions.redeemLoginCode(app.appId, q.js_code);
      if (!session) return invalidCode();
      // WeChat's success body carries no errcode; server code written for it checks fields directly.
      return {
        status: 200,
        body: { openid: deps.openidOf(app.appId), session_key: session.sessionKey, unionid: deps.unionidOf(app.developerId) },
      };
    }),

    route(registrations, 'POST', '/v1/wxa/getuserphonenumber', PhoneNumberInput, (app, b) => {
      const phone = sessions.redeemPhoneCode(app.appId, b.code);
      if (!phone) return invalidCode();
      const pure = phone.phoneNumber.replace(/^\+/, '');
      return ok({
        phone_info: {
          phoneNumber: phone.countryCode === '86' ? pure : `+${phone.countryCode}${pure}`,
          purePhoneNumber: pure,
          countryCode: phone.countryCode,
          watermark: { appid: app.appId, timestamp: seconds(ctx.clock.now()) },
        },
      });
    }),

    route(registrations, 'POST', '/v1/pay/unifiedorder', UnifiedOrderInput, (app, b) => {
      if (b.openid !== undefined && b.openid !== deps.openidOf(app.appId)) {
        return bad(SERVER_ERRCODE.invalidOpenid, 'invalid openid: it is not a user of this app (use the openid from jscode2session)');
      }
      const created = orders.create(app.appId, {
        outTradeNo: b.out_trade_no,
        description: b.description,
        totalFee: b.total_fee,
        ...(b.notify_url ? { notifyUrl: b.notify_url } : {}),
        ...(b.openid ? { openid: b.openid } : {}),
        expiresInSeconds: b.expires_in,
      });
      if (!created.ok) return bad(created.errcode, created.errmsg);
      ctx.walletChanged();
      return ok({ prepay_id: created.prepayId });
    }),

    route(registrations, 'POST', '/v1/pay/orderquery', OrderQueryInput, (app, b) => {
      const order = orders.find(app.appId, { outTradeNo: b.out_trade_no, prepayId: b.prepay_id });
      if (!order) return bad(SERVER_ERRCODE.notFound, 'order not found for this appid');
      return ok({ order: orders.view(order) });
    }),

    route(registrations, 'POST', '/v1/xpay/queryorder', VirtualQueryInput, (app, b) => {
      const order = virtual.find(app.appId, b.out_trade_no);
      if (!order) return bad(SERVER_ERRCODE.notFound, 'order not found for this appid');
      return ok({ order });
    }),

    route(registrations, 'POST', '/v1/xpay/query_user_balance', CoinBalanceInput, (app, b) => {
      if (b.openid !== deps.openidOf(app.appId)) return bad(SERVER_ERRCODE.invalidOpenid, 'invalid openid: it is not a user of this app');
      return ok({ balance: virtual.coins(app.appId) });
    }),
  ];
}
