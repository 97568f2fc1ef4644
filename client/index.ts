// first: how zod runs must be set before any of the client's schemas is built
import './wx/zod-config';
export { createWx } from './wx/create-wx';
export type { WxTransport } from './transport';
export type {
  CreateWxOptions,
  Wx,
  WxAppEventListener,
  WxCallbacks,
  WxFailResult,
  WxMethod,
  WxStorageInfo,
  WxSuccessResult,
} from './wx/types';
export type * from './wx/network-types';
export type * from './wx/file-system-types';
