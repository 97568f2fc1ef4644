import { lengthAttr, numberAttr, stringAttr } from './attr-values';
import { trackDrag } from './pointer-drag';
import { defineBuiltin, truthy } from './registry';
import { EASINGS, lastIndex, mod, slotOf, type SwiperGeometry } from './swiper-motion';

type Source = 'autoplay' | 'touch' | '';

/** WeChat's defaults */
const DEFAULT_INTERVAL = 5000;
const DEFAULT_DURATION = 500;
/** a drag further than this share of an item moves to the next item */
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
 * <swiper>: items side by side (or stacked with `vertical`), `display-multiple-items` of them in the window
 * between `previous-margin` and `next-margin`; moves by mouse drag, wheel, the arrow keys (it is focusable),
 * autoplay every `interval` ms, or the page setting `current`. Each move sends change {current,
 * currentItemId, source} ("touch" for the user, "autoplay", "" for `current`), transition {dx, dy} on every
 * frame while the items move (only when the page listens), and animationfinish with the change's detail
 * when the `duration` ms `easing-function` animation ends. `circular` really goes round: the item after the
 * last is the first, both ways. indicator-dots with indicator-color / indicator-active-color.
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
    /** the track position in items (fractional while moving; see swiper-motion.ts) */
    let position = 0;
    let vertical = false;
    let circular = false;
    let autoplay = false;
    let interval = DEFAULT_INTERVAL;
    let duration = DEFAULT_DURATION;
    let shown = 1;
    let previousMargin = 0;
    let nextMargin = 0;
    let easing = EASINGS['default']!;
    let timer: ReturnType<typeof setInterval> | undefined;
    let wheelLocked = false;
    let animation = 0;
    /** where the track is going (or is): further moves count from here */
    let goal = 0;
    /**
     * true while the swiper's first render batch is being applied: the `current` it starts with is shown at
     * once, without an animation or a change event (WeChat sends change when current changes, not for the first)
     */
    let starting = true;
    queueMicrotask(() => (starting = false));

    const items = () => [...track.children].filter((c) => c.localName === 'wx-swiper-item') as HTMLElement[];
    const geometry = (): SwiperGeometry => ({ count: items().length, shown, circular });
    const detail = (source: Source) => ({ current, currentItemId: items()[current]?.dataset['itemId'] ?? '', source });
    const axisSize = () => (vertical ? element.clientHeight : element.clientWidth);
    const itemSize = () => Math.max(0, (axisSize() - previousMargin - nextMargin) / Math.max(1, shown));

    const layout = () => {
      const list = items();
      const g = geometry();
      const size = itemSize();
      list.forEach((item, i) => {
        const at = previousMargin + slotOf(i, position, g) * size;
        item.style.width = vertical ? '' : `${size}px`;
        item.style.height = vertical ? `${size}px` : '';
        item.style.transform = vertical ? `translateY(${at}px)` : `translateX(${at}px)`;
        const slot = Math.round(slotOf(i, current, g));
        item.setAttribute('aria-hidden', String(slot < 0 || slot >= shown));
      });
      if (dots.childElementCount !== list.length) dots.replaceChildren(...list.map(() => document.createElement('span')));
      [...dots.children].forEach((dot, i) => dot.classList.toggle('wx-swiper-dot-active', i === current));
    };
    const transition = (from: number) => {
      if (!ctx.listens('transition')) return;
      const offset = (position - from) * itemSize();
      ctx.emit('transition', vertical ? { dx: 0, dy: offset } : { dx: offset, dy: 0 });
    };
    /** moves the track to `target` over `duration` ms, then animationfinish */
    const animateTo = (target: number, source: Source) => {
      cancelAnimationFrame(animation);
      goal = target;
      const from = position;
      const start = performance.now();
      const step = (now: number) => {
        const t = duration > 0 ? Math.min(1, (now - start) / duration) : 1;
        position = from + (target - from) * easing(t);
        layout();
        transition(from);
        if (t < 1) {
          animation = requestAnimationFrame(step);
          return;
        }
        animation = 0;
        position = goal = circular ? mod(target, Math.max(1, items().length)) : target;
        layout();
        ctx.emit('animationfinish', detail(source));
      };
      animation = requestAnimationFrame(step);
    };
    /** `steps` items on from where the track is (a circular swiper keeps going round) */
    const move = (steps: number, source: Source) => {
      const g = geometry();
      if (g.count === 0) return;
      const base = Math.round(goal);
      const target = circular ? base + steps : Math.min(lastIndex(g), Math.max(0, base + steps));
      const next = mod(target, g.count);
      if (next !== current) {
        current = next;
        ctx.emit('change', detail(source));
      }
      if (target !== position) animateTo(target, source);
    };
    /** shows item `index` where the swiper starts: no animation, no events */
    const startAt = (index: number) => {
      const g = geometry();
      if (g.count === 0) return;
      current = position = goal = circular ? mod(index, g.count) : Math.min(lastIndex(g), Math.max(0, index));
      layout();
    };
    const goTo = (index: number, source: Source) => {
      const g = geometry();
      if (g.count === 0) return;
      const wanted = circular ? mod(index, g.count) : Math.min(lastIndex(g), Math.max(0, index));
      // round the short way, as a user would
      let steps = wanted - mod(Math.round(goal), g.count);
      if (circular && Math.abs(steps) > g.count / 2) steps -= Math.sign(steps) * g.count;
      move(steps, source);
    };
    const restartAutoplay = () => {
      clearInterval(timer);
      timer = undefined;
      if (!autoplay) return;
      timer = setInterval(() => {
        if (!element.isConnected) return;
        const g = geometry();
        if (!circular && current >= lastIndex(g)) goTo(0, 'autoplay');
        else move(1, 'autoplay');
      }, Math.max(100, interval));
    };

    element.addEventListener('keydown', (ev) => {
      const back = vertical ? 'ArrowUp' : 'ArrowLeft';
      const forward = vertical ? 'ArrowDown' : 'ArrowRight';
      if (ev.key !== back && ev.key !== forward) return;
      ev.preventDefault();
      move(ev.key === forward ? 1 : -1, 'touch');
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
        move(delta > 0 ? 1 : -1, 'touch');
        restartAutoplay();
      },
      { passive: false },
    );
    element.addEventListener('pointerdown', (ev) => {
      if (ev.button !== 0) return;
      cancelAnimationFrame(animation);
      const startPointer = vertical ? ev.clientY : ev.clientX;
      const startPosition = position;
      const size = itemSize() || 1;
      const g = geometry();
      let moved = 0;
      const onMove = (e: PointerEvent) => {
        moved = (vertical ? e.clientY : e.clientX) - startPointer;
        const wanted = startPosition - moved / size;
        // past either end of a swiper that does not go round, the items follow the mouse at a third
        const low = 0;
        const high = lastIndex(g);
        position = circular ? wanted : wanted < low ? low + (wanted - low) / 3 : wanted > high ? high + (wanted - high) / 3 : wanted;
        layout();
        transition(startPosition);
      };
      const onUp = () => {
        const whole = Math.round(position - startPosition);
        const steps = whole !== 0 ? whole : Math.abs(moved) > size * DRAG_SHARE ? -Math.sign(moved) : 0;
        // from the item it rested on: the drag's own offset is animated away by move()
        const target = Math.round(startPosition) + steps;
        const rest = circular ? target : Math.min(lastIndex(g), Math.max(0, target));
        const next = mod(rest, Math.max(1, g.count));
        if (next !== current) {
          current = next;
          ctx.emit('change', detail('touch'));
        }
        if (rest !== position) animateTo(rest, 'touch');
        restartAutoplay();
      };
      trackDrag(element, ev, { move: onMove, end: onUp });
    });
    // items arrive after the swiper itself, and its size may change: lay out again each time
    new ResizeObserver(() => layout()).observe(element);
    new MutationObserver(() => layout()).observe(track, { childList: true });
    requestAnimationFrame(layout);
    return {
      element,
      children: track,
      set(attr, value) {
        switch (attr) {
          case 'current': {
            const wanted = numberAttr(value, 0);
            const first = starting;
            // items arrive after the swiper's own attributes: go there once they are in
            requestAnimationFrame(() => (first ? startAt(wanted) : goTo(wanted, '')));
            return true;
          }
          case 'current-item-id': {
            // WeChat: the item whose item-id this is (not to be given together with current); '' selects nothing
            const id = stringAttr(value);
            const first = starting;
            if (id !== '') requestAnimationFrame(() => {
              const index = items().findIndex((item) => item.dataset['itemId'] === id);
              if (index < 0) return;
              if (first) startAt(index);
              else goTo(index, '');
            });
            return true;
          }
          case 'vertical':
            vertical = truthy(value);
            element.toggleAttribute('data-vertical', vertical);
            layout();
            return true;
          case 'circular':
            circular = truthy(value);
            layout();
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
          case 'display-multiple-items':
            shown = Math.max(1, Math.floor(numberAttr(value, 1)));
            layout();
            return true;
          case 'previous-margin':
            previousMargin = Math.max(0, lengthAttr(value, 0));
            layout();
            return true;
          case 'next-margin':
            nextMargin = Math.max(0, lengthAttr(value, 0));
            layout();
            return true;
          case 'easing-function':
            easing = EASINGS[stringAttr(value)] ?? EASINGS['default']!;
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
            return ['snap-to-edge', 'skip-hidden-item-layout'].includes(attr);
        }
      },
    };
  },
});
