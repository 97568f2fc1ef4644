/**
 * Every API name of the bridge's API table (core/contracts/apis.ts), without its schemas: the wx client
 * builds one method per name and must not construct the whole table's zod schemas in each mini program
 * frame to learn them. The compiler keeps the two equal: a name missing here, or one the table lacks,
 * fails the typecheck in apis.ts (this module imports nothing, so the client's bundle stays free of zod).
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
  'setClipboardData',
  'getClipboardData',
  'chooseImage',
  'chooseMedia',
] as const;
