/**
 * Typings of the `wx` object that Superapp Shell gives every mini program page.
 *
 * Add to a mini program written in TypeScript with:  /// <reference path="wx.d.ts" />
 *
 * Every async API takes `{ ...params, success, fail, complete }`. With at least one callback the call
 * answers through them (success or fail exactly once, then complete) and returns nothing; with none it
 * returns a Promise that resolves with the success result and rejects with the fail result.
 * Results carry `errMsg: "<api>:ok"`; failures `errMsg: "<api>:fail <reason>"` and, where WeChat has one,
 * `errno` / `errCode`.
 *
 * Kept in step with the host's API table by test/unit/client/wx-typings.test.ts.
 */

declare namespace WxApi {
  /** What `fail` receives and a Promise rejects with. */
  interface FailResult {
    errMsg: string;
    errno?: number;
    errCode?: number;
  }

  type Success<R> = R & { errMsg: string };

  interface Callbacks<S> {
    success?: (result: S) => void;
    fail?: (result: FailResult) => void;
    complete?: (result: S | FailResult) => void;
  }

  type AnyCallback<S> =
    | { success: (result: S) => void }
    | { fail: (result: FailResult) => void }
    | { complete: (result: S | FailResult) => void };

  /** Parameter objects that accept no named parameters (extra keys are ignored by the host). */
  type NoParams = { [key: string]: unknown };
  /** Results with nothing but errMsg. */
  type NoResult = { [key: string]: unknown };

  type Lang = 'en' | 'zh_CN' | 'zh_TW';

  type Scope =
    | 'scope.userInfo'
    | 'scope.userPhoneNumber'
    | 'scope.userLocation'
    | 'scope.address'
    | 'scope.invoice'
    | 'scope.camera'
    | 'scope.record';

  /** scope -> granted (true) or refused/revoked (false); scopes never asked are absent */
  type AuthSetting = Record<string, boolean>;

  interface UserInfo {
    nickName: string;
    avatarUrl: string;
    /** 0 unknown, 1 male, 2 female */
    gender: 0 | 1 | 2;
    country: string;
    province: string;
    city: string;
    language: string;
  }

  interface UserInfoResult {
    userInfo: UserInfo;
    /** JSON of userInfo, as signed */
    rawData: string;
    /** sha1(rawData + session_key), hex */
    signature: string;
    /** AES-128-CBC with the session_key, base64; present when the app has a login session */
    encryptedData?: string;
    iv?: string;
  }

  /** Named parameters of each API (callbacks aside). */
  interface Params {
    login: {
      /** ms to wait for the host before failing with "login:fail timeout" (at most 600000) */
      timeout?: number;
    };
    checkSession: NoParams;
    getUserInfo: { withCredentials?: boolean; lang?: Lang };
    getUserProfile: {
      /** why the app needs the profile, shown to the user (1-30 characters) */
      desc: string;
      lang?: Lang;
    };
    getPhoneNumber: NoParams;
    requestPayment: {
      /** seconds since the epoch, as a string */
      timeStamp: string;
      nonceStr: string;
      /** "prepay_id=<id>" from your server's order */
      package: string;
      signType?: 'MD5' | 'HMAC-SHA256';
      paySign: string;
    };
    requestVirtualPayment: {
      /** JSON: offerId, buyQuantity, env, currencyType, productId?, goodsPrice?, outTradeNo, attach? */
      signData: string;
      mode: 'short_series_goods' | 'short_series_coin';
      /** hex HMAC-SHA256(appKey, "requestVirtualPayment&" + signData) */
      paySig: string;
      /** hex HMAC-SHA256(session_key, signData) */
      signature: string;
    };
    invokeNativePlugin: {
      /** name of the host's custom API; must be listed in manifest permissions.customApi */
      api_name: string;
      data?: Record<string, unknown>;
    };
    getSetting: { withSubscriptions?: boolean };
    authorize: { scope: Scope };
    openSetting: NoParams;
    exitMiniProgram: NoParams;
    getSystemInfo: NoParams;
    setStorage: { key: string; data: unknown };
    getStorage: { key: string };
    removeStorage: { key: string };
    clearStorage: NoParams;
    getStorageInfo: NoParams;
    getExtConfig: NoParams;
    setClipboardData: {
      /** the text to copy */
      data: string;
    };
    getClipboardData: NoParams;
    chooseImage: {
      /** 1-9, default 9 */
      count?: number;
      /** accepted; the files are returned as picked ('compressed' is not applied) */
      sizeType?: Array<'original' | 'compressed'>;
      /** 'camera' alone fails: the desktop shell chooses from files ('album') */
      sourceType?: Array<'album' | 'camera'>;
    };
    chooseMedia: {
      /** 1-20, default 9 */
      count?: number;
      /** must include 'image' (or 'mix'): the shell chooses images only */
      mediaType?: Array<'image' | 'video' | 'mix'>;
      sourceType?: Array<'album' | 'camera'>;
      maxDuration?: number;
      sizeType?: Array<'original' | 'compressed'>;
      camera?: 'back' | 'front';
    };
    /** a temp, saved or wxfile://usr file of this app; digest md5 by default (sha256: FileSystemManager.getFileInfo's addition) */
    getFileInfo: { filePath: string; digestAlgorithm?: 'md5' | 'sha1' | 'sha256' };
    /** moves a temp file into the app's files: to filePath (under wxfile://usr) or a new wxfile://store_ path */
    saveFile: { tempFilePath: string; filePath?: string };
    getSavedFileList: NoParams;
    removeSavedFile: { filePath: string };
  }

