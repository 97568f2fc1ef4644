import { z } from 'zod';
import { UserInfo } from './apis';

/**
 * Trusted sheets: drawn by the shell, never by a mini program. Core asks the host's Prompter
 * to show one and waits for the user's answer. The renderer draws them from these same schemas.
 */
const SheetApp = z.object({ appId: z.string(), name: z.string(), iconUrl: z.string().optional() });

export const UserProfileSheet = z.object({ kind: z.literal('userProfile'), app: SheetApp, desc: z.string(), profile: UserInfo });
export const PhoneNumberSheet = z.object({ kind: z.literal('phoneNumber'), app: SheetApp, maskedPhone: z.string() });
export const AuthorizeSheet = z.object({ kind: z.literal('authorize'), app: SheetApp, scope: z.string(), label: z.string() });
export const PaymentSheet = z.object({
  kind: z.literal('payment'),
  app: SheetApp,
  merchant: z.string(),
  description: z.string(),
  /** fen (1/100 CNY), always taken from the order on the platform side */
  amount: z.number().int().nonnegative(),
  currency: z.literal('CNY'),
  balance: z.number().int(),
  outTradeNo: z.string(),
});
export const VirtualPaymentSheet = z.object({
  kind: z.literal('virtualPayment'),
  app: SheetApp,
  mode: z.enum(['short_series_goods', 'short_series_coin']),
  productId: z.string().optional(),
  quantity: z.number().int(),
  /** fen, total to be debited */
  amount: z.number().int().nonnegative(),
  balance: z.number().int(),
  outTradeNo: z.string(),
});
export const OpenSettingSheet = z.object({
  kind: z.literal('openSetting'),
  app: SheetApp,
  scopes: z.array(z.object({ scope: z.string(), label: z.string(), granted: z.boolean() })),
});
/** getClipboardData's first read: may the app read what the user copied? Remembered per app. */
export const ClipboardReadSheet = z.object({ kind: z.literal('clipboardRead'), app: SheetApp });
/**
 * chooseImage / chooseMedia in a host without a native dialog (the browser host): the user picks files with
 * the sheet's own file input (browsers open a file picker only from a user gesture) and confirms.
 */
export const ChooseImagesSheet = z.object({
  kind: z.literal('chooseImages'),
  app: SheetApp,
  api: z.enum(['chooseImage', 'chooseMedia']),
  count: z.number().int().positive(),
  /** bytes, per file */
  maxFileBytes: z.number().int().positive(),
  /** lower-case extensions without the dot */
  extensions: z.array(z.string()),
});

export const Sheet = z.discriminatedUnion('kind', [
  UserProfileSheet,
  PhoneNumberSheet,
  AuthorizeSheet,
  PaymentSheet,
  VirtualPaymentSheet,
  OpenSettingSheet,
  ClipboardReadSheet,
  ChooseImagesSheet,
]);
export type Sheet = z.infer<typeof Sheet>;
export type SheetKind = Sheet['kind'];

/**
 * confirmed=false means the user cancelled / refused / closed the sheet.
 * For openSetting, `authSetting` holds the toggles as the user left them.
 */
export const SheetAnswer = z.object({
  confirmed: z.boolean(),
  authSetting: z.record(z.string(), z.boolean()).optional(),
  /** chooseImages: the files the shell page uploaded for the app, as the host named them, in the user's order */
  files: z.array(z.object({ source: z.string().min(1), width: z.number().int().positive().optional(), height: z.number().int().positive().optional() })).max(64).optional(),
});
export type SheetAnswer = z.infer<typeof SheetAnswer>;
