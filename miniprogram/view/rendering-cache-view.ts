import type { AppChrome, PageWindow } from '../protocol';
import { parseRouteUrl } from '../logic/route-url';
import { LAUNCH_PATH_PARAM } from '../../client/transports/boot-config';
import { builtin } from './components/registry';
import { RUNTIME_VERSION_QUERY } from './runtime-version-query';
import { pageAppBuild } from './page-app-build';
import { cacheBuild, RenderingCacheStore, type CacheStorage, type CachedNode } from './rendering-cache';

/**
 * The page id of the recorded page while it is shown: the logic layer numbers its pages from 1, so this
 * frame is never one of them.
 */
const CACHED_PAGE_ID = -1;

/**
 * Built-ins WeChat draws in its initial rendering cache ("目前支持的内置组件"); every other built-in is
 * recorded as its empty box (its element with class and style, nothing inside), so the layout holds.
 */
const CACHEABLE_BUILTINS: ReadonlySet<string> = new Set(['view', 'text', 'button', 'image', 'scroll-view', 'rich-text']);

/** What the rendering cache needs of the page chrome: a frame of its own for the recorded page, the tab bar. */
export interface CachePageHost {
  create(pageId: number, holder: HTMLElement, route: string, window: PageWindow): void;
  show(pageId: number): void;
  destroy(pageId: number): void;
  setChrome(chrome: AppChrome): void;
  tabBarControl(): { element: HTMLElement } | undefined;
}

/** the view's origin storage, or undefined where reading it throws (storage disabled for the origin) */
function originStorage(): CacheStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** the page the host launched this view on, when its URL names one */
function launchPathRoute(): string | undefined {
  const wanted = new URLSearchParams(location.search).get(LAUNCH_PATH_PARAM);
  return wanted ? parseRouteUrl(wanted.startsWith('/') ? wanted : `/${wanted}`, '').route : undefined;
}

/** a DOM subtree as a CachedNode; comments are left out, an unsupported built-in keeps only its box */
export function snapshot(node: Node): CachedNode | undefined {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  if (node.nodeType !== Node.ELEMENT_NODE) return undefined;
  const element = node as Element;
  const tag = element.localName;
  const attributes: Record<string, string> = {};
  for (const attribute of element.attributes) attributes[attribute.name] = attribute.value;
  const wxml = tag.startsWith('wx-') ? tag.slice(3) : undefined;
  if (wxml && builtin(wxml) && !CACHEABLE_BUILTINS.has(wxml)) return [tag, attributes, []];
  const children: CachedNode[] = [];
  for (const child of element.childNodes) {
    const recorded = snapshot(child);
    if (recorded !== undefined) children.push(recorded);
  }
  return [tag, attributes, children];
}

/** builds DOM from a sanitised CachedNode (never through innerHTML) */
export function buildCached(doc: Document, node: CachedNode): Node {
  if (typeof node === 'string') return doc.createTextNode(node);
  const [tag, attributes, children] = node;
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    try {
      element.setAttribute(name, value);
    } catch {
      // a name the DOM refuses (the sanitiser's pattern is wider than XML's): left out
    }
  }
  for (const child of children) element.append(buildCached(doc, child));
  return element;
}

/**
 * WeChat's initial rendering cache in the view: records a page's initial-data render when the logic layer
 * marks it (Op.initialRender), and on the next launch shows the launch page's recording at once, inert
 * (WeChat: it does not respond to the user until the logic layer is ready), until the real page is shown.
 */
export class RenderingCacheView {
  private readonly store: RenderingCacheStore;
  private readonly launchPath = launchPathRoute();
  private shown = false;
  /** the chrome drawn from the cache: the logic layer's own `ready` then draws none a second time */
  private chromeDrawn = false;
  /** the chrome the logic layer sent at start, recorded with the page */
  private chrome: AppChrome | undefined;

  constructor(
    private readonly pages: CachePageHost,
    doc: Document = document,
  ) {
    this.store = new RenderingCacheStore(originStorage(), cacheBuild(pageAppBuild(doc), RUNTIME_VERSION_QUERY));
  }

  /** shows the launch page's recording when there is one; true if it did */
  showLaunchPage(): boolean {
    const route = this.launchPath ?? this.store.entryRoute();
    const entry = route ? this.store.read(route) : undefined;
    if (!route || !entry) return false;
    let holder: Node;
    try {
      holder = buildCached(document, entry.page);
    } catch {
      return false;
    }
    if (!(holder instanceof HTMLElement)) return false;
    holder.inert = true;
    holder.setAttribute('aria-busy', 'true');
    holder.dataset['wxRenderingCache'] = '';
    if (entry.chrome?.tabBar) {
      this.pages.setChrome(entry.chrome);
      this.chromeDrawn = true;
      // like the page: no taps before the logic layer is ready (a switchTab would run late)
      const bar = this.pages.tabBarControl()?.element;
      if (bar) bar.inert = true;
    }
    this.pages.create(CACHED_PAGE_ID, holder, route, entry.window);
    this.pages.show(CACHED_PAGE_ID);
    this.shown = true;
    return true;
  }

  /**
   * The logic layer is running and sent the app's chrome: drawn unless the cache drew it already (the same
   * build's, so the same); kept to be recorded with the page.
   */
  chromeReady(chrome: AppChrome): void {
    this.chrome = chrome;
    if (!this.chromeDrawn) this.pages.setChrome(chrome);
  }

  /** the real page is on screen (or the launch went elsewhere): the recording goes, in the same task */
  dismiss(): void {
    if (!this.shown) return;
    this.shown = false;
    this.pages.destroy(CACHED_PAGE_ID);
    const bar = this.pages.tabBarControl()?.element;
    if (bar) bar.inert = false;
  }

  /**
   * The logic layer says `holder` shows the page's initial data now (before onLoad's setData). A copy is
   * taken now (the next operations of the same batch change the page); walking and storing it waits until
   * the view is idle, after the page has painted.
   */
  record(pageId: number, holder: HTMLElement, route: string, window: PageWindow): void {
    if (!this.store.usable) return;
    const copy = holder.cloneNode(true);
    // the first page of a launch that named none is the app's entry page: the next such launch shows it
    const asEntry = pageId === 1 && this.launchPath === undefined;
    const chrome = this.chrome;
    const store = () => {
      const page = snapshot(copy);
      if (page !== undefined) this.store.write(route, window, page, asEntry, chrome);
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(store, { timeout: 2000 });
    else setTimeout(store, 200);
  }
}