  interface StorageInfo {
    keys: string[];
    /** KB in use */
    currentSize: number;
    /** KB allowed (10240) */
    limitSize: number;
  }

  interface SystemInfo {
    host: { env: string; name: string; version: string };
    platform: string;
    system: string;
    version: string;
    SDKVersion: string;
    language: string;
  }

  /** What each API's success carries besides errMsg. */
  interface Results {
    login: { code: string };
    checkSession: NoResult;
    getUserInfo: UserInfoResult;
    getUserProfile: UserInfoResult;
    getPhoneNumber: { code: string };
    requestPayment: NoResult;
    requestVirtualPayment: NoResult;
    /** whatever the host's custom API returned */
    invokeNativePlugin: Record<string, unknown>;
    getSetting: { authSetting: AuthSetting };
    authorize: NoResult;
    openSetting: { authSetting: AuthSetting };
    exitMiniProgram: NoResult;
    getSystemInfo: SystemInfo;
    setStorage: NoResult;
    getStorage: { data: unknown };
    removeStorage: NoResult;
    clearStorage: NoResult;
    getStorageInfo: StorageInfo;
    /** what the hosting platform configures for this app; `backendUrl` when the shell runs its merchant backend */
    getExtConfig: { extConfig: Record<string, unknown> };
    setClipboardData: NoResult;
    getClipboardData: { data: string };
    /** temp paths of this app: usable as <image src> and uploadFile's filePath */
    chooseImage: { tempFilePaths: string[]; tempFiles: Array<{ path: string; size: number }> };
    chooseMedia: {
      tempFiles: Array<{ tempFilePath: string; size: number; fileType: 'image'; width?: number; height?: number }>;
      type: 'image';
    };
    /** size in bytes, digest in hex */
    getFileInfo: { size: number; digest: string };
    saveFile: { savedFilePath: string };
    /** createTime in seconds since the epoch */
    getSavedFileList: { fileList: Array<{ filePath: string; size: number; createTime: number }> };
    removeSavedFile: NoResult;
  }

  type Name = keyof Params;

  /** An API whose options may be left out. */
  interface Method<N extends Name> {
    (options: Params[N] & Callbacks<Success<Results[N]>> & AnyCallback<Success<Results[N]>>): void;
    (options?: Params[N]): Promise<Success<Results[N]>>;
  }

  /** An API with required parameters. */
  interface MethodWithParams<N extends Name> {
    (options: Params[N] & Callbacks<Success<Results[N]>> & AnyCallback<Success<Results[N]>>): void;
    (options: Params[N]): Promise<Success<Results[N]>>;
  }

  type AppEventListener = (data: Record<string, unknown>) => void;

  type FileCall<P, S = NoResult> = (options: P & Callbacks<Success<S>>) => void;
  type FileEncoding = 'ascii' | 'base64' | 'binary' | 'hex' | 'ucs2' | 'ucs-2' | 'utf16le' | 'utf-16le' | 'utf-8' | 'utf8' | 'latin1';

  /** WeChat's Stats; times in seconds */
  interface FileStats {
    mode: number;
    size: number;
    lastAccessedTime: number;
    lastModifiedTime: number;
    isFile(): boolean;
    isDirectory(): boolean;
  }

