import type { RequestEnvelope } from '../core/contracts/wire';
import type { DevReport } from '../core/contracts/devtools';

/**
 * The messages between the view layer (the app's page) and the logic layer (the Worker).
 * Render operations are flat arrays so one structured clone carries a whole batch cheaply; node ids are
 * numbers the logic layer assigns; id 0 is never used.
 */

/**
 * The element a tab page's custom tab bar (app.json tabBar.custom) is attached in, after the page's content
 * in its holder: the view keeps it at the bottom of the page's frame and gives it the bar's height.
 */
export const CUSTOM_TAB_BAR_SLOT = 'wx-custom-tab-bar';

/** Render and page operations, in the order the logic layer issued them. */
export const Op = {
  /** [op, id, logicalName, stylingName] */
  element: 1,
  /** [op, id, text] */
  text: 2,
  /** [op, id] */
  fragment: 3,
  /** [op, parent, child] */
  append: 4,
  /** [op, parent, child, before] */
  insert: 5,
  /** [op, parent, child] */
  remove: 6,
  /** [op, parent, child, oldChild] */
  replace: 7,
  /** [op, parent, before, deleteCount, fragment]: removes deleteCount nodes from `before` on, puts the fragment's children there */
  spliceBefore: 8,
  /** [op, parent, fragment] */
  spliceAppend: 9,
  /** [op, parent, before, deleteCount] */
  spliceRemove: 10,
  /** [op, id, domId] */
  setId: 11,
  /** [op, id, hostScopeName]: the component host's scope, written as the wx-host attribute (for :host) */
  setHostScope: 12,
  /** [op, id, domClass] (already prefixed with its style scope) */
  addClass: 13,
  removeClass: 14,
  /** [op, id] */
  clearClasses: 15,
  /** [op, id, cssText] */
  setStyle: 16,
  /** [op, id, name, value] */
  setAttr: 17,
  /** [op, id, name] */
  removeAttr: 18,
  /** [op, id, text] */
  setText: 19,
  /** [op, id, type, capture]: the node has a listener for this WeChat event type */
  listen: 20,
  /** [op, id] the node will never be used again */
  release: 21,
  /** [op, pageId, rootNodeId, route, window]: a page enters the stack (not yet shown) */
  pageCreate: 22,
  /** [op, pageId]: this page is now the visible top of the stack */
  pageShow: 23,
  /** [op, pageId] */
  pageDestroy: 24,
  /**
   * [op, pageId, window, set?, animation?]: navigation bar changes (setNavigationBarTitle ...); `set` names the
   * NavBarFields a wx API call set, so that in the view the later of that call and a <navigation-bar> attribute
   * shows; `animation`: setNavigationBarColor's { duration, timingFunc } for its colour change
   */
  pageWindow: 25,
  /** [op, pageId] */
  stopPullDownRefresh: 26,
  /** [op, pageId, scrollTop, duration] */
  pageScrollTo: 27,
  /**
   * [op, pageId, holderId, route, window]: the page's initial data is rendered and onLoad has not run yet; only
   * for a page whose json asks for WeChat's initial rendering cache (the view records what the holder shows now)
   */
  initialRender: 28,
} as const;

export type RenderOp = ReadonlyArray<unknown>;

/** wx.setNavigationBarColor's `animation`, as the mini program passed it (the view checks and maps it). */
export interface NavBarColorAnimation {
  duration?: unknown;
  timingFunc?: unknown;
}

/** The PageWindow fields that both the navigation bar APIs and the <navigation-bar> built-in set. */
export type NavBarField = 'navigationBarTitleText' | 'navigationBarBackgroundColor' | 'navigationBarTextStyle' | 'navigationBarLoading';

/** The window settings of one page: app.json `window` merged with the page's own json. */
export interface PageWindow {
  navigationBarTitleText: string;
  navigationBarBackgroundColor: string;
  navigationBarTextStyle: 'white' | 'black';
  navigationStyle: 'default' | 'custom';
  backgroundColor: string;
  enablePullDownRefresh: boolean;
  onReachBottomDistance: number;
  /** set by the runtime: the page can go back (not the bottom of the stack) */
  canGoBack?: boolean;
  /** wx.showNavigationBarLoading: a spinner beside the title */
  navigationBarLoading?: boolean;
  /** page json / app.json window `initialRenderingCache` (WeChat's initial rendering cache), when set */
  initialRenderingCache?: 'static' | 'dynamic';
}

export interface TabBarItem {
  pagePath: string;
  text: string;
  iconPath?: string;
  selectedIconPath?: string;
}

export interface TabBarConfig {
  color: string;
  selectedColor: string;
  backgroundColor: string;
  borderStyle: 'black' | 'white';
  position: 'bottom' | 'top';
  list: TabBarItem[];
  /** the package draws its own (custom-tab-bar/index) on each tab page; the view draws none */
  custom: boolean;
}

