import type { ApiName } from '../contracts/apis';
import { DEFAULT_NETWORK_TIMEOUT_MS } from '../contracts/network';

export const DEFAULT_HANDLER_TIMEOUT_MS = 15_000;
/** A person reading a sheet gets much longer than a backend does. */
export const DEFAULT_PROMPT_TIMEOUT_MS = 300_000;

/** APIs whose handler waits for the user to answer a trusted sheet. */
const WAITS_FOR_USER: ReadonlySet<string> = new Set<ApiName>([
  'getUserProfile',
  'getPhoneNumber',
  'requestPayment',
  'requestVirtualPayment',
  'authorize',
  'openSetting',
  // a permission sheet on the first read, a file dialog or chooser sheet
  'getClipboardData',
  'chooseImage',
  'chooseMedia',
]);

export interface TimeLimits {
  handlerTimeoutMs: number;
  promptTimeoutMs: number;
}

/** request, downloadFile, uploadFile enforce their own `timeout` (default 60 s); this is only the backstop. */
const OWN_NETWORK_TIMEOUT: ReadonlySet<string> = new Set<ApiName>(['request', 'downloadFile', 'uploadFile']);
const NETWORK_BACKSTOP_MS = 5_000;

export function timeLimitFor(api: string, params: Record<string, unknown>, limits: TimeLimits): number {
  // wx.login takes its own `timeout` (already validated as a positive integer of at most 10 minutes).
  if (api === 'login' && typeof params['timeout'] === 'number') return params['timeout'];
  if (OWN_NETWORK_TIMEOUT.has(api)) return (typeof params['timeout'] === 'number' ? params['timeout'] : DEFAULT_NETWORK_TIMEOUT_MS) + NETWORK_BACKSTOP_MS;
  return WAITS_FOR_USER.has(api) ? limits.promptTimeoutMs : limits.handlerTimeoutMs;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
