import { utf8ByteLength } from '../../core/contracts/storage-quota';
import { MAX_REQUEST_BYTES, WIRE_VERSION, type RequestEnvelope } from '../../core/contracts/wire';
import type { WxTransport } from '../transport';
import { typeName } from './type-name';
import { runCallbacks, splitOptions } from './callbacks';
import { bridgeError, readResponse, type CallOutcome } from './response';

/**
 * The call's JSON, serialised once for both the size check and a text transport, or undefined when it is
 * not JSON at all (the transport then reports that itself).
 */
function encode(msg: RequestEnvelope): string | undefined {
  try {
    return JSON.stringify(msg);
  } catch {
    return undefined;
  }
}

/** UTF-8 bytes of the text, counted only when it could be over the limit (a character is at most 3 bytes). */
function overLimit(text: string): number | undefined {
  if (text.length * 3 <= MAX_REQUEST_BYTES) return undefined;
  const bytes = utf8ByteLength(text);
  return bytes > MAX_REQUEST_BYTES ? bytes : undefined;
}

/** Runs after the host said ok and before the app's callbacks, with the params that were sent. */
export type OnSuccess = (params: Record<string, unknown>) => void;

export interface Invoker {
  /** wx-style call: callback style when a callback is given (returns undefined), else a Promise */
  call(api: string, options: unknown, onSuccess?: OnSuccess): Promise<Record<string, unknown>> | undefined;
  /** plain request used internally (write-through of the Sync storage forms) */
  send(api: string, params: Record<string, unknown>, onSuccess?: OnSuccess): Promise<CallOutcome>;
}

/**
 * Carries wx calls over a transport. Every answer, whatever the transport does (reject, throw, hand back
 * garbage), becomes exactly one success or fail result. `onSuccess` lets the storage mirror follow the
 * host before the app's callbacks see the result.
 */
export function createInvoker(transport: WxTransport): Invoker {
  let nextId = 0;

  async function send(api: string, params: Record<string, unknown>, onSuccess?: OnSuccess): Promise<CallOutcome> {
    const id = ++nextId;
    const msg: RequestEnvelope = { v: WIRE_VERSION, id, api, params };
    // The host would refuse it anyway, and a frame this large can cost the page its bridge connection
    // (the browser host's socket limit), so it fails here, in the dispatcher's own words.
    const json = encode(msg);
    const bytes = json === undefined ? undefined : overLimit(json);
    if (bytes !== undefined) {
      return { ok: false, result: { errMsg: `${api}:fail request too large: ${bytes} bytes, the limit is ${MAX_REQUEST_BYTES}` } };
    }
    let raw: unknown;
    try {
      raw = await transport.request(msg, json);
    } catch (e) {
      return bridgeError(api, e instanceof Error ? e.message : String(e));
    }
    const outcome = readResponse(api, id, raw);
    if (outcome.ok && onSuccess) {
      try {
        onSuccess(params);
      } catch (e) {
        console.error(`wx.${api}: could not update the local storage mirror`, e);
      }
    }
    return outcome;
  }

  return {
    send,
    call(api, options, onSuccess) {
      if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
        // No callbacks can be found in a non-object, so the only way to answer is the Promise.
        return Promise.reject({ errMsg: `${api}:fail parameter error: parameter should be Object instead of ${typeName(options)};` });
      }
      const split = splitOptions((options ?? {}) as Record<string, unknown>);
      const pending = send(api, split.params, onSuccess);
      if (!split.callbackStyle) return pending.then((o) => (o.ok ? o.result : Promise.reject(o.result)));
      void pending.then((o) => runCallbacks(api, split, o));
      return undefined;
    },
  };
}
