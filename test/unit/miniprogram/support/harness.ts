import { LogicRuntime } from '../../../../miniprogram/logic/runtime';
import type { ToView } from '../../../../miniprogram/protocol';
import type { AppBundle } from '../../../../miniprogram/logic/bundle';
import { makeBundle, type TestPackage } from './make-bundle';
import { ViewTree } from './view-tree';
import type { WxTransport } from '../../../../client/transport';

/** Calls that reached "the host" (the view's bridge) and what they were answered. */
export interface FakeHost {
  calls: Array<{ api: string; params: Record<string, unknown> }>;
  emit(event: 'appShow' | 'appHide', data?: Record<string, unknown>): void;
}

type WxCall = (o?: Record<string, unknown>) => Promise<Record<string, unknown>>;
/** the runtime's wx as tests call it (Promise style) */
export type TestWx = { [api: string]: WxCall } & Record<'navigateTo' | 'redirectTo' | 'navigateBack' | 'switchTab' | 'reLaunch', WxCall>;

/** Lets every queued microtask and timer-free promise chain settle (renders, commits, callbacks). */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((r) => setTimeout(r, 0));
}

export interface StartOptions {
  storageMirror?: Record<string, unknown>;
  launch?: { path?: string; query?: Record<string, string> };
  /** answers the host's calls instead of the default "ok with {}" (e.g. a real shell's dispatch) */
  request?: WxTransport['request'];
}

export function startApp(pkg: TestPackage | AppBundle, options: StartOptions = {}) {
  const bundle = 'v' in pkg ? pkg : makeBundle(pkg);
  // the view acknowledges commits to the runtime created just below
  const ref: { runtime?: LogicRuntime } = {};
  const view = new ViewTree((seq) => ref.runtime!.receive({ t: 'committed', seq }));
  const eventListeners: Array<(e: unknown) => void> = [];
  const host: FakeHost = {
    calls: [],
    emit(event, data = {}) {
      for (const l of eventListeners) l({ v: 1, event, data });
    },
  };
  const runtime = new LogicRuntime({
    bundle,
    post: (m: ToView) => view.receive(m),
    transport: {
      request: async (msg) => {
        host.calls.push({ api: msg.api, params: msg.params });
        if (options.request) return options.request(msg);
        return { v: 1, id: msg.id, ok: true, result: {} };
      },
      onEvent: (l) => eventListeners.push(l),
    },
    storageMirror: options.storageMirror ?? {},
    window: { width: 375, height: 640, pixelRatio: 1 },
    ...(options.launch ? { launch: options.launch } : {}),
  });
  ref.runtime = runtime;
  runtime.start();
  const tap = (domId: string, type = 'tap') => {
    const node = view.findById(domId);
    if (node === undefined) throw new Error(`no node #${domId} on ${view.visibleRoute()}: ${view.html()}`);
    runtime.receive({ t: 'event', node, type, detail: { x: 10, y: 20 }, touches: [{ identifier: 0, pageX: 10, pageY: 20, clientX: 10, clientY: 20, force: 1 }], changedTouches: [{ identifier: 0, pageX: 10, pageY: 20, clientX: 10, clientY: 20, force: 1 }] });
  };
  return { runtime, view, host, tap, wx: runtime.wx as TestWx };
}
