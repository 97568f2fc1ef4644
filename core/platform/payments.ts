import type { AppInfo } from '../contracts/app';
import type { PaymentParams } from '../contracts/apis';
import { ApiError } from '../contracts/errors';
import type { Accounts } from './accounts';
import { seconds, sheetApp, type PlatformContext } from './context';
import { commitOrRelease } from './commit-or-release';
import type { Outbox } from './outbox';
import type { OrderBook } from './orders';
import type { Order } from './records';
import { payV2Sign, sameText } from './wx-crypto';

export interface PaymentDeps {
  ctx: PlatformContext;
  accounts: Accounts;
  orders: OrderBook;
  /** the caller's registration (payKey), created on first use */
  payKeyOf(app: AppInfo): string;
  openidOf(appId: string): string;
  /** makes the debit, the order's new state and the merchant's notification one durable change */
  transaction<R>(work: () => R): R;
  outbox: Outbox;
}

/** The body POSTed to notify_url; `sign` is the v2 HMAC-SHA256 signature over the other fields. */
export function paidNotification(order: Order, payKey: string): Record<string, string | number> {
  const fields = {
    out_trade_no: order.outTradeNo,
    prepay_id: order.prepayId,
    total_fee: order.totalFee,
    trade_state: 'SUCCESS',
    paid_at: seconds(order.paidAt ?? 0),
    openid: order.payerOpenid ?? '',
  };
  return { ...fields, sign: payV2Sign(fields, payKey, 'HMAC-SHA256') };
}

/**
 * wx.requestPayment. The sheet shows the amount and description stored with the order by the
 * merchant's server, never anything from params. Exactly-once: the order moves NOTPAY -> USERPAYING
 * synchronously before the sheet opens (a second request sees "being paid"), and USERPAYING -> SUCCESS
 * together with the debit in one synchronous step after the user confirms.
 */
export function createRequestPayment(deps: PaymentDeps) {
  const { ctx, accounts, orders } = deps;

  return async function requestPayment(app: AppInfo, params: PaymentParams): Promise<Record<string, unknown>> {
    const payKey = deps.payKeyOf(app);
    const prepayId = params.package.slice('prepay_id='.length);
    const order = orders.begin(app.appId, prepayId, () => {
      // appId is the caller's, from the transport: a signature made for another app never verifies here.
      const expected = payV2Sign(
        { appId: app.appId, nonceStr: params.nonceStr, package: params.package, signType: params.signType, timeStamp: params.timeStamp },
        payKey,
        params.signType,
      );
      if (!sameText(expected, params.paySign.toUpperCase())) throw new ApiError('invalid paySign');
    });

    let confirmed: boolean;
    try {
      const answer = await ctx.ask(app, {
        kind: 'payment',
        app: sheetApp(app),
        merchant: app.name,
        description: order.description,
        amount: order.totalFee,
        currency: 'CNY',
        balance: accounts.balance(),
        outTradeNo: order.outTradeNo,
      });
      confirmed = answer.confirmed;
    } catch (e) {
      orders.release(app.appId, order.outTradeNo);
      throw e;
    }
    if (!confirmed) {
      orders.release(app.appId, order.outTradeNo);
      throw ApiError.cancel();
    }

    const payerOpenid = deps.openidOf(app.appId);
    // One transaction: after a crash at any instant the order is paid (debited once, notification queued) or not at all.
    const outcome = commitOrRelease(() => deps.transaction(() => {
      const done = orders.complete(app.appId, order.outTradeNo, payerOpenid, (o) =>
        accounts.debit({ appId: app.appId, appName: app.name, kind: 'payment', outTradeNo: o.outTradeNo, description: o.description, amount: o.totalFee }),
      );
      const paid = done.paid;
      if (paid?.notifyUrl) deps.outbox.add(`${app.appId}/${paid.outTradeNo}`, paid.notifyUrl, paidNotification(paid, payKey), ctx.clock.now());
      return done;
    }), () => orders.release(app.appId, order.outTradeNo));
    if (!outcome.paid) throw new ApiError(outcome.reason === 'refused' ? 'insufficient balance' : 'order not found');
    ctx.walletChanged();
    deps.outbox.flush();
    return {};
  };
}
