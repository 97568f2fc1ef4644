// first: the logic Worker starts loading while the rest of this script sets itself up
import { logic } from './logic-start';
import './components';
import type { BuiltinContext } from './components/registry';
import type { ToLogic, ToView } from '../protocol';
import { AppChromeView } from './chrome/app-chrome';
import { DomApplier } from './dom-applier';
import { LogicWatchdog } from './logic-watchdog';
import { EventClock } from './event-clock';
import { forwardUserEvents } from './user-events';
import { serveWx } from './wx-forwarder';
import { answerViewCall, createViewCallHandlers } from './view-calls';
import { DevtoolsForwarder, hostReporter } from './devtools-forwarder';
import { hidePageNotFound, showPageNotFound } from './page-not-found';
import { RenderingCacheView } from './rendering-cache-view';

/** Timings the benchmark and the end-to-end tests read (performance.now() unless said otherwise). */
interface ViewPerf {
  /** view.js began and asked for the logic Worker */
  viewStart: number;
  /** the Worker said "ready": logic.js and the app's bundle are loaded, app.js is about to run */
  logicReady?: number;
  /** performance.now() when the first page's first render was in the DOM */
  firstRender?: number;
  /** epoch ms of the view's first contentful paint: often only its navigation bar, before the first page's content */
  firstPaint?: number;
  /** epoch ms of the first paint after the first page's first render was applied: the first page on screen */
  firstPagePaint?: number;
  /** epoch ms of the first paint after the launch page's initial rendering cache was shown (before the logic is ready) */
  cachePaint?: number;
  /** ms spent applying each render batch */
  applyMs: number[];
}

/**
 * /__wx/runtime/view.js: the view layer of a WeChat-format mini program. It runs in the app's page after
 * the boot block and the wx client, starts the logic Worker, applies its render batches and sends user
 * input back. Whatever the Worker does (even an endless loop), this page stays responsive.
 */
