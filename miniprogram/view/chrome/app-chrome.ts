import type { AppChrome, NavBarColorAnimation, NavBarField, PageWindow, TabTap } from '../../protocol';
import type { PageHost } from '../dom-applier';
import { NavBar } from './nav-bar';
import { colorAnimationOf, NAV_BAR_ATTRIBUTES_EVENT, NO_ANIMATION, type NavBarAttributes } from './nav-bar-layers';
import { PageFrame, type PageFrameEvents } from './page-frame';
import { TabBar } from './tab-bar';

export interface ChromeActions {
  back(): void;
  /** the user chose a tab on the tab bar */
  switchTab(pagePath: string, tab: TabTap): void;
  frameEvents(pageId: number): PageFrameEvents;
  resolveUrl(path: string): string;
  /** the view's width changed (rpx, resize events) */
  resized(width: number, height: number): void;
}

/**
 * The runtime's window: navigation bar, the page stack (one frame per page, only the top one shown) and
 * the tab bar. Sets `--wx-rpx` from the page area's width: 750rpx is always the full view width.
 */
export class AppChromeView implements PageHost {
  readonly element = document.createElement('div');
  private readonly navBar: NavBar;
  private readonly pagesArea = document.createElement('main');
  private tabBar: TabBar | undefined;
  private readonly frames = new Map<number, PageFrame>();
  private visible: number | undefined;
  private lastWidth = 0;

  constructor(private readonly actions: ChromeActions) {
    this.element.className = 'wx-app';
    this.navBar = new NavBar(() => actions.back());
    this.pagesArea.className = 'wx-pages';
    this.element.append(this.navBar.element, this.pagesArea);
    new ResizeObserver(() => this.measure()).observe(this.pagesArea);
    this.pagesArea.addEventListener(NAV_BAR_ATTRIBUTES_EVENT, (ev) => this.navBarAttributes(ev as CustomEvent<NavBarAttributes>));
    document.addEventListener('keydown', (ev) => {
      // Alt+Left goes back, as in a desktop browser or file manager
      if (ev.altKey && ev.key === 'ArrowLeft' && this.currentWindow()?.canGoBack) {
        ev.preventDefault();
        actions.back();
      }
    });
  }

  setChrome(chrome: AppChrome): void {
    if (!chrome.tabBar) return;
    this.tabBar = new TabBar(chrome.tabBar, (path, tab) => this.actions.switchTab(path, tab), this.actions.resolveUrl);
    this.tabBar.element.hidden = true;
    if (chrome.tabBar.position === 'top') this.navBar.element.after(this.tabBar.element);
    else this.element.append(this.tabBar.element);
  }

  /** rpx follows the width pages are laid out in (scrollbar excluded) */
  measure(): void {
    const frame = this.visible === undefined ? undefined : this.frames.get(this.visible);
    const width = frame && !frame.element.hidden ? frame.element.clientWidth : this.pagesArea.clientWidth;
    if (!width || width === this.lastWidth) return;
    const first = this.lastWidth === 0;
    this.lastWidth = width;
    document.documentElement.style.setProperty('--wx-rpx', `${width / 750}px`);
    // the first measurement is the launch size, not a resize (WeChat calls no onResize at launch)
    if (!first) this.actions.resized(width, this.pagesArea.clientHeight);
  }

  create(pageId: number, holder: HTMLElement, route: string, window: PageWindow): void {
    const frame = new PageFrame(route, holder, window, this.actions.frameEvents(pageId));
    this.frames.set(pageId, frame);
    this.pagesArea.append(frame.element);
  }

  show(pageId: number): void {
    const frame = this.frames.get(pageId);
    if (!frame) return;
    for (const [id, f] of this.frames) f.element.hidden = id !== pageId;
    this.visible = pageId;
    this.navBar.render(frame.pageWindow);
    this.tabBar?.select(frame.route);
    this.measure();
  }

  destroy(pageId: number): void {
    this.frames.get(pageId)?.element.remove();
    this.frames.delete(pageId);
    if (this.visible === pageId) this.visible = undefined;
  }

  /** `animation`: setNavigationBarColor's, for the colour change it makes */
  setWindow(pageId: number, window: PageWindow, set?: readonly NavBarField[], animation?: NavBarColorAnimation): void {
    const frame = this.frames.get(pageId);
    if (!frame) return;
    frame.setWindow(window, set);
    if (this.visible === pageId) this.navBar.render(frame.pageWindow, animation ? colorAnimationOf(Number(animation.duration), animation.timingFunc) : NO_ANIMATION);
  }

  /** a page's <navigation-bar> changed: its colour changes animate as its attributes say */
  private navBarAttributes(ev: CustomEvent<NavBarAttributes>): void {
    ev.stopPropagation();
    const holder = (ev.target as Element).closest('.wx-page-frame');
    for (const [id, frame] of this.frames) {
      if (frame.element !== holder) continue;
      frame.setNavBarAttributes(ev.detail);
      if (this.visible === id) this.navBar.render(frame.pageWindow, frame.navBarAnimation);
    }
  }

  stopPullDownRefresh(pageId: number): void {
    this.frames.get(pageId)?.stopRefresh();
  }

  scrollTo(pageId: number, scrollTop: number, duration: number, target?: { node: Node | undefined; offsetTop: number }): void {
    const frame = this.frames.get(pageId);
    if (!frame) return;
    if (!target) return frame.scrollTo(scrollTop, duration);
    if (target.node instanceof Element) frame.scrollTo(frame.offsetOf(target.node) + target.offsetTop, duration);
  }

  /** the tab bar, for the tab bar APIs (undefined when app.json has none) */
  tabBarControl(): TabBar | undefined {
    return this.tabBar;
  }

  routeOf(pageId: number): string | undefined {
    return this.frames.get(pageId)?.route;
  }

  private currentWindow(): PageWindow | undefined {
    return this.visible === undefined ? undefined : this.frames.get(this.visible)?.pageWindow;
  }
}
