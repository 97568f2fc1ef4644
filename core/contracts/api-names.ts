/**
 * Every API name of the bridge's API table (core/contracts/apis.ts), without its schemas: the wx client
 * builds one method per name and must not construct the whole table's zod schemas in each mini program
 * frame to learn them. The compiler keeps the two equal: a name missing here, or one the table lacks,
 * fails the typecheck in apis.ts (this module imports nothing, so the client's bundle stays free of zod).
 */
/** the seven open APIs of TCMPP (OpenApiHandler) */
export const OPEN_API_NAMES = ['login', 'checkSession', 'getUserInfo', 'getUserProfile', 'getPhoneNumber', 'requestPayment', 'requestVirtualPayment'] as const;
export type OpenApiName = (typeof OPEN_API_NAMES)[number];

/**
 * wx.getFileSystemManager()'s asynchronous methods (core/files). Only the manager has them, except
 * WX_FILE_API_NAMES, which WeChat also puts on wx itself.
 */
export const FILE_API_NAMES = [
  'access', 'readFile', 'writeFile', 'appendFile', 'unlink', 'mkdir', 'rmdir', 'readdir', 'stat', 'rename', 'copyFile', 'truncate',
  'getFileInfo', 'saveFile', 'getSavedFileList', 'removeSavedFile',
] as const;
export type FileApiName = (typeof FILE_API_NAMES)[number];
export const WX_FILE_API_NAMES = ['getFileInfo', 'saveFile', 'getSavedFileList', 'removeSavedFile'] as const satisfies readonly FileApiName[];
/** the file APIs that exist on the manager only (wx.readFile is undefined in WeChat) */
export type ManagerOnlyFileApiName = Exclude<FileApiName, (typeof WX_FILE_API_NAMES)[number]>;

/**
 * Bridge calls the shell's own runtime makes, not WeChat APIs: __writeTempFile stores canvasToTempFilePath's
 * image in the app's temp area (core/contracts/temp-writes.ts). They are on the page's wx for the mini program
 * view to reach the host, and are left out of the wx typings.
 */
export const INTERNAL_API_NAMES = ['__writeTempFile'] as const;
export type InternalApiName = (typeof INTERNAL_API_NAMES)[number];

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
  ...FILE_API_NAMES,
  ...INTERNAL_API_NAMES,
] as const;
