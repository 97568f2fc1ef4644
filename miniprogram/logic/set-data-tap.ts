import { component } from 'glass-easel-miniprogram-adapter';

/** What the inspector learns of one setData, before the view has drawn it. */
export interface SetDataCall {
  /** the page route or component path (`is`) */
  is: string;
  data: unknown;
  /** performance.now() when the call started */
  startedAt: number;
}

type Tap = (call: SetDataCall) => void;

/**
 * Every page and component instance the adapter makes is a ComponentCaller (pages and Component() alike),
 * so one wrapper on its prototype sees every setData. Each runtime registers for the glass-easel backend
 * context its components render to, so two runtimes in one process (unit tests) never see each other's calls.
 */
const taps = new WeakMap<object, Tap>();
let installed = false;

interface CallerLike {
  is: string;
  _$: { getBackendContext(): object | null };
}

function install(): void {
  if (installed) return;
  installed = true;
  const proto = component.ComponentCaller.prototype as unknown as { setData: (this: CallerLike, data: unknown, callback?: () => void) => void };
  const original = proto.setData;
  proto.setData = function setData(this: CallerLike, data: unknown, callback?: () => void) {
    const context = this._$?.getBackendContext?.();
    const tap = context ? taps.get(context) : undefined;
    if (!tap) return original.call(this, data, callback);
    const startedAt = performance.now();
    original.call(this, data, callback);
    // after the call: a setData that throws (bad data path) is the app's error, not a row of traffic
    tap({ is: this.is, data, startedAt });
  };
}

/** Calls `tap` after each setData of a component rendering to `backendContext`. */
export function tapSetData(backendContext: object, tap: Tap): void {
  install();
  taps.set(backendContext, tap);
}
