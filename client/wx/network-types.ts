import type { HTTP_METHODS } from '../../core/contracts/network';
import type { WxCallbacks, WxFailResult } from './callback-types';

/** The page-facing shapes of wx.request, downloadFile, uploadFile and connectSocket (WeChat's). */

type Header = Record<string, string | number | boolean>;
type Listener<T> = (result: T) => void;
/** byte counts of the exchange, in WeChat's res.profile names */
export interface WxNetworkProfile {
  sendBytesCount: number;
  receivedBytedCount: number;
}

export interface WxHeadersReceived {
  header: Record<string, string>;
  statusCode: number;
  cookies: string[];
}

export interface WxRequestSuccess {
  /** parsed JSON (dataType "json" and JSON text), a string, or an ArrayBuffer (responseType "arraybuffer") */
  data: unknown;
  statusCode: number;
  header: Record<string, string>;
  cookies: string[];
  profile?: WxNetworkProfile;
  errMsg: string;
}

export interface WxRequestOptions extends WxCallbacks<WxRequestSuccess> {
  url: string;
  /** GET: an object becomes the query string; otherwise JSON (or a query string for x-www-form-urlencoded), a string or bytes as they are */
  data?: string | Record<string, unknown> | unknown[] | ArrayBuffer | ArrayBufferView;
  /** Referer and Host are set by the host; content-type defaults to application/json */
  header?: Header;
  /** ms, default 60000 */
  timeout?: number;
  method?: (typeof HTTP_METHODS)[number];
  dataType?: string;
  responseType?: 'text' | 'arraybuffer';
}

export interface WxRequestTask {
  abort(): void;
  onHeadersReceived(listener: Listener<WxHeadersReceived>): void;
  offHeadersReceived(listener?: Listener<WxHeadersReceived>): void;
}

export interface WxDownloadSuccess {
  /** /__superapp__/tmp/tmp_… on the app's own origin: usable in <img src>, <image src> and uploadFile */
  tempFilePath: string;
  statusCode: number;
  profile?: WxNetworkProfile;
  errMsg: string;
}

export interface WxDownloadOptions extends WxCallbacks<WxDownloadSuccess> {
  url: string;
  header?: Header;
  timeout?: number;
}

export interface WxDownloadProgress {
  progress: number;
  totalBytesWritten: number;
  totalBytesExpectedToWrite: number;
}

export interface WxDownloadTask {
  abort(): void;
  onProgressUpdate(listener: Listener<WxDownloadProgress>): void;
  offProgressUpdate(listener?: Listener<WxDownloadProgress>): void;
  onHeadersReceived(listener: Listener<WxHeadersReceived>): void;
  offHeadersReceived(listener?: Listener<WxHeadersReceived>): void;
}

export interface WxUploadSuccess {
  /** the server's answer as text */
  data: string;
  statusCode: number;
  profile?: WxNetworkProfile;
  errMsg: string;
}

export interface WxUploadOptions extends WxCallbacks<WxUploadSuccess> {
  url: string;
  /** a tempFilePath of this app (downloadFile) */
  filePath: string;
  /** the multipart field name of the file */
  name: string;
  header?: Header;
  formData?: Record<string, unknown>;
  timeout?: number;
}

export interface WxUploadProgress {
  progress: number;
  totalBytesSent: number;
  totalBytesExpectedToSend: number;
}

export interface WxUploadTask {
  abort(): void;
  onProgressUpdate(listener: Listener<WxUploadProgress>): void;
  offProgressUpdate(listener?: Listener<WxUploadProgress>): void;
  onHeadersReceived(listener: Listener<WxHeadersReceived>): void;
  offHeadersReceived(listener?: Listener<WxHeadersReceived>): void;
}

export interface WxConnectSocketOptions extends WxCallbacks<{ errMsg: string }> {
  url: string;
  header?: Header;
  protocols?: string[];
  tcpNoDelay?: boolean;
  perMessageDeflate?: boolean;
  timeout?: number;
}

export interface WxSocketSendOptions extends WxCallbacks<{ errMsg: string }> {
  data: string | ArrayBuffer | ArrayBufferView;
}

export interface WxSocketCloseOptions extends WxCallbacks<{ errMsg: string }> {
  /** 1000 or 3000-4999 */
  code?: number;
  /** at most 123 bytes of UTF-8 */
  reason?: string;
}

type SocketCall<O> = {
  (options: O & ({ success: unknown } | { fail: unknown } | { complete: unknown })): void;
  (options: O): Promise<{ errMsg: string }>;
};

export interface WxSocketTask {
  readonly readyState: number;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSING: 2;
  readonly CLOSED: 3;
  send: SocketCall<WxSocketSendOptions>;
  close: SocketCall<WxSocketCloseOptions>;
  onOpen(listener: Listener<{ header: Record<string, string> }>): void;
  offOpen(listener?: Listener<{ header: Record<string, string> }>): void;
  onMessage(listener: Listener<{ data: string | ArrayBuffer }>): void;
  offMessage(listener?: Listener<{ data: string | ArrayBuffer }>): void;
  onError(listener: Listener<{ errMsg: string }>): void;
  offError(listener?: Listener<{ errMsg: string }>): void;
  onClose(listener: Listener<{ code: number; reason: string }>): void;
  offClose(listener?: Listener<{ code: number; reason: string }>): void;
}

/** The network members of wx; Promise style is not supported for the four task APIs, as in WeChat. */
export interface WxNetwork {
  request(options: WxRequestOptions): WxRequestTask;
  downloadFile(options: WxDownloadOptions): WxDownloadTask;
  uploadFile(options: WxUploadOptions): WxUploadTask;
  connectSocket(options: WxConnectSocketOptions): WxSocketTask;
  /** the global forms act on the latest socket of wx.connectSocket */
  sendSocketMessage: SocketCall<WxSocketSendOptions>;
  closeSocket: SocketCall<WxSocketCloseOptions> & (() => Promise<{ errMsg: string }>);
  onSocketOpen(listener: Listener<{ header: Record<string, string> }>): void;
  offSocketOpen(listener?: Listener<{ header: Record<string, string> }>): void;
  onSocketMessage(listener: Listener<{ data: string | ArrayBuffer }>): void;
  offSocketMessage(listener?: Listener<{ data: string | ArrayBuffer }>): void;
  onSocketError(listener: Listener<{ errMsg: string }>): void;
  offSocketError(listener?: Listener<{ errMsg: string }>): void;
  onSocketClose(listener: Listener<{ code: number; reason: string }>): void;
  offSocketClose(listener?: Listener<{ code: number; reason: string }>): void;
}

export type { WxFailResult };