  /**
   * wx.getFileSystemManager(): the app's own files under wx.env.USER_DATA_PATH, kept by the host per app
   * (200 MB with saved files). Callback style only, as in WeChat. The Sync forms, file descriptors (open, read,
   * write, close, fstat, ftruncate), unzip, readZipEntry and readCompressedFile fail with
   * "<name>:fail not supported in this desktop shell" (the Sync forms throw it and name the method to use).
   */
  interface FileSystemManager {
    access: FileCall<{ path: string }>;
    /** without encoding, data is an ArrayBuffer */
    readFile: FileCall<{ filePath: string; encoding?: FileEncoding; position?: number; length?: number }, { data: string | ArrayBuffer }>;
    /** at most about 1 MB per call through the bridge: larger data fails with "writeFile:fail data too large ..." */
    writeFile: FileCall<{ filePath: string; data: string | ArrayBuffer; encoding?: FileEncoding }>;
    appendFile: FileCall<{ filePath: string; data: string | ArrayBuffer; encoding?: FileEncoding }>;
    unlink: FileCall<{ filePath: string }>;
    mkdir: FileCall<{ dirPath: string; recursive?: boolean }>;
    rmdir: FileCall<{ dirPath: string; recursive?: boolean }>;
    readdir: FileCall<{ dirPath: string }, { files: string[] }>;
    /** recursive on a folder: an array of { path relative to `path` ("/" for itself), stats } */
    stat: FileCall<{ path: string; recursive?: boolean }, { stats: FileStats | Array<{ path: string; stats: FileStats }> }>;
    rename: FileCall<{ oldPath: string; newPath: string }>;
    copyFile: FileCall<{ srcPath: string; destPath: string }>;
    truncate: FileCall<{ filePath: string; length?: number }>;
    getFileInfo: FileCall<Params['getFileInfo'], Results['getFileInfo']>;
    saveFile: FileCall<Params['saveFile'], Results['saveFile']>;
    getSavedFileList: FileCall<NoParams, Results['getSavedFileList']>;
    removeSavedFile: FileCall<Params['removeSavedFile']>;
    readonly [unsupported: string]: unknown;
  }

  // ---- network: wx.request, downloadFile, uploadFile, connectSocket (made by the host, within the
  // app's declared domains; see the README's "Networking" section). Promise style is not supported for
  // these four, as in WeChat: they return their task object.

  type Header = Record<string, string | number | boolean>;
  type Listener<T> = (result: T) => void;
  type HttpMethod = 'OPTIONS' | 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'TRACE' | 'CONNECT';

  interface NetworkProfile {
    sendBytesCount: number;
    receivedBytedCount: number;
  }

  interface HeadersReceived {
    header: Record<string, string>;
    statusCode: number;
    cookies: string[];
  }

  interface RequestSuccess {
    /** parsed JSON (dataType "json" and JSON text), a string, or an ArrayBuffer (responseType "arraybuffer") */
    data: unknown;
    statusCode: number;
    header: Record<string, string>;
    cookies: string[];
    profile?: NetworkProfile;
    errMsg: string;
  }

  interface RequestOptions extends Callbacks<RequestSuccess> {
    url: string;
    /** GET: an object becomes the query string; otherwise JSON (a query string for x-www-form-urlencoded); strings and bytes as they are */
    data?: string | Record<string, unknown> | unknown[] | ArrayBuffer | ArrayBufferView;
    /** Referer and Host are the host's; content-type defaults to application/json */
    header?: Header;
    /** ms, default 60000 */
    timeout?: number;
    method?: HttpMethod;
    dataType?: string;
    responseType?: 'text' | 'arraybuffer';
  }

  interface RequestTask {
    abort(): void;
    onHeadersReceived(listener: Listener<HeadersReceived>): void;
    offHeadersReceived(listener?: Listener<HeadersReceived>): void;
  }

  interface DownloadSuccess {
    /** /__superapp__/tmp/tmp_… on the app's own origin: usable in <img src>, <image src> and uploadFile */
    tempFilePath: string;
    statusCode: number;
    profile?: NetworkProfile;
    errMsg: string;
  }

  interface DownloadOptions extends Callbacks<DownloadSuccess> {
    url: string;
    header?: Header;
    timeout?: number;
  }

  interface DownloadProgress {
    progress: number;
    totalBytesWritten: number;
    totalBytesExpectedToWrite: number;
  }

  interface DownloadTask {
    abort(): void;
    onProgressUpdate(listener: Listener<DownloadProgress>): void;
    offProgressUpdate(listener?: Listener<DownloadProgress>): void;
    onHeadersReceived(listener: Listener<HeadersReceived>): void;
    offHeadersReceived(listener?: Listener<HeadersReceived>): void;
  }

