import type { AppInfo } from '../contracts/app';
import { VirtualSignData, type VirtualPaymentParams } from '../contracts/apis';
import { ApiError } from '../contracts/errors';
import type { KeyValueStore } from '../contracts/ports';
import type { Accounts } from './accounts';
import { commitOrRelease } from './commit-or-release';
import { seconds, sheetApp, type PlatformContext } from './context';
import { CoinsDoc, KEYS, VirtualOrdersDoc, type VirtualOrder } from './records';
import type { Sessions } from './sessions';
import { ownEntry, ownEntryOrCreate, putOwn, UNSTORABLE_KEY } from './own-keys';
import { atStartup, describeIssues, storeDoc } from './store-doc';
import { hmacSha256, sameText } from './wx-crypto';
import { LOGIN_REQUIRED } from './user-data';

/** short_series_coin: what one coin costs, in fen (¥0.10). */
export const COIN_PRICE_FEN = 10;

/** WeChat's errCodes for requestVirtualPayment. */
export const VIRTUAL_ERRCODE = { other: -1, cancel: -2, signatureInvalid: -15005, paySigInvalid: -15006 } as const;

const fail = (reason: string, errCode: number = VIRTUAL_ERRCODE.other) => new ApiError(reason, { errCode });

export interface VirtualDeps {
  ctx: PlatformContext;
  accounts: Accounts;
  sessions: Sessions;
  appKeyOf(app: AppInfo): string;
  openidOf(appId: string): string;
  /** makes the debit, the order's new state and the coins one durable change */
  transaction<R>(work: () => R): R;
}

export interface VirtualOrderView {
  out_trade_no: string;
  mode: VirtualOrder['mode'];
  offer_id: string;
  product_id?: string;
  buy_quantity: number;
  total_fee: number;
  env: number;
  attach?: string;
  trade_state: 'USERPAYING' | 'SUCCESS';
  paid_at?: number;
  openid: string;
}

export interface VirtualPayments {
  requestVirtualPayment(app: AppInfo, params: VirtualPaymentParams): Promise<Record<string, unknown>>;
  find(appId: string, outTradeNo: string): VirtualOrderView | undefined;
  coins(appId: string): number;
  forgetUnpaid(appId: string): void;
  /** every virtual order and the coin balance of the appId */
  forgetAll(appId: string): void;
}

function parseSignData(signData: string): VirtualSignData {
  let json: unknown;
  try {
    json = JSON.parse(signData);
  } catch {
    throw fail('invalid signData: it must be a JSON string, e.g. JSON.stringify({ offerId, buyQuantity, env, currencyType, outTradeNo, ... })');
  }
  const parsed = VirtualSignData.safeParse(json);
  if (!parsed.success) throw fail(`invalid signData: ${describeIssues(parsed.error)}`);
  if (parsed.data.outTradeNo === UNSTORABLE_KEY) {
    throw fail(`invalid signData: outTradeNo "${UNSTORABLE_KEY}" cannot be stored as an order: choose another outTradeNo`);
  }
  return parsed.data;
}

function amountFor(mode: VirtualPaymentParams['mode'], data: VirtualSignData): number {
  let amount: number;
  if (mode === 'short_series_goods') {
    if (data.productId === undefined) throw fail('invalid signData: productId is required for mode short_series_goods');
    if (data.goodsPrice === undefined) throw fail('invalid signData: goodsPrice (fen per item) is required for mode short_series_goods');
    amount = data.goodsPrice * data.buyQuantity;
  } else {
    // paySig covers signData but not `mode`: a goods order the merchant signed must not be payable as
    // coins at the platform's coin price, so coin orders carry no goods fields at all.
    const goodsFields = (['productId', 'goodsPrice'] as const).filter((f) => data[f] !== undefined);
    if (goodsFields.length > 0) {
      throw fail(
        `invalid signData: ${goodsFields.join(', ')} ${goodsFields.length > 1 ? 'are' : 'is'} not allowed for mode short_series_coin ` +
          '(coins are priced by the platform): pay goods with mode short_series_goods, or sign coin orders without productId and goodsPrice',
      );
    }
    amount = COIN_PRICE_FEN * data.buyQuantity;
  }
  if (!Number.isSafeInteger(amount)) throw fail('invalid signData: goodsPrice * buyQuantity is too large');
  return amount;
}

/**
 * wx.requestVirtualPayment. The checks follow WeChat's order of trust: the developer's paySig
 * (appKey, proves the merchant server built signData) and the user-state signature (session_key,
 * proves it was built for this user's current session). Exactly-once works like requestPayment:
 * the outTradeNo is reserved synchronously before the sheet, paid together with the debit after it.
 */
