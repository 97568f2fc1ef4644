import { lengthAttr, numberAttr, stringAttr } from './attr-values';
import { axisRange, clamp, resist } from './movable-bounds';
import { trackDrag } from './pointer-drag';
import { defineBuiltin, showDisabled, truthy } from './registry';

type Source = 'touch' | 'touch-out-of-bounds' | 'out-of-bounds' | 'friction' | '';

/** WeChat's defaults */
const DEFAULT_DAMPING = 20;
const DEFAULT_FRICTION = 2;
const DEFAULT_SCALE_MIN = 0.1;
const DEFAULT_SCALE_MAX = 10;
/** an arrow key moves the view this far (px) */
const KEY_STEP = 10;
/** one wheel notch (100 px) or one +/- key press scales by this factor */
const SCALE_STEP = 1.25;
/** pointer samples this recent decide the speed an inertial view leaves with */
const VELOCITY_WINDOW_MS = 80;
/** below this speed (px/ms) a glide stops */
const STOP_SPEED = 0.02;

/** <movable-area>: the box its movable-views move in (10x10 px unless the page sizes it, as in WeChat). */
defineBuiltin({
  tag: 'movable-area',
  create: () => {
    const element = document.createElement('wx-movable-area');
    return { element, set: (attr) => attr === 'scale-area' };
  },
});

/**
 * <movable-view>: moved by a mouse drag or the arrow keys (it is focusable) along `direction`; kept inside
 * its movable-area unless `out-of-bounds`, where a drag past the edge follows at a third (change source
 * "touch-out-of-bounds") and springs back on release ("out-of-bounds"). With `inertia` it glides on after
 * a release, slowed by `friction` ("friction"). `x`/`y` from the page move it there, animated with
 * `damping` unless `animation` is false (source ""). `scale`: ctrl+wheel or +/- scale it between
 * `scale-min` and `scale-max` (scale {x, y, scale}); `scale-value` sets it. change {x, y, source} is sent
 * on every step of a move; `disabled` stops all of it.
 */
