import { numberAttr, stringAttr } from './attr-values';
import { trackDrag } from './pointer-drag';
import { truthy, type BuiltinContext } from './registry';

/** WeChat's default refresher-threshold, in px */
const DEFAULT_THRESHOLD = 45;
/** a wheel notch (100 px in Chromium) pulls less than a drag of the same length, so one stray notch at the top does not refresh */
const WHEEL_PULL_SHARE = 0.4;
/** the wheel has no "release": a pause this long ends a wheel pull */
const WHEEL_PAUSE_MS = 220;
/** how long the refresher takes to fold back (components.css has the same transition) */
const FOLD_MS = 250;

type State = 'idle' | 'pulling' | 'refreshing' | 'folding';

/**
 * scroll-view's custom pull-to-refresh (`refresher-*`), for a desktop: at the top of the scroll-view, a mouse
 * drag downwards or the wheel/trackpad turned further up pulls the refresher open, sending refresherpulling
 * {dy} as it goes; let go (or pause the wheel) past `refresher-threshold` and it holds open and sends
 * refresherrefresh, short of it and it folds back with refresherabort. F5 on the focused scroll-view
 * refreshes too. `refresher-triggered` is the page's side: true opens it (and sends refresherrefresh, as
 * WeChat's does), false folds it back, then refresherrestore. Returns the attribute handler.
 */
export function attachRefresher(element: HTMLElement, ctx: BuiltinContext): (attr: string, value: unknown) => boolean {
  const area = document.createElement('div');
  area.className = 'wx-refresher';
  area.setAttribute('aria-hidden', 'true');
  area.dataset['style'] = 'black';
  area.append(...Array.from({ length: 3 }, () => document.createElement('span')));
  let enabled = false;
  let threshold = DEFAULT_THRESHOLD;
  let state: State = 'idle';
  let pulled = 0;
  let wheelTimer: ReturnType<typeof setTimeout> | undefined;
  let pullFrame = 0;

  const atTop = () => element.scrollTop <= 0;
  const show = (height: number, animate: boolean) => {
    area.style.transitionDuration = animate ? `${FOLD_MS}ms` : '0ms';
    area.style.height = `${Math.max(0, height)}px`;
    area.style.setProperty('--wx-refresher-progress', String(Math.min(1, height / Math.max(1, threshold))));
  };
  const pull = (dy: number) => {
    state = 'pulling';
    pulled = Math.max(0, dy);
    show(pulled, false);
    // one report per frame, with the latest distance
    if (pullFrame) return;
    pullFrame = requestAnimationFrame(() => {
      pullFrame = 0;
      if (state === 'pulling') ctx.emit('refresherpulling', { dy: pulled });
    });
  };
  const refresh = () => {
    state = 'refreshing';
    area.classList.add('wx-refreshing');
    show(threshold, true);
    ctx.emit('refresherrefresh', {});
  };
  const fold = (then: 'refresherabort' | 'refresherrestore') => {
    state = 'folding';
    area.classList.remove('wx-refreshing');
    show(0, true);
    setTimeout(() => {
      if (state !== 'folding') return;
      state = 'idle';
      pulled = 0;
      ctx.emit(then, {});
    }, FOLD_MS);
  };
  const release = () => {
    if (state !== 'pulling') return;
    if (pulled >= threshold) refresh();
    else fold('refresherabort');
  };
  const canPull = () => enabled && (state === 'idle' || state === 'pulling') && atTop();

  element.addEventListener('pointerdown', (down) => {
    if (down.button !== 0 || !canPull()) return;
    trackDrag(element, down, {
      move: (move) => {
        const dy = move.clientY - down.clientY;
        if (state === 'pulling' || dy > 3) pull(dy);
      },
      end: release,
    });
  });
  element.addEventListener(
    'wheel',
    (ev) => {
      if (!canPull() || (state === 'idle' && ev.deltaY >= 0)) return;
      ev.preventDefault();
      pull(pulled - ev.deltaY * WHEEL_PULL_SHARE);
      clearTimeout(wheelTimer);
      wheelTimer = setTimeout(release, WHEEL_PAUSE_MS);
    },
    { passive: false },
  );
  element.addEventListener('keydown', (ev) => {
    if (ev.key !== 'F5' || !enabled || state !== 'idle' || ev.target !== element) return;
    ev.preventDefault();
    element.scrollTo({ top: 0 });
    refresh();
  });

  const setEnabled = (on: boolean) => {
    enabled = on;
    if (on && area.parentNode !== element) element.prepend(area);
    if (!on) area.remove();
  };
  return (attr, value) => {
    switch (attr) {
      case 'refresher-enabled':
        setEnabled(truthy(value));
        return true;
      case 'refresher-threshold':
        threshold = numberAttr(value, DEFAULT_THRESHOLD);
        return true;
      case 'refresher-default-style': {
        const style = stringAttr(value, 'black');
        area.dataset['style'] = ['black', 'white', 'none'].includes(style) ? style : 'black';
        return true;
      }
      case 'refresher-background':
        area.style.background = stringAttr(value);
        return true;
      case 'refresher-triggered': {
        const on = truthy(value);
        // after the batch that may also have turned the refresher on
        requestAnimationFrame(() => {
          if (on && enabled && state !== 'refreshing') refresh();
          else if (!on && state === 'refreshing') fold('refresherrestore');
        });
        return true;
      }
      default:
        return false;
    }
  };
}
