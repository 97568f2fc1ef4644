import type { ApiName } from './apis';

/**
 * Every API name of the bridge's API table (core/contracts/apis.ts), without its schemas: the wx client
 * builds one method per name and must not construct the whole table's zod schemas in each mini program
 * frame to learn them. The compiler keeps the two equal: a name missing here, or one the table lacks,
 * fails the typecheck below.
 */
/** the seven open APIs of TCMPP (OpenApiHandler) */
export const OPEN_API_NAMES = ['login', 'checkSession', 'getUserInfo', 'getUserProfile', 'getPhoneNumber', 'requestPayment', 'requestVirtualPayment'] as const;
export type OpenApiName = (typeof OPEN_API_NAMES)[number];

export const API_NAMES = [
  ...OPEN_API_NAMES,
  'invokeNativePlugin',
  'getSetting',
  'authorize',
  'openSetting',
  'exitMiniProgram',
  'getSystemInfo',
  'setStorage',
  'getStorage',
  'removeStorage',
  'clearStorage',
  'getStorageInfo',
  'getExtConfig',
  'request',
  'downloadFile',
  'uploadFile',
  'connectSocket',
  'sendSocketMessage',
  'closeSocket',
  'abortNetworkTask',
] as const satisfies readonly ApiName[];

type Assert<T extends true> = T;
/** fails to compile when a name of the table is not listed (the `satisfies` above rules out names it lacks) */
export type EveryApiNameListed = Assert<[ApiName] extends [(typeof API_NAMES)[number]] ? true : false>;
