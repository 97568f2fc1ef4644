import { z } from 'zod';
import { PaymentRecord, Profile } from '../contracts/shell-api';

/**
 * Shapes of everything the embedded platform persists, one store key each.
 * Times are milliseconds from services.clock; amounts are fen (1/100 CNY).
 */

export const KEYS = {
  secret: 'platform:secret',
  user: 'platform:user',
  wallet: 'platform:wallet',
  apps: 'platform:apps',
  sessions: 'platform:sessions',
  loginCodes: 'platform:loginCodes',
  phoneCodes: 'platform:phoneCodes',
  orders: 'platform:orders',
  virtualOrders: 'platform:virtualOrders',
  coins: 'platform:coins',
  outbox: 'platform:outbox',
} as const;

const Hex32 = z.string().regex(/^[0-9a-f]{32}$/);

/** The key every openid/unionid is derived from; never leaves the platform. */
export const PlatformSecret = z.object({ secret: z.string().min(40) });
export type PlatformSecret = z.infer<typeof PlatformSecret>;

export const LocalUser = z.object({ id: Hex32, createdAt: z.number(), profile: Profile });
export type LocalUser = z.infer<typeof LocalUser>;

export const WalletDoc = z.object({ balance: z.number().int(), history: z.array(PaymentRecord) });
export type WalletDoc = z.infer<typeof WalletDoc>;

export const AppRecord = z.object({
  appId: z.string(),
  name: z.string(),
  developerId: z.string(),
  appSecret: Hex32,
  payKey: z.string().regex(/^[A-Za-z0-9]{32}$/),
  appKey: Hex32,
  registeredAt: z.number(),
  /** false after uninstall: secrets are kept so a reinstall gets the same ones, but the server API refuses the appid */
  active: z.boolean(),
});
export type AppRecord = z.infer<typeof AppRecord>;
export const AppsDoc = z.record(z.string(), AppRecord);

/** The user's login session with one app (there is one local user, so one session per app). */
export const Session = z.object({ sessionKey: z.string(), issuedAt: z.number(), expiresAt: z.number() });
export type Session = z.infer<typeof Session>;
export const SessionsDoc = z.record(z.string(), Session);

export const LoginCode = z.object({ appId: z.string(), expiresAt: z.number() });
export const LoginCodesDoc = z.record(z.string(), LoginCode);

/** The phone number the user saw masked in the sheet is the one the code yields, even if edited later. */
export const PhoneCode = z.object({ appId: z.string(), expiresAt: z.number(), phoneNumber: z.string(), countryCode: z.string() });
export const PhoneCodesDoc = z.record(z.string(), PhoneCode);

export const TradeState = z.enum(['NOTPAY', 'USERPAYING', 'SUCCESS', 'CLOSED']);
export type TradeState = z.infer<typeof TradeState>;

export const Order = z.object({
  appId: z.string(),
  outTradeNo: z.string(),
  prepayId: z.string(),
  description: z.string(),
  totalFee: z.number().int().positive(),
  notifyUrl: z.string().optional(),
  /** when the merchant named a payer */
  openid: z.string().optional(),
  createdAt: z.number(),
  expiresAt: z.number(),
  state: TradeState,
  paidAt: z.number().optional(),
  payerOpenid: z.string().optional(),
});
export type Order = z.infer<typeof Order>;
/** appId -> outTradeNo -> order: an app's orders are only ever looked up inside its own map */
export const OrdersDoc = z.record(z.string(), z.record(z.string(), Order));

export const VirtualOrder = z.object({
  appId: z.string(),
  outTradeNo: z.string(),
  mode: z.enum(['short_series_goods', 'short_series_coin']),
  offerId: z.string(),
  productId: z.string().optional(),
  buyQuantity: z.number().int(),
  totalFee: z.number().int().nonnegative(),
  env: z.number().int(),
  attach: z.string().optional(),
  state: z.enum(['USERPAYING', 'SUCCESS']),
  createdAt: z.number(),
  paidAt: z.number().optional(),
  payerOpenid: z.string(),
});
export type VirtualOrder = z.infer<typeof VirtualOrder>;
export const VirtualOrdersDoc = z.record(z.string(), z.record(z.string(), VirtualOrder));

/** appId -> coins the user holds in that app (short_series_coin purchases) */
export const CoinsDoc = z.record(z.string(), z.number().int().nonnegative());
