import * as glassEasel from 'glass-easel';
import { MiniProgramEnv, type AssociatedBackend } from 'glass-easel-miniprogram-adapter';
import { createWx } from '../../client/wx/create-wx';
import type { WxTransport } from '../../client/transport';
import { Op, type TabTap, type ToLogic, type ToView, type ViewEvent } from '../protocol';
import { AppHolder, type LaunchInfo } from './app-instance';
import type { AppBundle } from './bundle';
import { BundleSpace } from './code-space';
import { withFormFields } from './builtin-behaviors';
import { createAnimation } from './animation';
import { createVideoContextApi } from './video-context';
import { AudioPlayers } from './inner-audio-player';
import { createInnerAudioContextApi, registerInnerAudioOption } from './inner-audio';
import { backgroundAudioManagerApi } from './background-audio';
import { installKeyframeAnimate } from './keyframe-animate';
import { registerLoadFontFace } from './font-face';
import { fireReadyAfterCommit } from './ready-lifetime';
import { CUSTOM_TAB_BAR, installGetTabBar } from './custom-tab-bar';
import { desktopSyncApis, registerDesktopApis, UNSUPPORTED_APIS, workerNetworkSource } from './desktop-apis';
import { RecordingBackend, type RecordedElement, type WindowSize } from './composed-backend';
import { ErrorLocator } from './error-location';
import { ModuleLoader } from './module-loader';
import { OpQueue } from './op-queue';
import { pageWindow, tabBarConfig } from './page-window';
import { PageLifecycle } from './pages';
import { Router } from './router';
import { RuntimeApiError, RuntimeApis } from './runtime-apis';
import { typeName } from '../../client/wx/type-name';
import { appBaseInfo, canIUse, deviceInfo, menuButtonRect, registerPageLevelApis, systemInfo, windowInfo } from './page-apis';
import { ViewCalls } from './view-calls';
import { DevReporter } from './dev-reports';
import { createWorkerApi, nestedWorkerSpawner, workerErrorOf } from './app-worker';
import { USER_DATA_PATH } from '../../client/wx/file-system';
import { tapSetData } from './set-data-tap';
import { AppEventListeners } from './app-events';
import { CanvasNodes } from './canvas-nodes';
import { ElementHandles, installNodeQueries } from './canvas-query';
import { EditorContexts } from './editor-context';
import { canvasWxMethods, legacyCanvasContext, registerCanvasApis, type CanvasApiDeps } from './canvas-apis';
import { registerImageInfo } from './image-info';

// Before any component is defined: glass-easel reads these when a definition is registered.
glassEasel.globalOptions.writeIdToDOM = true;
// this.animate / this.clearAnimation on every page and component instance
installKeyframeAnimate();

export interface LogicRuntimeOptions {
  bundle: AppBundle;
  post: (message: ToView) => void;
  transport: WxTransport;
  storageMirror?: Record<string, unknown>;
  window: WindowSize;
  launch?: { path?: string; query?: Record<string, string> };
}

/** the wx APIs that open a page: one of them called in onPageNotFound is its redirect */
/** what canIUse answers false for although wx has it (it fails clearly) */
const NOT_USABLE: ReadonlySet<string> = new Set(UNSUPPORTED_APIS);
const ROUTING_APIS: ReadonlySet<string> = new Set(['navigateTo', 'redirectTo', 'switchTab', 'reLaunch']);

/** WeChat's launch scene for "opened from the app list"; the shell has no other entry yet */
const LAUNCH_SCENE = 1001;

/**
 * The logic layer of one mini program: the glass-easel environment, the package's modules, App, the page
 * stack and routing, `wx`, and the traffic with the view. DOM-free, so unit tests drive it in Node.
 */
