import type { ToLogic, ViewCall } from '../protocol';
import type { TabBar } from './chrome/tab-bar';
import { createPageApis, type ApiOutcome } from './overlays/page-apis';
import { keyframeCalls } from './keyframe-calls';
import { fontFaceCalls } from './font-face';
import { createCanvasCalls } from './canvas-calls';
import type { TransferringOutcome } from './canvas-outcome';
import { videoCalls } from './components/video-calls';
import { editorCalls } from './components/editor-calls';
import { audioCalls } from './audio-players';
import { imageInfoCalls } from './image-info';

/** a view call's handler; its answer may move objects to the Worker (`transfer`) */
export type ViewCallHandler = (params: Record<string, unknown>) => Promise<ApiOutcome | TransferringOutcome>;

export interface ViewCallDeps {
  /** the DOM node the logic layer knows by this id */
  domNode(id: number): Node | undefined;
  post(message: ToLogic, transfer?: Transferable[]): void;
  resolveUrl(path: string): string;
  tabBar(): TabBar | undefined;
}

const ok = (api: string, fields: Record<string, unknown>): ApiOutcome => ({ ok: true, result: { ...fields, errMsg: `${api}:ok` } });

function elementOf(deps: ViewCallDeps, params: Record<string, unknown>): Element | undefined {
  const node = deps.domNode(Number(params['node']));
  return node instanceof Element ? node : undefined;
}

/**
 * The view's answers to the logic layer's requests: the overlays of the page-level APIs, and the
 * measurements behind createSelectorQuery and createIntersectionObserver (glass-easel asks the backend
 * element, the backend asks here).
 */
export function createViewCallHandlers(doc: Document, deps: ViewCallDeps): Record<string, ViewCallHandler> {
  const observers = new Map<number, IntersectionObserver>();
  return {
    ...createPageApis(doc, { resolveUrl: deps.resolveUrl }),
    ...keyframeCalls(deps),
    ...fontFaceCalls(deps),
    ...createCanvasCalls(deps),
    ...videoCalls(deps),
    ...editorCalls(doc, deps),
    ...audioCalls(deps),
    ...imageInfoCalls(deps),
    async __rect(params) {
      const el = elementOf(deps, params);
      if (!el) return ok('__rect', { left: 0, top: 0, width: 0, height: 0 });
      // The adapter's selectViewport().scrollOffset() asks for the page's own rectangle and reads its
      // left/top as the scroll position: answer with the page frame's scroll state for the page element.
      const frame = el.localName === 'wx-page' ? el.closest('.wx-page-frame') : null;
      if (frame) return ok('__rect', { left: frame.scrollLeft, top: frame.scrollTop, width: frame.scrollWidth, height: frame.scrollHeight });
      const r = el.getBoundingClientRect();
      return ok('__rect', { left: r.left, top: r.top, width: r.width, height: r.height });
    },
    async __scrollOffset(params) {
      const el = elementOf(deps, params);
      const box = el?.localName === 'wx-page' ? el.closest('.wx-page-frame') : el;
      return ok('__scrollOffset', {
        scrollLeft: box?.scrollLeft ?? 0,
        scrollTop: box?.scrollTop ?? 0,
        scrollWidth: box?.scrollWidth ?? 0,
        scrollHeight: box?.scrollHeight ?? 0,
      });
    },
    async __observe(params) {
      const id = Number(params['observer']);
      const target = elementOf(deps, { node: params['target'] });
      const root = params['relativeTo'] === undefined || params['relativeTo'] === null ? null : elementOf(deps, { node: params['relativeTo'] });
      if (!target) return ok('__observe', {});
      const thresholds = Array.isArray(params['thresholds']) && params['thresholds'].length ? (params['thresholds'] as number[]) : [0];
      const rect = (r: DOMRectReadOnly) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height });
      const io = new IntersectionObserver(
        (entries) => {
          for (const e of entries) {
            deps.post({
              t: 'intersection',
              observer: id,
              status: {
                intersectionRatio: e.intersectionRatio,
                boundingClientRect: rect(e.boundingClientRect),
                intersectionRect: rect(e.intersectionRect),
                relativeRect: e.rootBounds ? rect(e.rootBounds) : { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 },
                time: Math.round(e.time),
              },
            });
          }
        },
        { root: root ?? null, rootMargin: String(params['margin'] || '0px'), threshold: thresholds },
      );
      io.observe(target);
      observers.set(id, io);
      return ok('__observe', {});
    },
    async __tabBar(params) {
      const bar = deps.tabBar();
      const index = Number(params['index']);
      const str = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : undefined);
      switch (params['action']) {
        case 'badge':
          bar?.setBadge(index, str('text'));
          break;
        case 'dot':
          bar?.setBadge(index, params['on'] ? '' : undefined);
          break;
        case 'item':
          bar?.setItem(index, { text: str('text'), iconPath: str('iconPath'), selectedIconPath: str('selectedIconPath') }, deps.resolveUrl);
          break;
        case 'style':
          bar?.setStyle({ color: str('color'), selectedColor: str('selectedColor'), backgroundColor: str('backgroundColor'), borderStyle: str('borderStyle') });
          break;
        case 'visible':
          bar?.setVisible(Boolean(params['visible']));
          break;
      }
      return ok('__tabBar', {});
    },
    async __unobserve(params) {
      const id = Number(params['observer']);
      observers.get(id)?.disconnect();
      observers.delete(id);
      return ok('__unobserve', {});
    },
  };
}

/** Runs one request and posts its reply; an unknown request is answered "not supported". */
export function answerViewCall(handlers: Record<string, ViewCallHandler>, call: ViewCall, post: (m: ToLogic, transfer?: Transferable[]) => void): void {
  const handler = Object.prototype.hasOwnProperty.call(handlers, call.api) ? handlers[call.api] : undefined;
  const outcome = handler ? handler(call.params) : Promise.resolve<ApiOutcome>({ ok: false, result: { errMsg: `${call.api}:fail not supported` } });
  void outcome
    .catch((e: unknown): ApiOutcome => {
      console.error(`mini program view: ${call.api} failed`, e);
      return { ok: false, result: { errMsg: `${call.api}:fail internal error` } };
    })
    .then((o) => post({ t: 'viewReply', id: call.id, ok: o.ok, result: o.result }, 'transfer' in o ? (o as TransferringOutcome).transfer : undefined));
}
