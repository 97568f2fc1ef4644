import { ResponseEnvelope, type CallId } from '../../core/contracts/wire';
import type { WxFailResult } from './types';

export type CallOutcome = { ok: true; result: Record<string, unknown> & { errMsg: string } } | { ok: false; result: WxFailResult };

export function bridgeError(api: string, what: string): CallOutcome {
  return { ok: false, result: { errMsg: `${api}:fail bridge error: ${what}` } };
}

/** Turns whatever the transport handed back into the object success/fail receive; never trusts its shape. */
export function readResponse(api: string, id: CallId, raw: unknown): CallOutcome {
  const parsed = ResponseEnvelope.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    return bridgeError(api, `the host's answer is not a valid response (${detail})`);
  }
  const response = parsed.data;
  if (response.id !== id) return bridgeError(api, `the host answered call ${String(response.id)} instead of call ${String(id)}`);
  if (response.ok) {
    const errMsg = typeof response.result['errMsg'] === 'string' ? response.result['errMsg'] : `${api}:ok`;
    return { ok: true, result: { ...response.result, errMsg } };
  }
  const fail: WxFailResult = { errMsg: response.errMsg };
  if (response.errno !== undefined) fail.errno = response.errno;
  if (response.errCode !== undefined) fail.errCode = response.errCode;
  return { ok: false, result: fail };
}
