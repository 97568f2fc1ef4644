import type { AppChrome, PageWindow } from '../protocol';
import { pageWindow, tabBarConfig } from '../logic/page-window';

/**
 * WeChat's initial rendering cache (page json / app.json window `"initialRenderingCache": "static"`), the part
 * without a DOM: what a recorded page looks like, where it is kept, and what is accepted when it is read back.
 * The view keeps it in its own origin's localStorage (each app has its own origin, so one app can never read
 * another's), keyed by the app's compiled build and the runtime's build, so a saved dev app or an update never
 * shows a page drawn by older code. Storage is writable by the page, so what is read back is checked and
 * stripped again (see sanitizeCachedNode) before the view builds anything from it.
 */

/** One recorded node: a text node, or an element as [tag, attributes, children]. */
export type CachedNode = string | [tag: string, attributes: Record<string, string>, children: CachedNode[]];

export interface CacheEntry {
  build: string;
  route: string;
  /** epoch ms it was recorded: the oldest page is dropped first */
  at: number;
  /** the navigation bar and page colours the page opened with */
  window: PageWindow;
  /** the app's chrome the logic layer sent at start (its tab bar), drawn with the page */
  chrome?: AppChrome;
  /** the page holder and everything in it */
  page: CachedNode;
}

/** The part of the Web Storage API used here, so unit tests can pass a plain object. */
export interface CacheStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** per page, in UTF-16 code units of the stored JSON (what localStorage's quota counts) */
export const MAX_ENTRY_CHARS = 256 * 1024;
/** pages kept per app; the one recorded longest ago goes first */
export const MAX_CACHED_PAGES = 8;
/** deeper recorded trees are refused on read (a real page is far shallower) */
const MAX_DEPTH = 200;

const PREFIX = '__wxInitialRenderingCache:';
const INDEX_KEY = `${PREFIX}index`;
const pageKey = (route: string) => `${PREFIX}page:${route}`;

/** What the store knows about itself: the build its entries belong to, the entry page, when each page was recorded. */
interface CacheIndex {
  build: string;
  /** the page a launch without a page in its URL opened (app.json entryPagePath or the first page) */
  entry?: string;
  pages: Record<string, number>;
}

/**
 * The key part that must match for an entry to be shown: the app's compiled build (its source hash) and the
 * runtime's build. Without the app's build nothing is cached: a stale page could not be told from a fresh one.
 */
export function cacheBuild(appBuild: string | undefined | null, runtimeBuild: string): string | undefined {
  if (!appBuild) return undefined;
  return `${appBuild}|${runtimeBuild}`;
}

/** Tags never built from storage, whoever wrote it: they run code, load documents, submit or take input. */
const BLOCKED_TAGS: ReadonlySet<string> = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'base', 'link', 'meta', 'style',
  'template', 'noscript', 'form', 'input', 'textarea', 'select', 'option', 'svg', 'math', 'video', 'audio', 'source',
  'track', 'canvas', 'slot', 'dialog',
]);
const TAG = /^[a-z][a-z0-9-]*$/;
const ATTRIBUTE = /^[a-z_][a-z0-9_.:-]*$/i;
/** attributes that load or open a URL: kept only when relative or http(s), data:image or blob */
const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['src', 'href', 'srcset', 'poster', 'action', 'formaction', 'xlink:href', 'background', 'ping', 'data']);
const SAFE_URL = /^(?:https?:|data:image\/|blob:|[^:]*$)/i;

/** the string without control characters and spaces (code points up to U+0020) */
function withoutControls(value: string): string {
  let out = '';
  for (const char of value) if (char.charCodeAt(0) > 0x20) out += char;
  return out;
}

/** what may be set on an element built from storage; undefined: leave the attribute out */
export function safeAttribute(name: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || !ATTRIBUTE.test(name) || /^on/i.test(name)) return undefined;
  // browsers ignore control characters and spaces inside a scheme ("java\tscript:"); so does this check
  if (URL_ATTRIBUTES.has(name.toLowerCase()) && !SAFE_URL.test(withoutControls(value))) return undefined;
  return value;
}

/**
 * A recorded node as read back from storage, reduced to what the view may build: allowed tags only (a
 * blocked one goes with everything inside it), no on* attributes, no script URLs; anything malformed is left out.
 */
export function sanitizeCachedNode(node: unknown, depth = 0): CachedNode | undefined {
  if (typeof node === 'string') return node;
  if (!Array.isArray(node) || node.length !== 3 || depth > MAX_DEPTH) return undefined;
  const [tag, attributes, children] = node as [unknown, unknown, unknown];
  if (typeof tag !== 'string' || !TAG.test(tag) || BLOCKED_TAGS.has(tag)) return undefined;
  const cleanAttributes: Record<string, string> = {};
  if (attributes && typeof attributes === 'object' && !Array.isArray(attributes)) {
    for (const [name, value] of Object.entries(attributes)) {
      const safe = safeAttribute(name, value);
      if (safe !== undefined) cleanAttributes[name] = safe;
    }
  }
  const cleanChildren: CachedNode[] = [];
  if (Array.isArray(children)) {
    for (const child of children) {
      const clean = sanitizeCachedNode(child, depth + 1);
      if (clean !== undefined) cleanChildren.push(clean);
    }
  }
  return [tag, cleanAttributes, cleanChildren];
}