export function createVirtualPayments(store: KeyValueStore, deps: VirtualDeps): VirtualPayments {
  const { ctx, accounts, sessions } = deps;
  const orders = storeDoc(store, KEYS.virtualOrders, VirtualOrdersDoc, () => ({}));
  const coins = storeDoc(store, KEYS.coins, CoinsDoc, () => ({}));

  // A reservation of a previous run had its sheet closed by the restart: release it.
  atStartup(() =>
    orders.update((all) => {
      for (const byNo of Object.values(all)) for (const [no, o] of Object.entries(byNo)) if (o.state === 'USERPAYING') delete byNo[no];
    }),
  );

  const ordersOf = (all: Record<string, Record<string, VirtualOrder>>, appId: string) => ownEntry(all, appId) ?? {};

  const release = (appId: string, outTradeNo: string) =>
    orders.update((all) => {
      const byNo = ordersOf(all, appId);
      if (ownEntry(byNo, outTradeNo)?.state === 'USERPAYING') delete byNo[outTradeNo];
    });

  return {
    async requestVirtualPayment(app, params) {
      const data = parseSignData(params.signData);
      const amount = amountFor(params.mode, data);

      const paySig = hmacSha256(deps.appKeyOf(app), `requestVirtualPayment&${params.signData}`).toString('hex');
      if (!sameText(paySig, params.paySig.toLowerCase())) throw fail('paySig invalid', VIRTUAL_ERRCODE.paySigInvalid);
      const session = sessions.current(app.appId);
      if (!session) throw fail(LOGIN_REQUIRED);
      const signature = hmacSha256(session.sessionKey, params.signData).toString('hex');
      if (!sameText(signature, params.signature.toLowerCase())) throw fail('signature invalid', VIRTUAL_ERRCODE.signatureInvalid);

      const payerOpenid = deps.openidOf(app.appId);
      orders.update((all) => {
        const byNo = ownEntryOrCreate(all, app.appId, () => ({}));
        if (ownEntry(byNo, data.outTradeNo)) throw fail('duplicate outTradeNo');
        putOwn(byNo, data.outTradeNo, {
          appId: app.appId,
          outTradeNo: data.outTradeNo,
          mode: params.mode,
          offerId: data.offerId,
          ...(data.productId !== undefined ? { productId: data.productId } : {}),
          buyQuantity: data.buyQuantity,
          totalFee: amount,
          env: data.env,
          ...(data.attach !== undefined ? { attach: data.attach } : {}),
          state: 'USERPAYING',
          createdAt: ctx.clock.now(),
          payerOpenid,
        });
      });

      let confirmed: boolean;
      try {
        const answer = await ctx.ask(app, {
          kind: 'virtualPayment',
          app: sheetApp(app),
          mode: params.mode,
          ...(data.productId !== undefined ? { productId: data.productId } : {}),
          quantity: data.buyQuantity,
          amount,
          balance: accounts.balance(),
          outTradeNo: data.outTradeNo,
        });
        confirmed = answer.confirmed;
      } catch (e) {
        release(app.appId, data.outTradeNo);
        throw e;
      }
      if (!confirmed) {
        release(app.appId, data.outTradeNo);
        throw fail('cancel', VIRTUAL_ERRCODE.cancel);
      }

      // One transaction: after a crash at any instant the order is paid (debited once, coins added) or not at all.
      const outcome = commitOrRelease(() => deps.transaction(() => orders.update((all) => {
        const byNo = ordersOf(all, app.appId);
        const order = ownEntry(byNo, data.outTradeNo);
        if (order?.state !== 'USERPAYING') return 'gone';
        const description = params.mode === 'short_series_coin' ? `${data.buyQuantity} coins` : `${data.productId} × ${data.buyQuantity}`;
        const debited = accounts.debit({ appId: app.appId, appName: app.name, kind: 'virtualPayment', outTradeNo: data.outTradeNo, description, amount });
        if (!debited) {
          delete byNo[data.outTradeNo];
          return 'refused';
        }
        order.state = 'SUCCESS';
        order.paidAt = ctx.clock.now();
        if (params.mode === 'short_series_coin') coins.update((c) => putOwn(c, app.appId, (ownEntry(c, app.appId) ?? 0) + data.buyQuantity));
        return 'paid';
      })), () => release(app.appId, data.outTradeNo));
      if (outcome === 'refused') throw fail('insufficient balance');
      if (outcome === 'gone') throw fail('order not found');
      ctx.walletChanged();
      return {};
    },
    find(appId, outTradeNo) {
      const o = ownEntry(ordersOf(orders.read(), appId), outTradeNo);
      if (!o) return undefined;
      return {
        out_trade_no: o.outTradeNo,
        mode: o.mode,
        offer_id: o.offerId,
        ...(o.productId !== undefined ? { product_id: o.productId } : {}),
        buy_quantity: o.buyQuantity,
        total_fee: o.totalFee,
        env: o.env,
        ...(o.attach !== undefined ? { attach: o.attach } : {}),
        trade_state: o.state,
        ...(o.paidAt !== undefined ? { paid_at: seconds(o.paidAt) } : {}),
        openid: o.payerOpenid,
      };
    },
    coins: (appId) => ownEntry(coins.read(), appId) ?? 0,
    forgetAll(appId) {
      deps.transaction(() => {
      orders.update((all) => {
        if (ownEntry(all, appId)) delete all[appId];
      });
      coins.update((c) => {
        if (ownEntry(c, appId) !== undefined) delete c[appId];
      });
      });
    },
    forgetUnpaid(appId) {
      orders.update((all) => {
        const byNo = ownEntry(all, appId);
        if (!byNo) return;
        for (const [no, o] of Object.entries(byNo)) if (o.state !== 'SUCCESS') delete byNo[no];
        if (Object.keys(byNo).length === 0) delete all[appId];
      });
    },
  };
}
