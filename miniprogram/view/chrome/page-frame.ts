import type { NavBarField, PageWindow } from '../../protocol';
import { NavBarLayers, type ColorAnimation, type NavBarAttributes } from './nav-bar-layers';

/** How far (px) a wheel/drag must pull past the top before a refresh starts */
const PULL_THRESHOLD = 64;

export interface PageFrameEvents {
  scroll(scrollTop: number): void;
  reachBottom(): void;
  pullDownRefresh(): void;
}

/**
 * One page of the stack: its own scrolling box (so each page keeps its scroll position, as in WeChat),
 * page scroll and reach-bottom reports, and pull-down refresh with the wheel or a drag at the top.
 */
export class PageFrame {
  readonly element = document.createElement('section');
  private readonly indicator = document.createElement('div');
  private window: PageWindow;
  /** the logic's window and the page's <navigation-bar>: what this page's navigation bar shows */
  private readonly navBar: NavBarLayers;
  private atBottom = false;
  private scrollQueued = false;
  private pulled = 0;
  private refreshing = false;
  private dragStart: number | undefined;

  constructor(
    readonly route: string,
    holder: HTMLElement,
    window: PageWindow,
    private readonly events: PageFrameEvents,
  ) {
    this.window = window;
    this.navBar = new NavBarLayers(window);
    this.element.className = 'wx-page-frame';
    this.element.hidden = true;
    this.indicator.className = 'wx-refresh';
    this.indicator.setAttribute('aria-hidden', 'true');
    this.indicator.innerHTML = '<span></span><span></span><span></span>';
    this.element.append(this.indicator, holder);
    this.element.addEventListener('scroll', () => this.onScroll(), { passive: true });
    this.element.addEventListener('wheel', (ev) => this.onWheel(ev), { passive: true });
    this.element.addEventListener('pointerdown', (ev) => {
      if (this.element.scrollTop <= 0 && ev.button === 0) this.dragStart = ev.clientY;
    });
    this.element.addEventListener('pointermove', (ev) => {
      if (this.dragStart === undefined || !(ev.buttons & 1)) return;
      this.pull(ev.clientY - this.dragStart);
    });
    const endDrag = () => {
      this.dragStart = undefined;
      if (!this.refreshing) this.pull(0);
    };
    this.element.addEventListener('pointerup', endDrag);
    this.element.addEventListener('pointercancel', endDrag);
    this.setWindow(window);
  }

  /** `set`: the navigation bar fields a wx API call has just set */
  setWindow(window: PageWindow, set?: readonly NavBarField[]): void {
    this.window = window;
    this.navBar.setWindow(window, set);
    this.element.style.backgroundColor = window.backgroundColor;
  }

  /** what the page's <navigation-bar> now says */
  setNavBarAttributes(attributes: NavBarAttributes): void {
    this.navBar.setAttributes(attributes);
  }

  /** the page's window as its navigation bar shows it (with its <navigation-bar>'s attributes) */
  get pageWindow(): PageWindow {
    return this.navBar.merged;
  }

  get navBarAnimation(): ColorAnimation {
    return this.navBar.animation;
  }

  stopRefresh(): void {
    this.refreshing = false;
    this.pulled = 0;
    this.element.classList.remove('wx-refreshing');
    this.indicator.style.height = '0px';
  }

  /** where `node` sits in this page's scrollable content, in px from its top */
  offsetOf(node: Element): number {
    return this.element.scrollTop + node.getBoundingClientRect().top - this.element.getBoundingClientRect().top;
  }

  scrollTo(top: number, duration: number): void {
    this.element.scrollTo({ top, behavior: duration > 0 ? 'smooth' : 'auto' });
  }

  private onScroll(): void {
    if (this.scrollQueued) return;
    this.scrollQueued = true;
    // one report per frame, however fast the wheel turns
    requestAnimationFrame(() => {
      this.scrollQueued = false;
      const { scrollTop, scrollHeight, clientHeight } = this.element;
      this.events.scroll(scrollTop);
      const bottom = scrollHeight - scrollTop - clientHeight <= this.window.onReachBottomDistance;
      if (bottom && !this.atBottom) this.events.reachBottom();
      this.atBottom = bottom;
    });
  }

  private onWheel(ev: WheelEvent): void {
    if (!this.window.enablePullDownRefresh || this.refreshing || this.element.scrollTop > 0) return;
    if (ev.deltaY < 0) this.pull(this.pulled - ev.deltaY);
    else this.pull(0);
  }

  private pull(distance: number): void {
    if (!this.window.enablePullDownRefresh || this.refreshing) return;
    this.pulled = Math.max(0, Math.min(distance, PULL_THRESHOLD * 1.5));
    this.indicator.style.height = `${Math.min(this.pulled, PULL_THRESHOLD)}px`;
    if (this.pulled >= PULL_THRESHOLD) {
      this.refreshing = true;
      this.element.classList.add('wx-refreshing');
      this.indicator.style.height = `${PULL_THRESHOLD}px`;
      this.events.pullDownRefresh();
    }
  }
}
