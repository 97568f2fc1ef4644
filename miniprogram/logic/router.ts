import { EventChannel } from './event-channel';
import type { PageLifecycle, PageRecord } from './pages';
import { parseRouteUrl } from './route-url';
import { RuntimeApiError, type RuntimeApis } from './runtime-apis';
import { typeName } from '../../client/wx/type-name';

/** WeChat's page stack limit */
export const MAX_PAGE_STACK = 10;

/**
 * The page stack and WeChat's routing APIs over it. Lifecycle order, as WeChat documents it:
 * navigateTo: old onHide, new onLoad -> onShow -> onReady; navigateBack: onUnload of the closed pages,
 * then onShow of the page below; redirectTo: onUnload, then the new page; switchTab: every non-tab page
 * unloaded, the current tab page hidden, the target loaded or shown; reLaunch: every page unloaded.
 */
export class Router {
  readonly stack: PageRecord[] = [];
  /** tab pages that were opened and are kept alive while another tab is shown */
  private readonly hiddenTabs = new Map<string, PageRecord>();
  /** told after every change of the stack (the inspector's page stack) */
  onChange: (() => void) | undefined;

  constructor(
    private readonly lifecycle: PageLifecycle,
    private readonly pages: ReadonlySet<string>,
    private readonly tabRoutes: ReadonlySet<string>,
  ) {}

  lifecycleOf(): PageLifecycle {
    return this.lifecycle;
  }

  top(): PageRecord | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** the app's first page */
  launch(route: string, query: Record<string, string>): PageRecord {
    return this.open(route, query);
  }

  register(apis: RuntimeApis): void {
    apis.register('navigateTo', (p) => this.navigateTo(p));
    apis.register('redirectTo', (p) => this.redirectTo(p));
    apis.register('navigateBack', (p) => this.navigateBack(p));
    apis.register('switchTab', (p) => this.switchTab(p));
    apis.register('reLaunch', (p) => this.reLaunch(p));
  }

  navigateTo(params: Record<string, unknown>): Record<string, unknown> {
    const { route, query } = this.target(params);
    if (this.tabRoutes.has(route)) throw new RuntimeApiError('can not navigateTo a tabbar page');
    if (this.stack.length >= MAX_PAGE_STACK) throw new RuntimeApiError('webview count limit exceed');
    const [openerSide, openedSide] = EventChannel.pair();
    const events = params['events'];
    if (events && typeof events === 'object') {
      for (const [name, fn] of Object.entries(events as Record<string, unknown>)) if (typeof fn === 'function') openerSide.on(name, fn as () => void);
    }
    const below = this.top();
    if (below) this.lifecycle.hide(below);
    this.open(route, query, openedSide);
    return { eventChannel: openerSide };
  }

  redirectTo(params: Record<string, unknown>): void {
    const { route, query } = this.target(params);
    if (this.tabRoutes.has(route)) throw new RuntimeApiError('can not redirectTo a tabbar page');
    const current = this.stack.pop();
    if (current) this.close(current);
    this.open(route, query);
  }

  navigateBack(params: Record<string, unknown>): void {
    if (this.stack.length <= 1) throw new RuntimeApiError('cannot navigate back at first page.');
    const delta = typeof params['delta'] === 'number' && params['delta'] >= 1 ? Math.floor(params['delta']) : 1;
    const closing = Math.min(delta, this.stack.length - 1);
    for (let i = 0; i < closing; i++) this.close(this.stack.pop()!);
    this.lifecycle.show(this.top()!, this.stack.length > 1);
  }

  switchTab(params: Record<string, unknown>): void {
    const { route } = this.target(params);
    if (!this.tabRoutes.has(route)) throw new RuntimeApiError('can not switch to no-tabBar page');
    // every page above the bottom closes, from the top down; a tab page at the bottom stays alive
    while (this.stack.length > 1) this.close(this.stack.pop()!);
    const bottom = this.stack.pop();
    if (bottom && bottom.route === route) {
      this.stack.push(bottom);
      this.lifecycle.show(bottom, false);
      this.onChange?.();
      return;
    }
    if (bottom) {
      if (bottom.isTab) {
        this.lifecycle.hide(bottom);
        this.hiddenTabs.set(bottom.route, bottom);
        this.onChange?.();
      } else this.close(bottom);
    }
    const kept = this.hiddenTabs.get(route);
    if (kept) {
      this.hiddenTabs.delete(route);
      this.stack.push(kept);
      this.lifecycle.show(kept, false);
      this.onChange?.();
    } else this.open(route, {});
  }

  reLaunch(params: Record<string, unknown>): void {
    const { route, query } = this.target(params);
    while (this.stack.length) this.close(this.stack.pop()!);
    for (const page of this.hiddenTabs.values()) this.lifecycle.unload(page);
    this.hiddenTabs.clear();
    this.open(route, query);
  }

  /** every page alive (the stack and hidden tab pages), for app-wide events such as resize */
  all(): PageRecord[] {
    return [...this.stack, ...this.hiddenTabs.values()];
  }

  private target(params: Record<string, unknown>): { route: string; query: Record<string, string> } {
    const url = params['url'];
    if (typeof url !== 'string') throw new RuntimeApiError(`parameter error: parameter.url should be String instead of ${typeName(url)};`);
    const parsed = parseRouteUrl(url, this.top()?.route ?? '');
    if (!this.pages.has(parsed.route)) throw new RuntimeApiError(`page "${parsed.route}" is not found`);
    return parsed;
  }

  private open(route: string, query: Record<string, string>, opener?: EventChannel): PageRecord {
    const page = this.lifecycle.create(route, query, opener);
    this.stack.push(page);
    this.lifecycle.load(page);
    this.lifecycle.show(page, this.stack.length > 1);
    this.lifecycle.readyAfterFirstRender(page);
    this.onChange?.();
    return page;
  }

  /** a page leaving the stack gets onUnload only (no onHide), as in WeChat */
  private close(page: PageRecord): void {
    this.lifecycle.unload(page);
    this.onChange?.();
  }
}