  interface UploadSuccess {
    /** the server's answer as text */
    data: string;
    statusCode: number;
    profile?: NetworkProfile;
    errMsg: string;
  }

  interface UploadOptions extends Callbacks<UploadSuccess> {
    url: string;
    /** a tempFilePath of this app (downloadFile) */
    filePath: string;
    /** the multipart field name of the file */
    name: string;
    header?: Header;
    formData?: Record<string, unknown>;
    timeout?: number;
  }

  interface UploadProgress {
    progress: number;
    totalBytesSent: number;
    totalBytesExpectedToSend: number;
  }

  interface UploadTask {
    abort(): void;
    onProgressUpdate(listener: Listener<UploadProgress>): void;
    offProgressUpdate(listener?: Listener<UploadProgress>): void;
    onHeadersReceived(listener: Listener<HeadersReceived>): void;
    offHeadersReceived(listener?: Listener<HeadersReceived>): void;
  }

  interface ConnectSocketOptions extends Callbacks<{ errMsg: string }> {
    url: string;
    header?: Header;
    protocols?: string[];
    tcpNoDelay?: boolean;
    perMessageDeflate?: boolean;
    timeout?: number;
  }

  interface SocketSendOptions extends Callbacks<{ errMsg: string }> {
    data: string | ArrayBuffer | ArrayBufferView;
  }

  interface SocketCloseOptions extends Callbacks<{ errMsg: string }> {
    /** 1000 or 3000-4999 */
    code?: number;
    /** at most 123 bytes of UTF-8 */
    reason?: string;
  }

  type SocketCall<O> = {
    (options: O & ({ success: unknown } | { fail: unknown } | { complete: unknown })): void;
    (options: O): Promise<{ errMsg: string }>;
  };

  interface SocketTask {
    readonly readyState: number;
    readonly CONNECTING: 0;
    readonly OPEN: 1;
    readonly CLOSING: 2;
    readonly CLOSED: 3;
    send: SocketCall<SocketSendOptions>;
    close: SocketCall<SocketCloseOptions>;
    onOpen(listener: Listener<{ header: Record<string, string> }>): void;
    offOpen(listener?: Listener<{ header: Record<string, string> }>): void;
    onMessage(listener: Listener<{ data: string | ArrayBuffer }>): void;
    offMessage(listener?: Listener<{ data: string | ArrayBuffer }>): void;
    onError(listener: Listener<{ errMsg: string }>): void;
    offError(listener?: Listener<{ errMsg: string }>): void;
    onClose(listener: Listener<{ code: number; reason: string }>): void;
    offClose(listener?: Listener<{ code: number; reason: string }>): void;
  }
}

interface Wx {
  /** A single-use code (valid 5 minutes) your server exchanges for openid and session_key. */
  login: WxApi.Method<'login'>;
  /** ok while the session of the last login is valid; "checkSession:fail …" means log in again. */
  checkSession: WxApi.Method<'checkSession'>;
  /** Needs the scope.userInfo grant (see authorize): otherwise "scope unauthorized" or "auth deny". */
  getUserInfo: WxApi.Method<'getUserInfo'>;
  /** Asks the user every time, showing `desc`. */
  getUserProfile: WxApi.MethodWithParams<'getUserProfile'>;
  /** Asks the user; success gives a single-use code your server exchanges for the number. */
  getPhoneNumber: WxApi.Method<'getPhoneNumber'>;
  /** Pays an order your server created; the sheet shows the order's amount. Cancel: "requestPayment:fail cancel". */
  requestPayment: WxApi.MethodWithParams<'requestPayment'>;
  /** Buys virtual goods or coins; failures carry errCode (-2 cancel, -15005 signature, -15006 paySig, -1 other). */
  requestVirtualPayment: WxApi.MethodWithParams<'requestVirtualPayment'>;
  /** Calls a custom API the host registered. */
  invokeNativePlugin: WxApi.MethodWithParams<'invokeNativePlugin'>;
  getSetting: WxApi.Method<'getSetting'>;
  /** Asks once per scope and remembers; after a refusal only openSetting can change it. */
  authorize: WxApi.MethodWithParams<'authorize'>;
  /** Shows the app's permission page and reports the settings as the user left them. */
  openSetting: WxApi.Method<'openSetting'>;
  /** Closes this mini program. */
  exitMiniProgram: WxApi.Method<'exitMiniProgram'>;
  getSystemInfo: WxApi.Method<'getSystemInfo'>;
  /** Kept by the host per app, at most 10 MB (key + JSON of data, UTF-8). */
  setStorage: WxApi.MethodWithParams<'setStorage'>;
  /** "getStorage:fail data not found" for a missing key. */
  getStorage: WxApi.MethodWithParams<'getStorage'>;
  removeStorage: WxApi.MethodWithParams<'removeStorage'>;
  clearStorage: WxApi.Method<'clearStorage'>;
  getStorageInfo: WxApi.Method<'getStorageInfo'>;
  /** The hosting platform's data for this app (WeChat: the third-party platform's ext.json). */
  getExtConfig: WxApi.Method<'getExtConfig'>;
  /** Copies text to the system clipboard; the shell shows "内容已复制" for 1.5 s. */
  setClipboardData: WxApi.MethodWithParams<'setClipboardData'>;
  /** The first read asks the user; a refusal fails with "getClipboardData:fail privacy permission is not authorized" (errno 104). */
  getClipboardData: WxApi.Method<'getClipboardData'>;
  /** The host's file chooser; "chooseImage:fail cancel" when the user cancels. */
  chooseImage: WxApi.Method<'chooseImage'>;
  /** Images only; "chooseMedia:fail cancel" when the user cancels. */
  chooseMedia: WxApi.Method<'chooseMedia'>;
  /** The app's files (see WxApi.FileSystemManager); the same object every time. */
  getFileSystemManager(): WxApi.FileSystemManager;
  /** USER_DATA_PATH is "wxfile://usr" */
  env: { readonly USER_DATA_PATH: string };
  getFileInfo: WxApi.MethodWithParams<'getFileInfo'>;
  saveFile: WxApi.MethodWithParams<'saveFile'>;
  getSavedFileList: WxApi.Method<'getSavedFileList'>;
  removeSavedFile: WxApi.MethodWithParams<'removeSavedFile'>;

