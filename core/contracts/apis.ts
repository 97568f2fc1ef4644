import { z } from 'zod';
import {
  AbortNetworkTaskParams,
  CloseSocketParams,
  ConnectSocketParams,
  DownloadFileParams,
  DownloadFileResult,
  RequestParams,
  RequestResult,
  SendSocketMessageParams,
  UploadFileParams,
  UploadFileResult,
} from './network';
import { fileApiSchemas } from './files';
import { WriteTempFileParams, WriteTempFileResult } from './temp-writes';
import { ChooseImageParams, ChooseImageResult, ChooseMediaParams, ChooseMediaResult, GetClipboardDataResult, SetClipboardDataParams } from './device';

/**
 * One table of every API a mini program can call through the bridge.
 * Param schemas describe what the app sends (callbacks stripped by the client);
 * result schemas describe what a handler returns, before the dispatcher adds `errMsg`.
 * Everything else (handler types, the `wx` typings, the dispatcher's checks) is derived from here.
 */

// the names alone live in a module without zod, for the wx client (core/contracts/api-names.ts)
export { OPEN_API_NAMES, type OpenApiName } from './api-names';
import type { API_NAMES } from './api-names';

const Lang = z.enum(['en', 'zh_CN', 'zh_TW']);
const Empty = z.object({}).loose();

export const UserInfo = z.object({
  nickName: z.string(),
  avatarUrl: z.string(),
  gender: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  country: z.string(),
  province: z.string(),
  city: z.string(),
  language: z.string(),
});
export type UserInfo = z.infer<typeof UserInfo>;

export const LoginParams = z.object({ timeout: z.number().int().positive().max(600_000).optional() });
export const LoginResult = z.object({ code: z.string().min(1) });
export const CheckSessionParams = Empty;
export const CheckSessionResult = Empty;
export const GetUserInfoParams = z.object({ withCredentials: z.boolean().optional(), lang: Lang.optional() });
export const GetUserProfileParams = z.object({
  desc: z.string().min(1, 'desc is required: say why the app needs the profile').max(30),
  lang: Lang.optional(),
});
export const UserInfoResult = z.object({
  userInfo: UserInfo,
  rawData: z.string(),
  signature: z.string(),
  encryptedData: z.string().optional(),
  iv: z.string().optional(),
});
export const GetPhoneNumberParams = Empty;
export const PhoneNumberResult = z.object({ code: z.string().min(1) });
export const PaymentParams = z.object({
  timeStamp: z.string().regex(/^\d{1,13}$/, 'timeStamp is a string of seconds since the epoch'),
  nonceStr: z.string().min(1).max(32),
  package: z.string().regex(/^prepay_id=[A-Za-z0-9_-]{1,64}$/, 'package must look like "prepay_id=<id>"'),
  signType: z.enum(['MD5', 'HMAC-SHA256']).default('MD5'),
  paySign: z.string().min(1).max(128),
});
export const PaymentResult = Empty;
/**
 * WeChat only checks that signData, paySig and signature are strings: a malformed one fails like any
 * other virtual payment failure, with its errCode (-1 signData, -15006 paySig, -15005 signature), from
 * the handler's checks. The bridge's size limit bounds them.
 */
export const VirtualPaymentParams = z.object({
  signData: z.string(),
  mode: z.enum(['short_series_goods', 'short_series_coin']),
  paySig: z.string(),
  signature: z.string(),
});
export const VirtualPaymentResult = Empty;

/** The JSON inside requestVirtualPayment's signData. */
export const VirtualSignData = z.object({
  offerId: z.string().min(1),
  buyQuantity: z.number().int().positive().max(100_000),
  env: z.union([z.literal(0), z.literal(1)]),
  currencyType: z.literal('CNY'),
  productId: z.string().min(1).optional(),
  goodsPrice: z.number().int().nonnegative().optional(),
  outTradeNo: z.string().min(1).max(64),
  attach: z.string().max(256).optional(),
});
export type VirtualSignData = z.infer<typeof VirtualSignData>;