defineBuiltin({
  tag: 'movable-view',
  create: (ctx) => {
    const element = document.createElement('wx-movable-view');
    element.tabIndex = 0;
    element.setAttribute('aria-roledescription', 'movable');
    element.dataset['direction'] = 'none';
    let direction = 'none';
    let inertia = false;
    let outOfBounds = false;
    let damping = DEFAULT_DAMPING;
    let friction = DEFAULT_FRICTION;
    let disabled = false;
    let scalable = false;
    let scaleMin = DEFAULT_SCALE_MIN;
    let scaleMax = DEFAULT_SCALE_MAX;
    let animated = true;
    let x = 0;
    let y = 0;
    let scale = 1;
    let frame = 0;

    const movesX = () => !disabled && (direction === 'all' || direction === 'horizontal');
    const movesY = () => !disabled && (direction === 'all' || direction === 'vertical');
    const area = () => element.parentElement;
    const rangeX = () => axisRange(area()?.clientWidth ?? 0, element.offsetWidth, scale);
    const rangeY = () => axisRange(area()?.clientHeight ?? 0, element.offsetHeight, scale);
    const inside = () => clamp(x, rangeX()) === x && clamp(y, rangeY()) === y;
    const draw = () => {
      element.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    };
    const place = (nx: number, ny: number, source: Source) => {
      if (nx === x && ny === y) return;
      x = nx;
      y = ny;
      draw();
      if (ctx.listens('change')) ctx.emit('change', { x, y, source });
    };
    const stop = () => {
      cancelAnimationFrame(frame);
      frame = 0;
    };
    /** eases towards (tx, ty): the higher `damping`, the quicker */
    const springTo = (tx: number, ty: number, source: Source) => {
      stop();
      if (!animated) return place(tx, ty, source);
      let last = performance.now();
      const step = (now: number) => {
        const k = 1 - Math.exp((-(now - last) / 1000) * damping * 0.5);
        last = now;
        const nx = Math.abs(tx - x) < 0.5 ? tx : x + (tx - x) * k;
        const ny = Math.abs(ty - y) < 0.5 ? ty : y + (ty - y) * k;
        place(nx, ny, source);
        frame = nx === tx && ny === ty ? 0 : requestAnimationFrame(step);
      };
      frame = requestAnimationFrame(step);
    };
    const backInBounds = () => springTo(clamp(x, rangeX()), clamp(y, rangeY()), 'out-of-bounds');
    /** glides on at (vx, vy) px/ms, slowed by `friction`; an out-of-bounds view springs back where it ends */
    const glide = (vx: number, vy: number) => {
      stop();
      let last = performance.now();
      const step = (now: number) => {
        const dt = now - last;
        last = now;
        const decay = Math.exp((-dt / 1000) * friction * 5);
        vx *= decay;
        vy *= decay;
        let nx = x + vx * dt;
        let ny = y + vy * dt;
        if (!outOfBounds) {
          nx = clamp(nx, rangeX());
          ny = clamp(ny, rangeY());
        }
        place(nx, ny, 'friction');
        const slow = Math.hypot(vx, vy) < STOP_SPEED;
        const offEdge = outOfBounds && !inside();
        if (slow || offEdge) {
          frame = 0;
          if (offEdge) backInBounds();
          return;
        }
        frame = requestAnimationFrame(step);
      };
      frame = requestAnimationFrame(step);
    };
    const setScale = (wanted: number, emit: boolean) => {
      const next = Math.min(scaleMax, Math.max(scaleMin, wanted));
      if (next === scale) return;
      scale = next;
      draw();
      if (emit) ctx.emit('scale', { x, y, scale });
      if (!outOfBounds) place(clamp(x, rangeX()), clamp(y, rangeY()), '');
    };

    element.addEventListener('pointerdown', (down) => {
      if (down.button !== 0 || (!movesX() && !movesY())) return;
      stop();
      const start = { x, y, px: down.clientX, py: down.clientY };
      const samples: Array<{ t: number; x: number; y: number }> = [];
      const move = (ev: PointerEvent) => {
        const wantX = movesX() ? start.x + ev.clientX - start.px : x;
        const wantY = movesY() ? start.y + ev.clientY - start.py : y;
        const nx = outOfBounds ? resist(wantX, rangeX()) : clamp(wantX, rangeX());
        const ny = outOfBounds ? resist(wantY, rangeY()) : clamp(wantY, rangeY());
        const past = clamp(nx, rangeX()) !== nx || clamp(ny, rangeY()) !== ny;
        place(nx, ny, past ? 'touch-out-of-bounds' : 'touch');
        // a busy page gets several moves as one event: their own times give the speed
        const coalesced = ev.getCoalescedEvents?.() ?? [];
        for (const e of coalesced.length > 0 ? coalesced : [ev]) samples.push({ t: e.timeStamp, x: e.clientX, y: e.clientY });
        while (samples.length > 2 && ev.timeStamp - samples[0]!.t > VELOCITY_WINDOW_MS) samples.shift();
      };
      const end = (ev: PointerEvent) => {
        const first = samples[0];
        const last = samples[samples.length - 1];
        const before = samples[samples.length - 2];
        const span = first && last ? last.t - first.t : 0;
        // a pointer that rested before letting go has no speed left: no move for longer than the window and
        // than twice its own pace (a loaded machine spaces the moves of a quick flick out evenly)
        const pause = last ? ev.timeStamp - last.t : Infinity;
        const pace = last && before ? last.t - before.t : 0;
        const rested = pause > Math.max(VELOCITY_WINDOW_MS, 2 * pace);
        if (inertia && first && last && span > 0 && !rested) {
          glide(movesX() ? (last.x - first.x) / span : 0, movesY() ? (last.y - first.y) / span : 0);
        } else if (!inside()) backInBounds();
      };
      trackDrag(element, down, { move, end });
    });
    element.addEventListener('keydown', (ev) => {
      if (disabled) return;
      const dx = ev.key === 'ArrowLeft' ? -KEY_STEP : ev.key === 'ArrowRight' ? KEY_STEP : 0;
      const dy = ev.key === 'ArrowUp' ? -KEY_STEP : ev.key === 'ArrowDown' ? KEY_STEP : 0;
      if ((dx && movesX()) || (dy && movesY())) {
        ev.preventDefault();
        stop();
        place(clamp(x + (movesX() ? dx : 0), rangeX()), clamp(y + (movesY() ? dy : 0), rangeY()), 'touch');
        return;
      }
      if (scalable && (ev.key === '+' || ev.key === '=' || ev.key === '-')) {
        ev.preventDefault();
        setScale(ev.key === '-' ? scale / SCALE_STEP : scale * SCALE_STEP, true);
      }
    });
    element.addEventListener(
      'wheel',
      (ev) => {
        if (!scalable || disabled || !ev.ctrlKey) return;
        // ctrl+wheel (and a trackpad pinch, which Chromium reports the same way) scales instead of zooming the page
        ev.preventDefault();
        setScale(scale * SCALE_STEP ** (-ev.deltaY / 100), true);
      },
      { passive: false },
    );
    /** x / y from the page, once the view has its size in its area */
    let wanted: { x?: number; y?: number } | undefined;
    const moveToWanted = () => {
      if (!wanted) return;
      const tx = clamp(wanted.x ?? x, rangeX());
      const ty = clamp(wanted.y ?? y, rangeY());
      wanted = undefined;
      springTo(tx, ty, '');
    };
    const want = (axis: 'x' | 'y', value: unknown) => {
      const first = !wanted;
      wanted = { ...wanted, [axis]: lengthAttr(value, 0) };
      if (first) requestAnimationFrame(moveToWanted);
    };
    draw();
    return {
      element,
      set(attr, value) {
        switch (attr) {
          case 'direction': {
            const d = stringAttr(value, 'none');
            direction = ['all', 'vertical', 'horizontal', 'none'].includes(d) ? d : 'none';
            element.dataset['direction'] = direction;
            return true;
          }
          case 'x':
          case 'y':
            want(attr, value);
            return true;
          case 'inertia':
            inertia = truthy(value);
            return true;
          case 'out-of-bounds':
            outOfBounds = truthy(value);
            return true;
          case 'damping': {
            const n = numberAttr(value, DEFAULT_DAMPING);
            damping = n > 0 ? n : DEFAULT_DAMPING;
            return true;
          }
          case 'friction': {
            // WeChat: must be above 0, or the default is used
            const n = numberAttr(value, DEFAULT_FRICTION);
            friction = n > 0 ? n : DEFAULT_FRICTION;
            return true;
          }
          case 'disabled':
            disabled = truthy(value);
            showDisabled(element, disabled);
            return true;
          case 'scale':
            scalable = truthy(value);
            return true;
          case 'scale-min':
            scaleMin = numberAttr(value, DEFAULT_SCALE_MIN);
            return true;
          case 'scale-max':
            scaleMax = numberAttr(value, DEFAULT_SCALE_MAX);
            return true;
          case 'scale-value': {
            const n = numberAttr(value, 1);
            // after scale-min / scale-max of the same batch
            queueMicrotask(() => setScale(n, false));
            return true;
          }
          case 'animation':
            animated = value === undefined || truthy(value);
            return true;
          default:
            return false;
        }
      },
    };
  },
});