export class LogicRuntime {
  readonly queue: OpQueue;
  readonly backend: RecordingBackend;
  readonly app = new AppHolder();
  readonly apis = new RuntimeApis();
  readonly router: Router;
  readonly wx: Record<string, unknown>;
  readonly views: ViewCalls;
  /** the audio elements of wx.createInnerAudioContext and the background audio manager */
  readonly audio: AudioPlayers;
  private readonly associated: AssociatedBackend;
  private readonly space: BundleSpace;
  private readonly loader: ModuleLoader;
  private readonly locator: ErrorLocator;
  /** app.json "darkmode": true — WeChat then reports `theme` in the system info */
  private readonly darkmode: boolean;
  private readonly errorListeners = new AppEventListeners<string>('onError');
  private readonly rejectionListeners = new AppEventListeners<{ reason: unknown; promise: unknown }>('onUnhandledRejection');
  private readonly notFoundListeners = new AppEventListeners<{ path: string; query: Record<string, string>; isEntryPage: boolean }>('onPageNotFound');
  private readonly dev: DevReporter;
  private stackReportQueued = false;
  private launchInfo: LaunchInfo | undefined;
  private appVisible = true;
  /** the view's seq of the last event dispatched: a render batch says it, so the view can tell stale values */
  private handledEvent = 0;