function parse(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** the navigation bar fields read back, through the same defaults and type checks as app.json's window */
function storedWindow(raw: unknown): PageWindow | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { navigationBarTitleText, navigationBarBackgroundColor, navigationBarTextStyle, navigationStyle, backgroundColor } = pageWindow(undefined, raw as Record<string, unknown>);
  // the cached page cannot be refreshed or scrolled to the bottom for the logic: it does not hear events yet
  return { navigationBarTitleText, navigationBarBackgroundColor, navigationBarTextStyle, navigationStyle, backgroundColor, enablePullDownRefresh: false, onReachBottomDistance: 50 };
}

/**
 * The cache of one app's view. Every storage access may throw (storage disabled, quota full): the store then
 * behaves as empty and a launch goes on as without a cache.
 */
export class RenderingCacheStore {
  constructor(
    private readonly storage: CacheStorage | undefined,
    /** cacheBuild(); undefined: nothing is read or written */
    private readonly build: string | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** false without storage or without the app's build: nothing will ever be read or written */
  get usable(): boolean {
    return this.storage !== undefined && this.build !== undefined;
  }

  /** the page a launch that named none opens, as recorded by an earlier launch of this build */
  entryRoute(): string | undefined {
    if (!this.storage || !this.build) return undefined;
    try {
      return this.index()?.entry;
    } catch {
      return undefined;
    }
  }

  /** the recorded page for `route`, checked and sanitised, or undefined */
  read(route: string): CacheEntry | undefined {
    if (!this.storage || !this.build) return undefined;
    try {
      if (this.index()?.pages[route] === undefined) return undefined;
      const raw = parse(this.storage.getItem(pageKey(route))) as Partial<CacheEntry> | undefined;
      if (!raw || raw.build !== this.build || raw.route !== route) return undefined;
      const window = storedWindow(raw.window);
      const page = sanitizeCachedNode(raw.page);
      if (!window || !page || typeof page === 'string') return undefined;
      // the tab bar read back goes through the same defaults and type checks as app.json's
      const tabBar = raw.chrome && typeof raw.chrome === 'object' ? tabBarConfig(raw.chrome.tabBar as unknown as Record<string, unknown> | undefined) : undefined;
      return { build: this.build, route, at: typeof raw.at === 'number' ? raw.at : 0, window, page, ...(tabBar && !tabBar.custom ? { chrome: { tabBar } } : {}) };
    } catch {
      return undefined;
    }
  }

  /** records a page (and, for a launch that named no page, that it is the entry page); false when not kept */
  write(route: string, window: PageWindow, page: CachedNode, asEntry: boolean, chrome?: AppChrome): boolean {
    if (!this.storage || !this.build) return false;
    const entry: CacheEntry = { build: this.build, route, at: this.now(), window, page, ...(chrome ? { chrome } : {}) };
    const text = JSON.stringify(entry);
    try {
      const index = this.index() ?? this.fresh();
      if (text.length > MAX_ENTRY_CHARS) {
        // a page grown too big keeps no older, smaller recording either: it would show a page that no longer is
        this.drop(index, route);
        this.saveIndex(index);
        return false;
      }
      index.pages[route] = entry.at;
      if (asEntry) index.entry = route;
      const routes = Object.keys(index.pages).sort((a, b) => index.pages[a]! - index.pages[b]!);
      for (const old of routes.slice(0, Math.max(0, routes.length - MAX_CACHED_PAGES))) this.drop(index, old);
      this.storage.setItem(pageKey(route), text);
      this.saveIndex(index);
      return true;
    } catch {
      return false;
    }
  }

  /** the index of this build; one of another build (or unreadable) is cleared with every page it lists */
  private index(): CacheIndex | undefined {
    const raw = parse(this.storage!.getItem(INDEX_KEY)) as Partial<CacheIndex> | undefined;
    const pages = raw?.pages && typeof raw.pages === 'object' ? raw.pages : {};
    if (raw && typeof raw.build === 'string' && raw.build === this.build) return { build: raw.build, pages: { ...pages }, ...(typeof raw.entry === 'string' ? { entry: raw.entry } : {}) };
    if (raw) {
      for (const route of Object.keys(pages)) this.storage!.removeItem(pageKey(route));
      this.storage!.removeItem(INDEX_KEY);
    }
    return undefined;
  }

  private fresh(): CacheIndex {
    return { build: this.build!, pages: {} };
  }

  private drop(index: CacheIndex, route: string): void {
    delete index.pages[route];
    if (index.entry === route) delete index.entry;
    this.storage!.removeItem(pageKey(route));
  }

  private saveIndex(index: CacheIndex): void {
    this.storage!.setItem(INDEX_KEY, JSON.stringify(index));
  }
}
