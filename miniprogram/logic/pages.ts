import * as glassEasel from 'glass-easel';
import type { AssociatedBackend, CodeSpace, Root } from 'glass-easel-miniprogram-adapter';
import { CUSTOM_TAB_BAR_SLOT, Op, type PageWindow } from '../protocol';
import type { RecordingBackend } from './composed-backend';
import { EventChannel } from './event-channel';

/** One page in the stack (or a hidden tab page kept alive). */
export interface PageRecord {
  pageId: number;
  route: string;
  query: Record<string, string>;
  root: Root;
  /** the page instance the page's code sees as `this` */
  instance: Record<string, unknown>;
  window: PageWindow;
  isTab: boolean;
  shown: boolean;
  /** this tab page's own instance of the app's custom-tab-bar component (app.json tabBar.custom) */
  tabBar?: Root;
}

export interface PageFactoryDeps {
  backend: RecordingBackend;
  associated: AssociatedBackend;
  codeSpace: CodeSpace;
  windowOf(route: string): PageWindow;
  isTab(route: string): boolean;
  /** the custom tab bar component's path when app.json asks for one (tabBar.custom) and the package has it */
  customTabBar?: string;
  /** runs the page's module (and its components') if it has not run yet: a subpackage loads on first use */
  beforeCreate?(route: string): void;
}

let dynamicCacheWarned = false;

/** `this.setInitialRenderingCache(dynamicData)`: WeChat's dynamic initial rendering cache, not drawn by this shell */
function warnDynamicCacheUnsupported(): void {
  if (dynamicCacheWarned) return;
  dynamicCacheWarned = true;
  console.warn('setInitialRenderingCache: the dynamic initial rendering cache is not supported in this desktop shell; use "initialRenderingCache": "static" (the page\'s data only)');
}

/**
 * Creates, shows, hides and destroys pages, running their lifecycles in WeChat's order and telling the
 * view which page container to draw. The routing rules (what happens to which page) live in router.ts.
 */
export class PageLifecycle {
  private nextPageId = 1;

  constructor(private readonly deps: PageFactoryDeps) {}

  /** builds the page's component tree and attaches it; nothing is visible and onLoad has not run yet */
  create(route: string, query: Record<string, string>, opener?: EventChannel): PageRecord {
    const { backend, associated, codeSpace } = this.deps;
    this.deps.beforeCreate?.(route);
    const pageId = this.nextPageId++;
    const root = associated.createRoot('page', codeSpace, route);
    const holder = backend.createElement('wx-page-holder', 'wx-page-holder');
    const placeholder = backend.createElement('wx-placeholder', 'wx-placeholder');
    holder.appendChild(placeholder);
    const window = { ...this.deps.windowOf(route) };
    const instance = root.get() as unknown as Record<string, unknown>;
    const channel = opener ?? EventChannel.pair()[1];
    Object.defineProperty(instance, 'route', { value: route, configurable: true, enumerable: true });
    Object.defineProperty(instance, '__route__', { value: route, configurable: true });
    Object.defineProperty(instance, 'options', { value: { ...query }, configurable: true, enumerable: true });
    Object.defineProperty(instance, 'getOpenerEventChannel', { value: () => channel, configurable: true });
    root.attach(holder, placeholder);
    const isTab = this.deps.isTab(route);
    const tabBar = isTab && this.deps.customTabBar ? this.attachCustomTabBar(holder, this.deps.customTabBar) : undefined;
    // WeChat: "每个 tab 页下的自定义 tabBar 组件实例是不同的", reached through the page's getTabBar()
    Object.defineProperty(instance, 'getTabBar', { value: () => tabBar?.get(), configurable: true });
    backend.queue.push([Op.pageCreate, pageId, holder.id, route, window]);
    // WeChat's static initial rendering cache records the page's `data` on its WXML, before onLoad's setData
    if (window.initialRenderingCache === 'static') backend.queue.push([Op.initialRender, pageId, holder.id, route, window]);
    Object.defineProperty(instance, 'setInitialRenderingCache', { value: warnDynamicCacheUnsupported, configurable: true });
    return { pageId, route, query, root, instance, window, isTab, shown: false, ...(tabBar ? { tabBar } : {}) };
  }

  /** the page's own custom tab bar, after its content in the page holder (the view keeps it at the bottom) */
  private attachCustomTabBar(holder: ReturnType<RecordingBackend['createElement']>, path: string): Root {
    const { backend, associated, codeSpace } = this.deps;
    const slot = backend.createElement(CUSTOM_TAB_BAR_SLOT, CUSTOM_TAB_BAR_SLOT);
    const placeholder = backend.createElement('wx-placeholder', 'wx-placeholder');
    slot.appendChild(placeholder);
    holder.appendChild(slot);
    const root = associated.createRoot('custom-tab-bar', codeSpace, path);
    root.attach(slot, placeholder);
    return root;
  }

  /** onLoad(query); the page is already in getCurrentPages(), as in WeChat */
  load(page: PageRecord): void {
    this.call(page, 'onLoad', [{ ...page.query }]);
  }

  /** the page becomes the visible top: view switch, onShow, components' pageLifetimes.show */
  show(page: PageRecord, canGoBack: boolean): void {
    page.window.canGoBack = canGoBack;
    this.deps.backend.queue.push([Op.pageWindow, page.pageId, page.window]);
    this.deps.backend.queue.push([Op.pageShow, page.pageId]);
    if (page.shown) return;
    page.shown = true;
    this.call(page, 'onShow', []);
    page.root.getComponent().triggerPageLifetime('show', []);
    page.tabBar?.getComponent().triggerPageLifetime('show', []);
  }

  /** onReady once the view has drawn the page's first render */
  readyAfterFirstRender(page: PageRecord): void {
    this.deps.backend.queue.afterCommit(() => this.call(page, 'onReady', []));
  }

  hide(page: PageRecord): void {
    if (!page.shown) return;
    page.shown = false;
    this.call(page, 'onHide', []);
    page.root.getComponent().triggerPageLifetime('hide', []);
    page.tabBar?.getComponent().triggerPageLifetime('hide', []);
  }

  unload(page: PageRecord): void {
    this.call(page, 'onUnload', []);
    page.root.release();
    page.tabBar?.release();
    this.deps.backend.queue.push([Op.pageDestroy, page.pageId]);
  }

  /** a page method by name (Page() functions and Component() methods alike), errors to the app's onError */
  call(page: PageRecord, name: string, args: unknown[]): unknown {
    const fn = page.instance[name];
    if (typeof fn !== 'function') return undefined;
    return glassEasel.safeCallback(`Page ${name}`, fn as (...a: unknown[]) => unknown, page.instance, args, page.root.getComponent());
  }
}