  constructor(private readonly options: LogicRuntimeOptions) {
    const { bundle } = options;
    this.darkmode = (bundle.app as Record<string, unknown>)['darkmode'] === true;
    this.locator = new ErrorLocator(bundle.lines, bundle.columns);
    this.dev = new DevReporter(options.post, this.locator);
    this.queue = new OpQueue(
      (seq, ops) => options.post({ t: 'render', seq, ops, handled: this.handledEvent }),
      (e) => this.reportError(e),
    );
    const env = new MiniProgramEnv();
    this.space = new BundleSpace(env, bundle);
    const scopes = this.space.codeSpace.getComponentSpace().styleScopeManager;
    this.backend = new RecordingBackend(this.queue, (scope) => scopes.queryName(scope), options.window);
    this.associated = env.associateBackend(this.backend);
    this.views = new ViewCalls(options.post);
    this.backend.views = this.views;
    installNodeQueries();
    const canvasDeps: CanvasApiDeps = {
      views: this.views,
      queue: this.queue,
      pageComponent: () => this.router.top()?.root.getComponent(),
      reportError: (e) => this.reportError(e),
      // the host's wx, made below: canvasToTempFilePath has the host store its image as a temp file
      callHost: (api, params) => (hostWx[api] as (p: unknown) => Promise<Record<string, unknown>>)(params),
    };
    const canvases = new CanvasNodes(this.views, this.queue, {
      reportError: (e) => this.reportError(e),
      legacyContext: (canvasId, scope) => legacyCanvasContext(canvasId, scope, canvasDeps),
    });
    // SelectorQuery's node / context: an <editor>'s EditorContext, else a canvas's handles
    const editors = new EditorContexts({ views: this.views, flush: () => this.queue.flush() });
    this.backend.handles = (element, cb) => {
      const editor = editors.contextOf(element);
      if (editor) cb(new ElementHandles(null, editor));
      else canvases.handles(element, cb);
    };

    const tabBar = tabBarConfig(bundle.app.tabBar);
    const tabRoutes = new Set((tabBar?.list ?? []).map((item) => item.pagePath));
    const customTabBar = tabBar?.custom && bundle.configs[CUSTOM_TAB_BAR] ? CUSTOM_TAB_BAR : undefined;
    const lifecycle = new PageLifecycle({
      backend: this.backend,
      associated: this.associated,
      codeSpace: this.space.codeSpace,
      windowOf: (route) => pageWindow(bundle.app.window, bundle.configs[route]),
      isTab: (route) => tabRoutes.has(route),
      ...(customTabBar ? { customTabBar } : {}),
      beforeCreate: (route) => {
        this.space.define(route, this.loader);
        if (customTabBar) this.space.define(customTabBar, this.loader);
      },
    });
    this.router = new Router(lifecycle, new Set(bundle.pages), tabRoutes);
    this.router.onChange = () => this.queueStackReport();
    const pageRoutes = new Set(bundle.pages);
    // setData traffic for the inspector: measured from the call to the view acknowledging the batch that drew it
    tapSetData(this.backend, (call) => this.queue.afterCommit(() => this.dev.setData(call, performance.now(), pageRoutes.has(call.is) ? 'page' : 'component')));
    fireReadyAfterCommit(this.backend, (callback) => this.queue.afterCommit(callback));
    installGetTabBar();
    this.router.register(this.apis);
    this.registerPageApis();
    registerPageLevelApis({
      apis: this.apis,
      views: this.views,
      queue: this.queue,
      top: () => this.router.top(),
      windowSize: () => this.backend.windowSize,
      launchInfo: () => this.launchInfo,
      appId: bundle.appId,
      pullDownRefresh: (page) => this.pageCall(page.pageId, 'onPullDownRefresh', []),
      tabCount: tabBar?.list.length ?? 0,
      darkmode: this.darkmode,
    });
    // read now: once the Worker's globals are sealed, package code (and so this runtime's globals) lose them
    const network = workerNetworkSource(globalThis);
    registerDesktopApis(this.apis, network);
    registerLoadFontFace(this.apis, this.views);
    registerCanvasApis(this.apis, canvasDeps);
    // the host's wx (made below) downloads network images and reads saved files, callback style as WeChat's
    const hostCallback = (call: (callbacks: { success(res: unknown): void; fail(res: unknown): void }) => void) =>
      new Promise<Record<string, unknown>>((resolve, reject) => call({ success: (res) => resolve(res as Record<string, unknown>), fail: reject }));
    registerImageInfo(this.apis, {
      views: this.views,
      route: () => this.router.top()?.route,
      download: (url) => hostCallback((cb) => (hostWx['downloadFile'] as (p: unknown) => void)({ url, ...cb })),
      readFile: async (filePath) => {
        const fs = (hostWx['getFileSystemManager'] as () => { readFile(p: unknown): void })();
        return (await hostCallback((cb) => fs.readFile({ filePath, ...cb })))['data'] as ArrayBuffer;
      },
    });
    // app.json "requiredBackgroundModes": ["audio"]: audio keeps playing while the app is hidden
    const backgroundModes = (bundle.app as Record<string, unknown>)['requiredBackgroundModes'];
    this.audio = new AudioPlayers(this.views, Array.isArray(backgroundModes) && backgroundModes.includes('audio'));
    registerInnerAudioOption(this.apis);

    const hostWx = createWx(options.transport, { storageMirror: options.storageMirror ?? {} }) as unknown as Record<string, unknown>;
    this.wx = Object.freeze({
      ...hostWx,
      ...this.apis.methods(),
      onError: (listener: unknown) => this.errorListeners.on(listener),
      offError: (listener?: unknown) => this.errorListeners.off(listener),
      onUnhandledRejection: (listener: unknown) => this.rejectionListeners.on(listener),
      offUnhandledRejection: (listener?: unknown) => this.rejectionListeners.off(listener),
      onPageNotFound: (listener: unknown) => this.notFoundListeners.on(listener),
      offPageNotFound: (listener?: unknown) => this.notFoundListeners.off(listener),
      ...this.pageLevelSyncApis(bundle.appId),
      ...desktopSyncApis(network),
      createAnimation,
      ...canvasWxMethods(this.apis, canvasDeps),
      createVideoContext: createVideoContextApi({ views: this.views, flush: () => this.queue.flush(), page: () => this.router.top()?.root.getComponent() }),
      createInnerAudioContext: createInnerAudioContextApi(this.audio, (e) => this.reportError(e)),
      getBackgroundAudioManager: backgroundAudioManagerApi(this.audio, (e) => this.reportError(e)),
      // app.json "workers"; the logic Worker's own Worker constructor is read now, before its globals are sealed
      createWorker: createWorkerApi({
        workers: (bundle.app as Record<string, unknown>)['workers'],
        spawn: nestedWorkerSpawner(globalThis),
        userDataPath: USER_DATA_PATH,
        report: (e) => {
          console.error(`mini program worker: ${e.name ?? 'Error'}: ${e.message}${e.where ? `\n    at ${e.where}` : ''}`);
          this.dev.problem('exception', workerErrorOf(e), this.router.top()?.route, e.where);
        },
      }),
    });
    options.transport.onEvent((event) => this.hostEvent(event));

    const globals = this.space.globals();
    this.loader = new ModuleLoader(bundle.modules, {
      wx: this.wx,
      App: this.app.App,
      Page: globals.Page,
      Component: globals.Component,
      Behavior: globals.Behavior,
      getApp: this.app.getApp,
      getCurrentPages: () => this.router.stack.map((p) => p.instance),
      requirePlugin: (name: unknown) => {
        throw new Error(`requirePlugin("${String(name)}"): plugins are not supported in this shell`);
      },
    });
    glassEasel.addGlobalErrorListener((error) => {
      this.reportError(error);
      return false;
    });
  }

