import { ApiError } from '../contracts/errors';
import type { KeyValueStore } from '../contracts/ports';
import { seconds, type PlatformContext } from './context';
import { ownEntry, ownEntryOrCreate, putOwn } from './own-keys';
import { KEYS, OrdersDoc, type Order, type TradeState } from './records';
import { atStartup, storeDoc } from './store-doc';
import { randomHex } from './wx-crypto';

/** Server-API errcodes beyond WeChat's well-known ones (40013, 40029, 40097, 40125). */
export const ORDER_ERRCODE = { notFound: 40400, outTradeNoUsed: 40409, invalidOpenid: 40003 } as const;

export interface NewOrder {
  outTradeNo: string;
  description: string;
  totalFee: number;
  notifyUrl?: string;
  openid?: string;
  expiresInSeconds: number;
}

export type CreateResult = { ok: true; prepayId: string } | { ok: false; errcode: number; errmsg: string };

/** What orderquery shows a merchant. */
export interface OrderView {
  out_trade_no: string;
  prepay_id: string;
  description: string;
  total_fee: number;
  trade_state: TradeState;
  paid_at?: number;
  openid?: string;
}

/**
 * The payment orders of every app, kept in one store document keyed by appId first: an app's
 * orders are only ever looked up inside its own map, so another app's prepay_id simply is not there.
 * Each method below is synchronous from read to write, which is what makes state changes atomic.
 */
export interface OrderBook {
  create(appId: string, order: NewOrder): CreateResult;
  /** by out_trade_no when given, else by prepay_id */
  find(appId: string, by: { outTradeNo?: string; prepayId?: string }): Order | undefined;
  /** NOTPAY -> USERPAYING after every check passes; `verify` runs first and may throw */
  begin(appId: string, prepayId: string, verify: (order: Order) => void): Order;
  /** USERPAYING -> NOTPAY, after a cancel or a failure */
  release(appId: string, outTradeNo: string): void;
  /**
   * USERPAYING -> SUCCESS if `pay` (the wallet debit, synchronous) returns true; otherwise back to NOTPAY.
   * Returns the paid order, or undefined when it was not payable (removed meanwhile) or `pay` refused.
   */
  complete(appId: string, outTradeNo: string, payerOpenid: string, pay: (order: Order) => boolean): { paid: Order } | { paid: undefined; reason: 'gone' | 'refused' };
  dropUnpaid(appId: string): void;
  /** every order of the appId, paid ones too (the user's wallet history is kept elsewhere) */
  dropAll(appId: string): void;
  view(order: Order): OrderView;
}

export function createOrderBook(store: KeyValueStore, ctx: PlatformContext): OrderBook {
  const doc = storeDoc(store, KEYS.orders, OrdersDoc, () => ({}));

  // No sheet survives a restart, so an order left "being paid" by a previous run is payable again.
  atStartup(() =>
    doc.update((all) => {
      for (const orders of Object.values(all)) for (const o of Object.values(orders)) if (o.state === 'USERPAYING') o.state = 'NOTPAY';
    }),
  );

  const isExpired = (o: Order) => o.state === 'CLOSED' || (o.state === 'NOTPAY' && ctx.clock.now() >= o.expiresAt);
  const byPrepay = (orders: Record<string, Order>, prepayId: string) => Object.values(orders).find((o) => o.prepayId === prepayId);
  const ordersOf = (all: Record<string, Record<string, Order>>, appId: string) => ownEntry(all, appId) ?? {};

  return {
    create(appId, input) {
      return doc.update((all): CreateResult => {
        const orders = ownEntryOrCreate(all, appId, () => ({}));
        if (ownEntry(orders, input.outTradeNo)) {
          return {
            ok: false,
            errcode: ORDER_ERRCODE.outTradeNoUsed,
            errmsg: `out_trade_no "${input.outTradeNo}" is already used by this app: give every order a new out_trade_no`,
          };
        }
        const now = ctx.clock.now();
        const prepayId = `wx${randomHex(ctx.random, 16)}`;
        putOwn(orders, input.outTradeNo, {
          appId,
          outTradeNo: input.outTradeNo,
          prepayId,
          description: input.description,
          totalFee: input.totalFee,
          ...(input.notifyUrl ? { notifyUrl: input.notifyUrl } : {}),
          ...(input.openid ? { openid: input.openid } : {}),
          createdAt: now,
          expiresAt: now + input.expiresInSeconds * 1000,
          state: 'NOTPAY',
        });
        return { ok: true, prepayId };
      });
    },
    find(appId, by) {
      const orders = ordersOf(doc.read(), appId);
      if (by.outTradeNo !== undefined) return ownEntry(orders, by.outTradeNo);
      if (by.prepayId !== undefined) return byPrepay(orders, by.prepayId);
      return undefined;
    },
    begin(appId, prepayId, verify) {
      return doc.update((all) => {
        const order = byPrepay(ordersOf(all, appId), prepayId);
        if (!order) throw new ApiError('order not found');
        verify(order);
        if (order.state === 'SUCCESS') throw new ApiError('order paid');
        if (isExpired(order)) throw new ApiError('order expired');
        if (order.state === 'USERPAYING') throw new ApiError('order is being paid');
        order.state = 'USERPAYING';
        return { ...order };
      });
    },
    release(appId, outTradeNo) {
      doc.update((all) => {
        const order = ownEntry(ordersOf(all, appId), outTradeNo);
        if (order?.state === 'USERPAYING') order.state = 'NOTPAY';
      });
    },
    complete(appId, outTradeNo, payerOpenid, pay) {
      return doc.update((all) => {
        const order = ownEntry(ordersOf(all, appId), outTradeNo);
        if (order?.state !== 'USERPAYING') return { paid: undefined, reason: 'gone' as const };
        if (!pay(order)) {
          order.state = 'NOTPAY';
          return { paid: undefined, reason: 'refused' as const };
        }
        order.state = 'SUCCESS';
        order.paidAt = ctx.clock.now();
        order.payerOpenid = payerOpenid;
        return { paid: { ...order } };
      });
    },
    dropAll(appId) {
      doc.update((all) => {
        if (ownEntry(all, appId)) delete all[appId];
      });
    },
    dropUnpaid(appId) {
      doc.update((all) => {
        const orders = ownEntry(all, appId);
        if (!orders) return;
        for (const [no, o] of Object.entries(orders)) if (o.state !== 'SUCCESS') delete orders[no];
        if (Object.keys(orders).length === 0) delete all[appId];
      });
    },
    view(o) {
      const state: TradeState = isExpired(o) ? 'CLOSED' : o.state;
      const openid = o.payerOpenid ?? o.openid;
      return {
        out_trade_no: o.outTradeNo,
        prepay_id: o.prepayId,
        description: o.description,
        total_fee: o.totalFee,
        trade_state: state,
        ...(o.paidAt !== undefined ? { paid_at: seconds(o.paidAt) } : {}),
        ...(openid ? { openid } : {}),
      };
    },
  };
}