function boot(): void {
  const hostWx = (window as unknown as { wx?: Record<string, unknown> }).wx;
  if (!hostWx) console.error('mini program view: no wx on this page (opened outside the shell?); host APIs will fail');
  const perf: ViewPerf = { viewStart: logic.startedAt, applyMs: [] };
  Object.defineProperty(window, '__wxPerf', { value: perf, enumerable: false });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') perf.firstPaint = performance.timeOrigin + entry.startTime;
  }).observe({ type: 'paint', buffered: true });

  const devtools = new DevtoolsForwarder(hostReporter(window));
  const { worker, port } = logic;
  const events = new EventClock();
  /** every message to the logic; events are numbered here, whoever sends them (built-ins, taps, touches) */
  const post = (message: ToLogic, transfer: Transferable[] = []): number => {
    if (message.t !== 'event') {
      // transfer: objects a view call's answer moves to the Worker (a canvas's OffscreenCanvas, ImageBitmaps)
      worker.postMessage(message, transfer);
      return 0;
    }
    const seq = events.next();
    worker.postMessage({ ...message, seq });
    return seq;
  };
  let currentRoute = '';
  const resolveUrl = (path: string) => {
    if (/^(https?:|data:|blob:)/.test(path) || path.startsWith('/')) return path;
    const dir = currentRoute.split('/').slice(0, -1).join('/');
    return `/${dir ? `${dir}/` : ''}${path}`;
  };

  const chrome = new AppChromeView({
    back: () => post({ t: 'navigate', openType: 'navigateBack', delta: 1 }),
    switchTab: (url, tab) => post({ t: 'navigate', openType: 'switchTab', url: `/${url}`, tab }),
    frameEvents: (pageId) => ({
      scroll: (scrollTop) => post({ t: 'pageScroll', pageId, scrollTop }),
      reachBottom: () => post({ t: 'reachBottom', pageId }),
      pullDownRefresh: () => post({ t: 'pullDownRefresh', pageId }),
    }),
    resolveUrl,
    resized: (width, height) => post({ t: 'resize', width, height }),
  });
  // WeChat's initial rendering cache: the launch page as recorded by an earlier launch, until the real one shows
  const renderingCache = new RenderingCacheView(chrome);
  const pageHost = {
    create: chrome.create.bind(chrome),
    show: (pageId: number) => {
      hidePageNotFound(chrome.element);
      chrome.show(pageId);
      renderingCache.dismiss();
      currentRoute = chrome.routeOf(pageId) ?? currentRoute;
    },
    initialRender: renderingCache.record.bind(renderingCache),
    destroy: chrome.destroy.bind(chrome),
    setWindow: chrome.setWindow.bind(chrome),
    stopPullDownRefresh: chrome.stopPullDownRefresh.bind(chrome),
    scrollTo: chrome.scrollTo.bind(chrome),
  };
  const contextFor = (node: number): BuiltinContext => ({
    emit: (type, detail, options) => post({ t: 'event', node, type, detail, bubbles: options?.bubbles ?? false }),
    handled: (seq) => events.handled(seq),
    whenHandled: (seq, then) => events.whenHandled(seq, then),
    listens: (type) => applier.listens(applier.domNode(node) ?? null, type),
    navigate: (openType, url, delta) => post({ t: 'navigate', openType, ...(url !== undefined ? { url } : {}), ...(delta !== undefined ? { delta } : {}) }),
    resolveUrl,
    callHost: (api, params) => callHostWx(hostWx, api, params),
  });
  const applier = new DomApplier(pageHost, contextFor);
  document.body.append(chrome.element);
  if (renderingCache.showLaunchPage()) requestAnimationFrame(() => setTimeout(() => (perf.cachePaint = performance.timeOrigin + performance.now()), 0));
  forwardUserEvents(chrome.element, applier, post);
  const viewCalls = createViewCallHandlers(document, { domNode: (id) => applier.domNode(id), post, resolveUrl, tabBar: () => chrome.tabBarControl() });

  const watchdog = new LogicWatchdog(
    (seq) => post({ t: 'ping', seq }),
    () => location.reload(),
  );

  worker.onmessage = (ev: MessageEvent) => {
    const message = ev.data as ToView;
    switch (message.t) {
      case 'render': {
        const started = performance.now();
        applier.apply(message.ops);
        events.advance(message.handled);
        perf.applyMs.push(performance.now() - started);
        if (perf.firstRender === undefined && message.ops.length > 0) {
          perf.firstRender = performance.now();
          // a frame callback runs just before the next paint; a task queued from it runs just after
          requestAnimationFrame(() => setTimeout(() => (perf.firstPagePaint = performance.timeOrigin + performance.now()), 0));
        }
        post({ t: 'committed', seq: message.seq });
        return;
      }
      case 'ready':
        perf.logicReady ??= performance.now();
        renderingCache.chromeReady(message.chrome);
        return;
      case 'error':
        console.error(`mini program error: ${message.message}${message.where ? `\n    at ${message.where}` : ''}`, message.stack ?? '');
        return;
      case 'fatal':
        renderingCache.dismiss();
        showFatal(message.message);
        return;
      case 'viewCall':
        answerViewCall(viewCalls, message, post);
        return;
      case 'eventResult':
        applier.eventResult(message.node, message.type, message.value, message.seq);
        return;
      case 'pong':
        watchdog.pong(message.seq);
        return;
      case 'devtools':
        devtools.add(message.report);
        return;
      case 'pageNotFound':
        renderingCache.dismiss();
        showPageNotFound(chrome.element, message.path);
        return;
    }
  };
  worker.onerror = (ev) => {
    renderingCache.dismiss();
    showFatal(`the logic layer failed to start: ${ev.message}`);
  };

  serveWx(port, hostWx);
}

/** a host API through the page's wx, its success or fail object either way (open-type buttons report both) */
async function callHostWx(hostWx: Record<string, unknown> | undefined, api: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  const fn = hostWx?.[api];
  if (typeof fn !== 'function') return { errMsg: `${api}:fail not supported` };
  try {
    return ((await (fn as (p: unknown) => unknown).call(hostWx, params)) ?? { errMsg: `${api}:ok` }) as Record<string, unknown>;
  } catch (fail) {
    return fail && typeof fail === 'object' ? (fail as Record<string, unknown>) : { errMsg: `${api}:fail ${String(fail)}` };
  }
}

function showFatal(message: string): void {
  console.error(`mini program: ${message}`);
  const box = document.createElement('div');
  box.className = 'wx-fatal';
  box.setAttribute('role', 'alert');
  box.textContent = message;
  document.body.append(box);
}

boot();
