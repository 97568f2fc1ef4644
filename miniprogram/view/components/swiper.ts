import { numberAttr, stringAttr } from './attr-values';
import { defineBuiltin, truthy } from './registry';

type Source = 'autoplay' | 'touch' | '';

/** WeChat's defaults */
const DEFAULT_INTERVAL = 5000;
const DEFAULT_DURATION = 500;
/** a drag further than this share of the swiper moves to the next item */
const DRAG_SHARE = 0.2;
/** one wheel gesture moves one item */
const WHEEL_LOCK_MS = 450;

/** <swiper-item>: one page of a swiper; `item-id` is reported as currentItemId. */
defineBuiltin({
  tag: 'swiper-item',
  create: () => {
    const element = document.createElement('wx-swiper-item');
    return {
      element,
      set(attr, value) {
        if (attr !== 'item-id') return false;
        element.dataset['itemId'] = stringAttr(value);
        return true;
      },
    };
  },
});

/**
 * <swiper>: items side by side (or stacked with `vertical`), one shown; moves by mouse drag, wheel, the
 * arrow keys (it is focusable), autoplay every `interval` ms, or the page setting `current`; each move
 * sends change {current, currentItemId, source} ("touch" for the user, "autoplay", "" for `current`) and,
 * when the `duration` ms transition ends, animationfinish with the same detail. circular wraps around;
 * indicator-dots with indicator-color / indicator-active-color.
 */
defineBuiltin({
  tag: 'swiper',
  create: (ctx) => {
    const element = document.createElement('wx-swiper');
    element.tabIndex = 0;
    element.setAttribute('role', 'region');
    element.setAttribute('aria-roledescription', 'carousel');
    const track = document.createElement('div');
    track.className = 'wx-swiper-track';
    const dots = document.createElement('div');
    dots.className = 'wx-swiper-dots';
    dots.setAttribute('aria-hidden', 'true');
    dots.hidden = true;
    element.append(track, dots);
    let current = 0;
    let vertical = false;
    let circular = false;
    let autoplay = false;
    let interval = DEFAULT_INTERVAL;
    let duration = DEFAULT_DURATION;
    let timer: ReturnType<typeof setInterval> | undefined;
    let wheelLocked = false;
    let lastSource: Source = '';

    const items = () => [...track.children].filter((c) => c.localName === 'wx-swiper-item') as HTMLElement[];
    const detail = (source: Source) => ({ current, currentItemId: items()[current]?.dataset['itemId'] ?? '', source });
    const place = (offsetPx = 0, animate = true) => {
      track.style.transitionDuration = animate ? `${duration}ms` : '0ms';
      track.style.transform = vertical ? `translateY(calc(${-current * 100}% + ${offsetPx}px))` : `translateX(calc(${-current * 100}% + ${offsetPx}px))`;
      const count = items().length;
      if (dots.childElementCount !== count) dots.replaceChildren(...Array.from({ length: count }, () => document.createElement('span')));
      [...dots.children].forEach((dot, i) => dot.classList.toggle('wx-swiper-dot-active', i === current));
      items().forEach((item, i) => item.setAttribute('aria-hidden', String(i !== current)));
    };
    const goTo = (index: number, source: Source) => {
      const count = items().length;
      if (count === 0) return;
      const next = circular ? ((index % count) + count) % count : Math.min(count - 1, Math.max(0, index));
      if (next === current) {
        place();
        return;
      }
      current = next;
      lastSource = source;
      place();
      ctx.emit('change', detail(source));
    };
    track.addEventListener('transitionend', (ev) => {
      if (ev.target === track && ev.propertyName === 'transform') ctx.emit('animationfinish', detail(lastSource));
    });
    const restartAutoplay = () => {
      clearInterval(timer);
      timer = undefined;
      if (!autoplay) return;
      timer = setInterval(() => {
        if (!element.isConnected) return;
        const count = items().length;
        goTo(!circular && current >= count - 1 ? 0 : current + 1, 'autoplay');
      }, Math.max(100, interval));
    };

    element.addEventListener('keydown', (ev) => {
      const back = vertical ? 'ArrowUp' : 'ArrowLeft';
      const forward = vertical ? 'ArrowDown' : 'ArrowRight';
      if (ev.key !== back && ev.key !== forward) return;
      ev.preventDefault();
      goTo(current + (ev.key === forward ? 1 : -1), 'touch');
      restartAutoplay();
    });
    element.addEventListener(
      'wheel',
      (ev) => {
        const delta = vertical ? ev.deltaY : Math.abs(ev.deltaX) > Math.abs(ev.deltaY) ? ev.deltaX : ev.deltaY;
        if (Math.abs(delta) < 4) return;
        ev.preventDefault();
        if (wheelLocked) return;
        wheelLocked = true;
        setTimeout(() => (wheelLocked = false), WHEEL_LOCK_MS);
        goTo(current + (delta > 0 ? 1 : -1), 'touch');
        restartAutoplay();
      },
      { passive: false },
    );
    element.addEventListener('pointerdown', (ev) => {
      if (ev.button !== 0) return;
      const start = vertical ? ev.clientY : ev.clientX;
      const size = vertical ? element.clientHeight : element.clientWidth;
      let moved = 0;
      const onMove = (e: PointerEvent) => {
        moved = (vertical ? e.clientY : e.clientX) - start;
        if (Math.abs(moved) > 3 && !element.hasPointerCapture(e.pointerId)) element.setPointerCapture(e.pointerId);
        place(moved, false);
      };
      const onUp = () => {
        element.removeEventListener('pointermove', onMove);
        element.removeEventListener('pointerup', onUp);
        element.removeEventListener('pointercancel', onUp);
        if (Math.abs(moved) > size * DRAG_SHARE) goTo(current + (moved < 0 ? 1 : -1), 'touch');
        else place();
        restartAutoplay();
      };
      element.addEventListener('pointermove', onMove);
      element.addEventListener('pointerup', onUp);
      element.addEventListener('pointercancel', onUp);
    });
    // items arrive after the swiper itself; draw once the batch that created them is in
    requestAnimationFrame(() => place(0, false));
    return {
      element,
      children: track,
      set(attr, value) {
        switch (attr) {
          case 'current': {
            const wanted = numberAttr(value, 0);
            requestAnimationFrame(() => goTo(wanted, ''));
            return true;
          }
          case 'vertical':
            vertical = truthy(value);
            element.toggleAttribute('data-vertical', vertical);
            place(0, false);
            return true;
          case 'circular':
            circular = truthy(value);
            return true;
          case 'autoplay':
            autoplay = truthy(value);
            restartAutoplay();
            return true;
          case 'interval':
            interval = numberAttr(value, DEFAULT_INTERVAL);
            restartAutoplay();
            return true;
          case 'duration':
            duration = numberAttr(value, DEFAULT_DURATION);
            return true;
          case 'indicator-dots':
            dots.hidden = !truthy(value);
            return true;
          case 'indicator-color':
            element.style.setProperty('--wx-swiper-dot', stringAttr(value));
            return true;
          case 'indicator-active-color':
            element.style.setProperty('--wx-swiper-dot-active', stringAttr(value));
            return true;
          default:
            return ['previous-margin', 'next-margin', 'snap-to-edge', 'display-multiple-items', 'easing-function', 'skip-hidden-item-layout'].includes(attr);
        }
      },
    };
  },
});
