import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallerIdentity } from '../contracts/app';
import type { Prompter } from '../contracts/ports';

interface CallContext {
  caller: CallerIdentity;
  /** aborted when the dispatcher gives up on the call (time limit), so an open sheet closes with it */
  signal: AbortSignal;
}

/**
 * The bridge call a handler is running for. OpenApiHandler methods receive only AppInfo (TCMPP's
 * contract), so the view a sheet belongs to, and the call's deadline, travel with the async context.
 */
const current = new AsyncLocalStorage<CallContext>();

export function runInCall<T>(context: CallContext, work: () => T): T {
  return current.run(context, work);
}

/**
 * A prompter that fills in the calling view when a handler could not know it, and closes the sheet
 * (as a cancel) when the call times out, so a late "Pay" can never debit a call the app saw fail.
 */
export function callAwarePrompter(inner: Prompter): Prompter {
  return {
    ask(sheet, caller, signal) {
      const context = current.getStore();
      const who = caller.webViewId >= 0 || !context ? caller : { ...caller, webViewId: context.caller.webViewId };
      const signals = [signal, context?.signal].filter((s): s is AbortSignal => !!s);
      return inner.ask(sheet, who, signals.length > 1 ? AbortSignal.any(signals) : signals[0]);
    },
  };
}

/** Aborts when the dispatcher gives up on the call being handled (its time limit), so long I/O stops with it. */
export function currentCallSignal(): AbortSignal | undefined {
  return current.getStore()?.signal;
}