  /** app.js, the main package's page and component modules, App.onLaunch/onShow, then the entry page */
  start(): void {
    const { bundle } = this.options;
    const tabBar = tabBarConfig(bundle.app.tabBar);
    // a custom tab bar replaces the view's own (each tab page renders the package's component instead)
    this.options.post({ t: 'ready', chrome: { ...(tabBar && !tabBar.custom ? { tabBar } : {}) } });
    this.runModule(bundle.entry.app);
    this.space.defineMainPackage(this.loader);
    const entry = this.entryRoute();
    this.launchInfo = { path: entry.route, query: entry.query, scene: LAUNCH_SCENE, referrerInfo: {} };
    this.app.call('onLaunch', [{ ...this.launchInfo }]);
    this.app.call('onShow', [{ ...this.launchInfo }]);
    if (bundle.pages.includes(entry.route)) this.router.launch(entry.route, entry.query);
    else this.pageNotFound(entry.route, entry.query);
  }

  /**
   * The launch page is not in the package (WeChat's wx.onPageNotFound / App.onPageNotFound): the listeners
   * get `{ path, query, isEntryPage }` and may route elsewhere, synchronously; a routing call made later
   * is not waited for. Without listeners, or when their routing opens no page (another missing page), the
   * runtime's own "page not found" page shows, and the listeners are not called a second time.
   */
  private pageNotFound(path: string, query: Record<string, string>): void {
    const showNotFound = () => {
      this.options.post({ t: 'pageNotFound', path });
      this.queueStackReport();
    };
    const listening = this.app.has('onPageNotFound') || this.notFoundListeners.size > 0;
    if (!listening) {
      showNotFound();
      return;
    }
    const routing: Array<Promise<unknown>> = [];
    const stop = this.apis.observe((api, outcome) => {
      if (ROUTING_APIS.has(api)) routing.push(outcome);
    });
    try {
      const res = () => ({ path, query: { ...query }, isEntryPage: true });
      this.app.call('onPageNotFound', [res()]);
      this.notFoundListeners.emit(res);
    } finally {
      stop();
    }
    if (routing.length === 0) showNotFound();
    else void Promise.allSettled(routing).then(() => {
      if (this.router.stack.length === 0) showNotFound();
    });
  }

  /** an unhandled promise rejection in the package's code: wx.onUnhandledRejection, App.onUnhandledRejection, the console */
  reportRejection(reason: unknown, promise: unknown): void {
    this.app.call('onUnhandledRejection', [{ reason, promise }]);
    this.rejectionListeners.emit(() => ({ reason, promise }));
    const error = reason instanceof Error ? reason : undefined;
    const where = this.locator.locate(error?.stack);
    console.error(`mini program: unhandled promise rejection: ${error ? error.message : String(reason)}${where ? `\n    at ${where}` : ''}`);
    this.dev.problem('rejection', reason, this.router.top()?.route);
  }

  /** one page-stack report per task, however many pages a navigation opened or closed */
  private queueStackReport(): void {
    if (this.stackReportQueued) return;
    this.stackReportQueued = true;
    queueMicrotask(() => {
      this.stackReportQueued = false;
      this.dev.pageStack(this.router.stack.map((p) => ({ route: p.route, query: p.query })));
    });
  }

  receive(message: ToLogic): void {
    switch (message.t) {
      case 'committed':
        this.queue.committed(message.seq);
        return;
      case 'event':
        this.dispatchEvent(message);
        return;
      case 'navigate':
        this.navigateFromView(message.openType, message.url, message.delta, message.tab);
        return;
      case 'pageScroll':
        this.pageCall(message.pageId, 'onPageScroll', [{ scrollTop: message.scrollTop }]);
        return;
      case 'reachBottom':
        this.pageCall(message.pageId, 'onReachBottom', []);
        return;
      case 'pullDownRefresh':
        this.pageCall(message.pageId, 'onPullDownRefresh', []);
        return;
      case 'resize':
        this.backend.windowSize = { ...this.backend.windowSize, width: message.width, height: message.height };
        for (const page of this.router.all()) {
          const size = { windowWidth: message.width, windowHeight: message.height };
          page.root.getComponent().triggerPageLifetime('resize', [{ size }]);
          page.tabBar?.getComponent().triggerPageLifetime('resize', [{ size }]);
          this.pageCall(page.pageId, 'onResize', [{ size }]);
        }
        return;
      case 'hostEvent':
        this.hostEvent({ v: 1, event: message.event, data: message.data });
        return;
      case 'viewReply':
        this.views.receive(message);
        return;
      case 'audio':
        this.audio.receive(message);
        return;
      case 'intersection':
        this.backend.observers.get(message.observer)?.(message.status);
        return;
      case 'ping':
        this.options.post({ t: 'pong', seq: message.seq });
        return;
      case 'start':
        return;
    }
  }