  /** Stores at once and writes through to the host; throws Error("setStorageSync:fail exceed storage max size 10MB") past the quota. */
  setStorageSync(key: string, data: unknown): void;
  /** The stored value, or '' when the key is missing. */
  getStorageSync(key: string): unknown;
  removeStorageSync(key: string): void;
  clearStorageSync(): void;
  getStorageInfoSync(): WxApi.StorageInfo;

  onAppShow(listener: WxApi.AppEventListener): void;
  /** Without a listener removes all of them. */
  offAppShow(listener?: WxApi.AppEventListener): void;
  onAppHide(listener: WxApi.AppEventListener): void;
  offAppHide(listener?: WxApi.AppEventListener): void;

  /**
   * An HTTPS request made by the host to a server in the app's request domains (manifest.json
   * `domains.request`). Fails with "request:fail url not in domain list" otherwise, "request:fail timeout"
   * after `timeout` (60 s), "request:fail abort" after task.abort(). At most 10 run at once; the rest queue.
   */
  request(options: WxApi.RequestOptions): WxApi.RequestTask;
  /** Downloads into a temp file of this app (domains.downloadFile); success gives tempFilePath. */
  downloadFile(options: WxApi.DownloadOptions): WxApi.DownloadTask;
  /** Uploads a temp file as multipart/form-data (domains.uploadFile). */
  uploadFile(options: WxApi.UploadOptions): WxApi.UploadTask;
  /** Opens a WebSocket to a server in domains.socket (wss; any port). At most 5 at once. */
  connectSocket(options: WxApi.ConnectSocketOptions): WxApi.SocketTask;
  /** The global forms act on the latest socket of wx.connectSocket. */
  sendSocketMessage: WxApi.SocketCall<WxApi.SocketSendOptions>;
  closeSocket: WxApi.SocketCall<WxApi.SocketCloseOptions> & (() => Promise<{ errMsg: string }>);
  onSocketOpen(listener: WxApi.Listener<{ header: Record<string, string> }>): void;
  offSocketOpen(listener?: WxApi.Listener<{ header: Record<string, string> }>): void;
  onSocketMessage(listener: WxApi.Listener<{ data: string | ArrayBuffer }>): void;
  offSocketMessage(listener?: WxApi.Listener<{ data: string | ArrayBuffer }>): void;
  onSocketError(listener: WxApi.Listener<{ errMsg: string }>): void;
  offSocketError(listener?: WxApi.Listener<{ errMsg: string }>): void;
  onSocketClose(listener: WxApi.Listener<{ code: number; reason: string }>): void;
  offSocketClose(listener?: WxApi.Listener<{ code: number; reason: string }>): void;
}

declare const wx: Wx;