export const InvokeNativePluginParams = z.object({
  api_name: z.string().min(1).max(64),
  data: z.record(z.string(), z.unknown()).default({}),
});
export const InvokeNativePluginResult = z.record(z.string(), z.unknown());

export const Scope = z.enum(['scope.userInfo', 'scope.userPhoneNumber', 'scope.userLocation', 'scope.address', 'scope.invoice', 'scope.camera', 'scope.record']);
export type Scope = z.infer<typeof Scope>;
export const AuthSetting = z.record(z.string(), z.boolean());
export type AuthSetting = z.infer<typeof AuthSetting>;

const StorageKey = z.string().min(1, 'key must be a non-empty string').max(512);

export const SystemInfoResult = z.object({
  host: z.object({ env: z.string(), name: z.string(), version: z.string() }),
  platform: z.string(),
  system: z.string(),
  version: z.string(),
  SDKVersion: z.string(),
  language: z.string(),
});

export const StorageInfoResult = z.object({
  keys: z.array(z.string()),
  /** KB, as WeChat reports it */
  currentSize: z.number(),
  limitSize: z.number(),
});

/**
 * wx.getExtConfig's extConfig: data the hosting platform gives an app, for WeChat the ext.json of a
 * third-party platform. This shell puts the origin of the app's merchant backend there (`backendUrl`)
 * when it runs one for the app, so a WeChat-format sample finds its backend with a documented API.
 */
export const ExtConfig = z.record(z.string(), z.unknown());