  /** the synchronous page-level wx APIs (no callbacks, answered in the logic layer) */
  private pageLevelSyncApis(appId: string): Record<string, unknown> {
    const launch = () => ({ path: '', query: {}, scene: 1001, referrerInfo: {}, ...(this.launchInfo ?? {}) });
    const topInstance = () => {
      const top = this.router.top();
      if (!top) throw new Error('there is no page yet: call this from a page or after onLaunch');
      return top.instance as { createSelectorQuery(): unknown; createIntersectionObserver(o?: unknown): unknown };
    };
    return {
      nextTick: (fn: unknown) => {
        if (typeof fn === 'function') void Promise.resolve().then(() => (fn as () => void)());
      },
      getSystemInfoSync: () => systemInfo(this.backend.windowSize, this.darkmode),
      getWindowInfo: () => windowInfo(this.backend.windowSize),
      getDeviceInfo: () => deviceInfo(),
      getAppBaseInfo: () => appBaseInfo(this.darkmode),
      getLaunchOptionsSync: launch,
      getEnterOptionsSync: launch,
      // WeChat adds `plugin` only when a plugin's own code calls it
      getAccountInfoSync: () => ({ miniProgram: { appId, envVersion: 'release', version: '' } }),
      getMenuButtonBoundingClientRect: () => menuButtonRect(this.backend.windowSize),
      canIUse: (schema: unknown) => canIUse(this.wx, schema, NOT_USABLE),
      // in the current page, as WeChat's are; `.in(component)` narrows to a component
      createSelectorQuery: () => topInstance().createSelectorQuery(),
      createIntersectionObserver: (component: unknown, options?: unknown) => {
        const owner = component && typeof (component as { createIntersectionObserver?: unknown }).createIntersectionObserver === 'function' ? (component as ReturnType<typeof topInstance>) : topInstance();
        return owner.createIntersectionObserver(owner === component ? options : component);
      },
    };
  }

  /** an error in the package's code: App.onError, wx.onError listeners and the console, with file:line */
  reportError(error: unknown): void {
    const err = error instanceof Error ? error : new Error(String(error));
    const where = this.locator.locate(err.stack);
    const message = `${err.message}${where ? `\n    at ${where}` : ''}${err.stack ? `\n${err.stack}` : ''}`;
    this.app.callOnError(message);
    this.errorListeners.emit(() => message);
    this.options.post({ t: 'error', message: err.message, ...(err.stack ? { stack: err.stack } : {}), ...(where ? { where } : {}) });
    this.dev.problem('exception', err, this.router.top()?.route);
  }

  private runModule(file: string): void {
    try {
      this.loader.load(file);
    } catch (e) {
      this.reportError(e);
    }
  }

