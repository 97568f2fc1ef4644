import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallerIdentity } from '../contracts/app';
import type { Prompter } from '../contracts/ports';
import type { CallId } from '../contracts/wire';
import type { Deadline } from './deadlines';

/**
 * One bridge call as it goes through the pipeline: what was read from the message so far (for the response
 * and the call record), and its entry in the dispatcher's deadline queue. It is also the async context a
 * handler runs in: OpenApiHandler methods receive only AppInfo (TCMPP's contract), so the view a sheet
 * belongs to, and the call's deadline, travel with it. The AbortSignal is made only when something asks for
 * it (a sheet), so a plain call costs this one object.
 */
export class CallContext implements Deadline {
  /** the call id, once the envelope was read */
  id: CallId | null = null;
  /** the API name, once the envelope was read ("bridge" until then) */
  api = 'bridge';
  /** the params as sent, once the envelope was read */
  params: unknown = undefined;
  /** once admitted: the calling app, the params as the API's schema parsed them, and the request's size */
  appId = '';
  args: Record<string, unknown> = {};
  bytes = 0;
  at = 0;
  ms = 0;
  done = false;
  /** what the dispatcher does when the deadline passes (answer "timeout") */
  onExpire: (() => void) | undefined = undefined;
  private controller: AbortController | undefined = undefined;
  private expired = false;

  constructor(
    readonly caller: CallerIdentity,
    /** clock time the call arrived */
    readonly started: number,
  ) {}

  /** aborted when the dispatcher gives up on the call (time limit), so an open sheet closes with it */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      // a sheet asked for after the call already timed out must close at once
      if (this.expired) this.controller.abort();
    }
    return this.controller.signal;
  }

  expire(): void {
    this.expired = true;
    this.onExpire?.();
    this.controller?.abort();
  }
}

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
