import type { ApiName, ApiParamsInput, ApiResult, StorageInfoResult } from '../../core/contracts/apis';
import type { z } from 'zod';
import type { NetworkApiName } from '../../core/contracts/network';
import type { WxNetwork } from './network-types';
import type { InternalApiName, ManagerOnlyFileApiName } from '../../core/contracts/api-names';
import type { WxFileSystem } from './file-system-types';

export type { WxCallbacks, WxFailResult } from './callback-types';
import type { WxCallbacks, WxFailResult } from './callback-types';

/** What `success` receives (and a Promise resolves with): the API's result plus errMsg "<api>:ok". */
export type WxSuccessResult<N extends ApiName> = ApiResult<N> & { errMsg: string };

/** At least one callback: the call is in callback style and returns nothing. */
type AnyCallback<S> = { success: (result: S) => void } | { fail: (result: WxFailResult) => void } | { complete: (result: S | WxFailResult) => void };

type PromiseArgs<N extends ApiName> = Record<never, never> extends ApiParamsInput<N> ? [options?: ApiParamsInput<N>] : [options: ApiParamsInput<N>];

/** One wx API: callback style when any of success/fail/complete is given, otherwise a Promise. */
export interface WxMethod<N extends ApiName> {
  (options: ApiParamsInput<N> & WxCallbacks<WxSuccessResult<N>> & AnyCallback<WxSuccessResult<N>>): void;
  (...args: PromiseArgs<N>): Promise<WxSuccessResult<N>>;
}

export type WxAppEventListener = (data: Record<string, unknown>) => void;

export type WxStorageInfo = z.output<typeof StorageInfoResult>;

// the shell's internal calls (InternalApiName) are on the object for its own runtime, not part of its type
export type Wx = { [N in Exclude<ApiName, NetworkApiName | ManagerOnlyFileApiName | InternalApiName>]: WxMethod<N> } & WxNetwork & WxFileSystem & {
  setStorageSync(key: string, data: unknown): void;
  /** '' when the key is missing, as in WeChat */
  getStorageSync(key: string): unknown;
  removeStorageSync(key: string): void;
  clearStorageSync(): void;
  getStorageInfoSync(): WxStorageInfo;
  onAppShow(listener: WxAppEventListener): void;
  offAppShow(listener?: WxAppEventListener): void;
  onAppHide(listener: WxAppEventListener): void;
  offAppHide(listener?: WxAppEventListener): void;
};

export interface CreateWxOptions {
  /**
   * The app's storage as the host had it when the page was built, for the Sync forms. The function form
   * is called once, lazily, on the first storage access (Electron's preload reads a JSON block the host
   * embedded in the page).
   */
  storageMirror?: Record<string, unknown> | (() => Record<string, unknown>);
}