  /** the launch's page when it named one (it may not exist: onPageNotFound), else the app's entry page */
  private entryRoute(): { route: string; query: Record<string, string> } {
    const { bundle } = this.options;
    const wanted = this.options.launch?.path?.replace(/^\//, '');
    const route = wanted ? wanted : (bundle.app.entryPagePath?.replace(/^\//, '') ?? bundle.app.pages[0]!);
    return { route, query: { ...(this.options.launch?.query ?? {}) } };
  }

  private dispatchEvent(event: ViewEvent): void {
    if (typeof event.seq === 'number') this.handledEvent = event.seq;
    const node = this.backend.element(event.node);
    const target = node?.__wxElement;
    if (!node || !target) return;
    node.applyModel(event.type, event.detail);
    const extraFields: Record<string, unknown> = {};
    if (event.touches) extraFields['touches'] = event.touches;
    if (event.changedTouches) extraFields['changedTouches'] = event.changedTouches;
    const bubbles = event.bubbles !== false;
    // the view knows its built-in fields' values; custom wx://form-field components' are here
    const detail = event.type === 'submit' && target instanceof glassEasel.NativeNode && target.is === 'form' ? withFormFields(event.detail, this.space.builtins.formFieldValues(target)) : event.detail;
    // bindinput may return the new value of the box (WeChat); the first such answer goes back to the view
    let answer: unknown;
    const handleListenerReturn = (ret: unknown) => {
      if (answer === undefined && ret !== undefined && ret !== null && typeof ret !== 'boolean') answer = ret;
      return ret === false ? false : undefined;
    };
    glassEasel.Event.triggerEvent(target, event.type, detail, { bubbles, composed: bubbles, capturePhase: bubbles, extraFields, handleListenerReturn });
    if (answer !== undefined) {
      try {
        this.options.post({ t: 'eventResult', node: event.node, type: event.type, value: structuredClone(answer), ...(event.seq !== undefined ? { seq: event.seq } : {}) });
      } catch {
        // not cloneable: nothing a built-in could use
      }
    }
  }

  private navigateFromView(openType: string, url: string | undefined, delta: number | undefined, tab?: TabTap): void {
    const api = openType === 'navigate' ? 'navigateTo' : openType === 'redirect' ? 'redirectTo' : openType;
    const result = this.apis.call(api, { ...(url !== undefined ? { url } : {}), ...(delta !== undefined ? { delta } : {}) });
    // a tap on the tab bar (not wx.switchTab): the tapped tab's page hears onTabItemTap once it is shown,
    // also when it already was (WeChat: "点击 tab 时触发", pages use it to refresh or scroll to the top)
    if (tab) void result?.then(() => this.tabItemTapped(tab, url?.replace(/^\//, '') ?? ''));
    // a <navigator> with a bad url reports like the API would, to the console
    void result?.catch((fail: { errMsg?: string }) => console.error(`navigator: ${fail.errMsg ?? 'failed'}`));
  }

  private tabItemTapped(tab: TabTap, pagePath: string): void {
    const top = this.router.top();
    if (top?.route === pagePath) this.router.lifecycleOf().call(top, 'onTabItemTap', [{ index: tab.index, pagePath, text: tab.text }]);
  }

  private pageCall(pageId: number, name: string, args: unknown[]): void {
    const page = this.router.all().find((p) => p.pageId === pageId);
    if (page) this.router.lifecycleOf().call(page, name, args);
  }

  private hostEvent(raw: unknown): void {
    const event = (raw as { event?: unknown })?.event;
    const top = this.router.top();
    if (event === 'appHide' && this.appVisible) {
      this.appVisible = false;
      this.audio.appHidden();
      if (top) this.router.lifecycleOf().hide(top);
      this.app.call('onHide', []);
    } else if (event === 'appShow' && !this.appVisible) {
      this.appVisible = true;
      this.app.call('onShow', [{ ...(this.launchInfo ?? {}) }]);
      if (top) this.router.lifecycleOf().show(top, this.router.stack.length > 1);
    }
  }

  /** page-level APIs the runtime answers besides routing */
  private registerPageApis(): void {
    this.apis.register('setNavigationBarTitle', (p) => {
      const title = p['title'];
      if (typeof title !== 'string') throw new RuntimeApiError(`parameter error: parameter.title should be String instead of ${typeName(title)};`);
      const top = this.router.top();
      if (top) {
        top.window.navigationBarTitleText = title;
        this.queue.push([Op.pageWindow, top.pageId, top.window, ['navigationBarTitleText']]);
      }
    });
    this.apis.register('stopPullDownRefresh', () => {
      const top = this.router.top();
      if (top) this.queue.push([Op.stopPullDownRefresh, top.pageId]);
    });
    this.apis.register('pageScrollTo', (p) => {
      const top = this.router.top();
      if (!top) return;
      const duration = Number(p['duration'] ?? 300);
      const selector = p['selector'];
      if (p['scrollTop'] === undefined && typeof selector === 'string') {
        // the page's own selector syntax (`>>>` crosses components), resolved here; the view measures the node
        const shadowRoot = top.root.getComponent().shadowRoot as glassEasel.ShadowRoot;
        const node = shadowRoot.querySelector(selector)?.getBackendElement() as RecordedElement | null | undefined;
        if (node) this.queue.push([Op.pageScrollTo, top.pageId, 0, duration, node.id, Number(p['offsetTop'] ?? 0)]);
        return;
      }
      this.queue.push([Op.pageScrollTo, top.pageId, Number(p['scrollTop'] ?? 0), duration]);
    });
  }
}
