import type { NavBarField, PageWindow } from '../../protocol';

/** How a colour change of the bar is animated (<navigation-bar> color-animation-duration / -timing-func). */
export interface ColorAnimation {
  /** ms; 0 is no animation */
  duration: number;
  /** a CSS timing function */
  easing: string;
}

/** One value a <navigation-bar> attribute gives a window field, and when (a stamp from `nextStamp`) it was set. */
export interface StampedValue<T = unknown> {
  value: T;
  stamp: number;
}

/** What a page's <navigation-bar> says: the fields its attributes set, and how colour changes animate. */
export interface NavBarAttributes {
  fields: Partial<Record<NavBarField, StampedValue>>;
  animation: ColorAnimation;
}

/** The DOM event a <navigation-bar> sends up to its page frame with its NavBarAttributes as `detail`. */
export const NAV_BAR_ATTRIBUTES_EVENT = 'wx-navigation-bar-attributes';

export const NO_ANIMATION: ColorAnimation = { duration: 0, easing: 'linear' };

/** WeChat's timing function names (color-animation-timing-func, setNavigationBarColor's timingFunc) as CSS ones */
const EASINGS: Record<string, string> = { linear: 'linear', easeIn: 'ease-in', easeOut: 'ease-out', easeInOut: 'ease-in-out' };

/** a duration in ms (0 or less, or not a number: no animation) and a WeChat timing function name (default linear) */
export function colorAnimationOf(duration: number, timingFunc: unknown): ColorAnimation {
  return { duration: Number.isFinite(duration) ? Math.max(0, duration) : 0, easing: (typeof timingFunc === 'string' && EASINGS[timingFunc]) || 'linear' };
}

let clock = 0;

/**
 * The view's order of changes to navigation bars. A <navigation-bar> stamps an attribute when the render batch
 * sets it (it may reach its page later), a page frame stamps the fields of a wx API call when that batch arrives:
 * both come in the logic layer's order, so the higher stamp is the later change.
 */
export function nextStamp(): number {
  return ++clock;
}

/**
 * The two sources of a page's navigation bar: the window the logic layer sends (app.json / page json, changed by
 * setNavigationBarTitle & co.) and the page's <navigation-bar>. For each field the later change shows (WeChat's
 * node works by making those same API calls); a field no attribute sets stays the window's.
 */
export class NavBarLayers {
  private window: PageWindow;
  private readonly apiStamps = new Map<NavBarField, number>();
  private attributes: NavBarAttributes = { fields: {}, animation: NO_ANIMATION };

  constructor(window: PageWindow) {
    this.window = window;
  }

  /** a window from the logic layer; `set` are the fields a wx API call has just set */
  setWindow(window: PageWindow, set: readonly NavBarField[] = []): void {
    this.window = window;
    if (set.length === 0) return;
    const stamp = nextStamp();
    for (const field of set) this.apiStamps.set(field, stamp);
  }

  setAttributes(attributes: NavBarAttributes): void {
    this.attributes = attributes;
  }

  get animation(): ColorAnimation {
    return this.attributes.animation;
  }

  /** what the bar shows */
  get merged(): PageWindow {
    const merged: PageWindow = { ...this.window };
    for (const [field, stamped] of Object.entries(this.attributes.fields) as Array<[NavBarField, StampedValue]>) {
      if (stamped.stamp > (this.apiStamps.get(field) ?? 0)) Object.assign(merged, { [field]: stamped.value });
    }
    return merged;
  }
}
