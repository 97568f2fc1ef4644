import type { AppInfo } from './app';
import type {
  GetUserInfoParams,
  GetUserProfileParams,
  LoginParams,
  LoginResult,
  PaymentParams,
  PhoneNumberResult,
  UserInfoResult,
  VirtualPaymentParams,
} from './apis';

/**
 * The integrator's backend, one per shell (TCMPP's OpenApiHandler). Params arrive already validated.
 * Throw ApiError to fail with a reason ("cancel" for a user cancel); return the success payload
 * (the dispatcher adds errMsg).
 */
export interface OpenApiHandler {
  login(app: AppInfo, params: LoginParams): Promise<LoginResult>;
  checkSession(app: AppInfo, params: Record<string, never>): Promise<Record<string, unknown>>;
  getUserInfo(app: AppInfo, params: GetUserInfoParams): Promise<UserInfoResult>;
  getUserProfile(app: AppInfo, params: GetUserProfileParams): Promise<UserInfoResult>;
  getPhoneNumber(app: AppInfo, params: Record<string, never>): Promise<PhoneNumberResult>;
  requestPayment(app: AppInfo, params: PaymentParams): Promise<Record<string, unknown>>;
  requestVirtualPayment(app: AppInfo, params: VirtualPaymentParams): Promise<Record<string, unknown>>;
}

/** TCMPP 2.2.17+ unified custom API call. */
export interface MiniApiCall {
  appInfo: AppInfo;
  apiName: string;
  webViewId: number;
  params: {
    stateEvent: 'requestCustomApi';
    api_name: string;
    data: Record<string, unknown>;
    webviewId: number;
  };
}

/** Returning null/undefined gives `{ errMsg: "invokeNativePlugin:ok" }`; a map is passed to success. */
export type MiniAppApiHandler = (call: MiniApiCall) => Promise<Record<string, unknown> | null | void>;