export const apiTable = {
  // the seven open APIs of TCMPP (OpenApiHandler)
  login: { kind: 'open', params: LoginParams, result: LoginResult },
  checkSession: { kind: 'open', params: CheckSessionParams, result: CheckSessionResult },
  getUserInfo: { kind: 'open', params: GetUserInfoParams, result: UserInfoResult },
  getUserProfile: { kind: 'open', params: GetUserProfileParams, result: UserInfoResult },
  getPhoneNumber: { kind: 'open', params: GetPhoneNumberParams, result: PhoneNumberResult },
  requestPayment: { kind: 'open', params: PaymentParams, result: PaymentResult },
  requestVirtualPayment: { kind: 'open', params: VirtualPaymentParams, result: VirtualPaymentResult },
  // custom APIs registered by the integrator
  invokeNativePlugin: { kind: 'custom', params: InvokeNativePluginParams, result: InvokeNativePluginResult },
  // base APIs every app may call
  getSetting: { kind: 'base', params: z.object({ withSubscriptions: z.boolean().optional() }), result: z.object({ authSetting: AuthSetting }) },
  authorize: { kind: 'base', params: z.object({ scope: Scope }), result: Empty },
  openSetting: { kind: 'base', params: Empty, result: z.object({ authSetting: AuthSetting }) },
  exitMiniProgram: { kind: 'base', params: Empty, result: Empty },
  getSystemInfo: { kind: 'base', params: Empty, result: SystemInfoResult },
  setStorage: { kind: 'base', params: z.object({ key: StorageKey, data: z.unknown() }), result: Empty },
  getStorage: { kind: 'base', params: z.object({ key: StorageKey }), result: z.object({ data: z.unknown() }) },
  removeStorage: { kind: 'base', params: z.object({ key: StorageKey }), result: Empty },
  clearStorage: { kind: 'base', params: Empty, result: Empty },
  getStorageInfo: { kind: 'base', params: Empty, result: StorageInfoResult },
  // what the platform hosting the app configures for it (WeChat's third-party-platform ext config)
  getExtConfig: { kind: 'base', params: Empty, result: z.object({ extConfig: ExtConfig }) },
  // network, made by the host within the app's declared domains (core/network)
  request: { kind: 'base', params: RequestParams, result: RequestResult },
  downloadFile: { kind: 'base', params: DownloadFileParams, result: DownloadFileResult },
  uploadFile: { kind: 'base', params: UploadFileParams, result: UploadFileResult },
  connectSocket: { kind: 'base', params: ConnectSocketParams, result: Empty },
  sendSocketMessage: { kind: 'base', params: SendSocketMessageParams, result: Empty },
  closeSocket: { kind: 'base', params: CloseSocketParams, result: Empty },
  abortNetworkTask: { kind: 'base', params: AbortNetworkTaskParams, result: Empty },
  // device: the system clipboard and the host's image chooser (core/device)
  setClipboardData: { kind: 'base', params: SetClipboardDataParams, result: Empty },
  getClipboardData: { kind: 'base', params: Empty, result: GetClipboardDataResult },
  chooseImage: { kind: 'base', params: ChooseImageParams, result: ChooseImageResult },
  chooseMedia: { kind: 'base', params: ChooseMediaParams, result: ChooseMediaResult },
  // the app's own files, in the host's data store (core/files): wx.getFileSystemManager()'s methods
  access: { kind: 'base', ...fileApiSchemas.access },
  readFile: { kind: 'base', ...fileApiSchemas.readFile },
  writeFile: { kind: 'base', ...fileApiSchemas.writeFile },
  appendFile: { kind: 'base', ...fileApiSchemas.appendFile },
  unlink: { kind: 'base', ...fileApiSchemas.unlink },
  mkdir: { kind: 'base', ...fileApiSchemas.mkdir },
  rmdir: { kind: 'base', ...fileApiSchemas.rmdir },
  readdir: { kind: 'base', ...fileApiSchemas.readdir },
  stat: { kind: 'base', ...fileApiSchemas.stat },
  rename: { kind: 'base', ...fileApiSchemas.rename },
  copyFile: { kind: 'base', ...fileApiSchemas.copyFile },
  truncate: { kind: 'base', ...fileApiSchemas.truncate },
  getFileInfo: { kind: 'base', ...fileApiSchemas.getFileInfo },
  saveFile: { kind: 'base', ...fileApiSchemas.saveFile },
  getSavedFileList: { kind: 'base', ...fileApiSchemas.getSavedFileList },
  removeSavedFile: { kind: 'base', ...fileApiSchemas.removeSavedFile },
  // internal: canvasToTempFilePath's image into the app's temp area (core/contracts/temp-writes.ts)
  __writeTempFile: { kind: 'base', params: WriteTempFileParams, result: WriteTempFileResult },
} as const satisfies Record<string, { kind: 'open' | 'custom' | 'base'; params: z.ZodType; result: z.ZodType }>;

export type ApiName = keyof typeof apiTable;

type Assert<T extends true> = T;
/** api-names.ts lists exactly the table's names: one missing there, or one the table lacks, fails to compile */
export type ApiNamesMatchTable = Assert<
  [ApiName] extends [(typeof API_NAMES)[number]] ? ([(typeof API_NAMES)[number]] extends [ApiName] ? true : false) : false
>;
export type ApiParams<N extends ApiName> = z.output<(typeof apiTable)[N]['params']>;
export type ApiParamsInput<N extends ApiName> = z.input<(typeof apiTable)[N]['params']>;
export type ApiResult<N extends ApiName> = z.output<(typeof apiTable)[N]['result']>;

export function isApiName(name: string): name is ApiName {
  return Object.prototype.hasOwnProperty.call(apiTable, name);
}

export type LoginParams = z.output<typeof LoginParams>;
export type LoginResult = z.output<typeof LoginResult>;
export type GetUserInfoParams = z.output<typeof GetUserInfoParams>;
export type GetUserProfileParams = z.output<typeof GetUserProfileParams>;
export type UserInfoResult = z.output<typeof UserInfoResult>;
export type PhoneNumberResult = z.output<typeof PhoneNumberResult>;
export type PaymentParams = z.output<typeof PaymentParams>;
export type VirtualPaymentParams = z.output<typeof VirtualPaymentParams>;