/** A tap on the view's tab bar: the tab's index and its text as shown (setTabBarItem may have changed it). */
export interface TabTap {
  index: number;
  text: string;
}

/** Touch point in WeChat's shape, made from a pointer event. */
export interface WxTouch {
  identifier: number;
  pageX: number;
  pageY: number;
  clientX: number;
  clientY: number;
  force: number;
}

/** Touch point of a <canvas>'s touch events (WeChat's CanvasTouch): x, y from the canvas's top-left corner. */
export interface CanvasTouch {
  identifier: number;
  x: number;
  y: number;
}

/** A user event on a node, sent to the logic layer. */
export interface ViewEvent {
  t: 'event';
  /** the view's running count of the events it sent (set by the view's post): the logic says which it has handled */
  seq?: number;
  node: number;
  type: string;
  detail: unknown;
  /** tap and touch events bubble; a component's own events (input, change, scroll...) do not */
  bubbles?: boolean;
  touches?: WxTouch[] | CanvasTouch[];
  changedTouches?: WxTouch[] | CanvasTouch[];
}

export interface LaunchOptions {
  path: string;
  query: Record<string, string>;
  scene: number;
}

/** view -> logic */
export type ToLogic =
  | { t: 'start'; bundleUrl: string; storageMirror: Record<string, unknown>; launch?: { path?: string; query?: Record<string, string> }; window: { width: number; height: number; pixelRatio: number } }
  | { t: 'committed'; seq: number }
  | ViewEvent
  | { t: 'navigate'; openType: 'navigate' | 'redirect' | 'switchTab' | 'reLaunch' | 'navigateBack'; url?: string; delta?: number; tab?: TabTap }
  | { t: 'pageScroll'; pageId: number; scrollTop: number }
  | { t: 'reachBottom'; pageId: number }
  | { t: 'pullDownRefresh'; pageId: number }
  | { t: 'hostEvent'; event: 'appShow' | 'appHide'; data: Record<string, unknown> }
  | { t: 'resize'; width: number; height: number }
  /** liveness check: the logic layer answers `pong` with the same seq when it is not stuck */
  | { t: 'ping'; seq: number }
  | ViewReply
  | { t: 'intersection'; observer: number; status: Record<string, unknown> }
  | AudioReport;

/** What an audio player's state is after an event (WeChat's read-only InnerAudioContext properties, in seconds). */
export interface AudioStatus {
  duration: number;
  currentTime: number;
  paused: boolean;
  buffered: number;
}

/**
 * view -> logic: an audio player of wx.createInnerAudioContext / wx.getBackgroundAudioManager did something
 * (`event`: WeChat's name without "on", lower case: canplay, play, pause, stop, ended, timeupdate, error,
 * waiting, seeking, seeked); `status` is its state just after, so listeners read current properties.
 */
export interface AudioReport {
  t: 'audio';
  player: number;
  event: string;
  status: AudioStatus;
  error?: { errCode: number; errMsg: string };
}

/**
 * The logic layer asks the view for something only the page can do or know: draw an overlay (showToast,
 * showModal...), measure a node (selector queries), watch one (intersection observers). `api` names a view
 * handler; the answer is WeChat's result object, errMsg included.
 */
export interface ViewCall {
  t: 'viewCall';
  id: number;
  api: string;
  params: Record<string, unknown>;
}

export interface ViewReply {
  t: 'viewReply';
  id: number;
  ok: boolean;
  result: Record<string, unknown> & { errMsg: string };
}

/** The app's settings the view needs to draw the chrome. */
export interface AppChrome {
  tabBar?: TabBarConfig;
}

/** logic -> view */
export type ToView =
  | { t: 'render'; seq: number; ops: RenderOp[]; /** the last view event the logic had handled when it made this batch */ handled?: number }
  | { t: 'ready'; chrome: AppChrome }
  | { t: 'error'; message: string; stack?: string; where?: string }
  | { t: 'fatal'; message: string }
  | { t: 'pong'; seq: number }
  | ViewCall
  /** what an event handler returned, for the built-in that sent the event (bindinput's new value) */
  | { t: 'eventResult'; node: number; type: string; value: unknown; /** the event it answers */ seq?: number }
  /** for the inspector: the view batches these and sends them to the host over the bridge */
  | { t: 'devtools'; report: DevReport }
  /** the launch page does not exist and onPageNotFound did not route elsewhere: the runtime's own page says so */
  | { t: 'pageNotFound'; path: string };

/** Messages on the wx port between the logic Worker and the view, which holds the bridge connection. */
export type WxPortMessage =
  | { t: 'call'; msg: RequestEnvelope }
  | { t: 'response'; response: { id?: unknown } & Record<string, unknown> }
  | { t: 'event'; event: unknown };
