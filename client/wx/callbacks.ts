import type { CallOutcome } from './response';

type Callback = (result: unknown) => void;

export interface SplitOptions {
  params: Record<string, unknown>;
  success?: Callback;
  fail?: Callback;
  complete?: Callback;
  /** true when any callback was given: the call answers through callbacks instead of a Promise */
  callbackStyle: boolean;
}

/** Separates the callbacks from the params that go to the host (functions cannot cross the bridge). */
export function splitOptions(options: Record<string, unknown>): SplitOptions {
  const { success, fail, complete, ...params } = options;
  const fn = (value: unknown): Callback | undefined => (typeof value === 'function' ? (value as Callback) : undefined);
  const split: SplitOptions = { params, success: fn(success), fail: fn(fail), complete: fn(complete), callbackStyle: false };
  split.callbackStyle = Boolean(split.success || split.fail || split.complete);
  return split;
}

function runSafely(api: string, name: string, callback: Callback | undefined, result: unknown): void {
  if (!callback) return;
  // The app's own bug must not stop `complete` or break later calls; report it where the developer looks.
  try {
    callback(result);
  } catch (e) {
    console.error(`wx.${api}: the ${name} callback threw`, e);
  }
}

/** success XOR fail, exactly once, then complete. */
export function runCallbacks(api: string, split: SplitOptions, outcome: CallOutcome): void {
  if (outcome.ok) runSafely(api, 'success', split.success, outcome.result);
  else runSafely(api, 'fail', split.fail, outcome.result);
  runSafely(api, 'complete', split.complete, outcome.result);
}
