import { numberAttr, stringAttr } from './attr-values';
import { registerFormField } from './form-field';
import { defineBuiltin, showDisabled, truthy } from './registry';

/**
 * <slider>: min 0, max 100, step 1, value 0 (WeChat's defaults); drag with the mouse (changing {value} while
 * dragging, change {value} on release; a press puts the thumb under the pointer, and a click with no drag
 * sends change alone), or the keyboard: arrows move one step, PageUp/PageDown ten steps,
 * Home/End to the ends, each key press a change. activeColor, backgroundColor, block-size, block-color,
 * show-value; a form field.
 */
defineBuiltin({
  tag: 'slider',
  create: (ctx) => {
    const element = document.createElement('wx-slider');
    const track = document.createElement('span');
    track.className = 'wx-slider-track';
    const fill = document.createElement('span');
    fill.className = 'wx-slider-fill';
    const thumb = document.createElement('span');
    thumb.className = 'wx-slider-thumb';
    thumb.setAttribute('role', 'slider');
    thumb.tabIndex = 0;
    const shown = document.createElement('span');
    shown.className = 'wx-slider-value';
    shown.hidden = true;
    track.append(fill, thumb);
    element.append(track, shown);
    let min = 0;
    let max = 100;
    let step = 1;
    let value = 0;
    let initial = 0;
    let disabled = false;
    let name = '';

    const snap = (v: number) => {
      const stepped = min + Math.round((v - min) / step) * step;
      return Math.min(max, Math.max(min, Number(stepped.toFixed(10))));
    };
    const draw = () => {
      const ratio = max > min ? (value - min) / (max - min) : 0;
      fill.style.width = `${ratio * 100}%`;
      thumb.style.left = `${ratio * 100}%`;
      thumb.setAttribute('aria-valuemin', String(min));
      thumb.setAttribute('aria-valuemax', String(max));
      thumb.setAttribute('aria-valuenow', String(value));
      shown.textContent = String(value);
    };
    const moveTo = (v: number, event: 'change' | 'changing') => {
      const next = snap(v);
      const moved = next !== value;
      value = next;
      draw();
      if (moved || event === 'change') ctx.emit(event, { value });
    };
    const fromPointer = (clientX: number) => {
      const box = track.getBoundingClientRect();
      return min + ((clientX - box.left) / Math.max(1, box.width)) * (max - min);
    };

    element.addEventListener('pointerdown', (ev) => {
      if (disabled || ev.button !== 0) return;
      ev.preventDefault();
      thumb.focus();
      element.setPointerCapture(ev.pointerId);
      const start = value;
      // the thumb jumps under the pointer; changing is for the drag that may follow ("拖动过程中触发")
      value = snap(fromPointer(ev.clientX));
      draw();
      const onMove = (e: PointerEvent) => moveTo(fromPointer(e.clientX), 'changing');
      const onUp = (e: PointerEvent) => {
        element.removeEventListener('pointermove', onMove);
        element.removeEventListener('pointerup', onUp);
        element.removeEventListener('pointercancel', onUp);
        value = snap(fromPointer(e.clientX));
        draw();
        if (value !== start || e.type === 'pointerup') ctx.emit('change', { value });
      };
      element.addEventListener('pointermove', onMove);
      element.addEventListener('pointerup', onUp);
      element.addEventListener('pointercancel', onUp);
    });
    thumb.addEventListener('keydown', (ev) => {
      if (disabled) return;
      const keys: Record<string, number> = {
        ArrowRight: value + step,
        ArrowUp: value + step,
        ArrowLeft: value - step,
        ArrowDown: value - step,
        PageUp: value + step * 10,
        PageDown: value - step * 10,
        Home: min,
        End: max,
      };
      const target = keys[ev.key];
      if (target === undefined) return;
      ev.preventDefault();
      moveTo(target, 'change');
    });
    registerFormField(element, {
      name: () => name,
      value: () => value,
      reset: () => {
        value = snap(initial);
        draw();
      },
    });
    draw();
    return {
      element,
      children: document.createElement('span'),
      set(attr, v) {
        switch (attr) {
          case 'min':
            min = numberAttr(v, 0);
            break;
          case 'max':
            max = numberAttr(v, 100);
            break;
          case 'step':
            step = Math.max(Number.EPSILON, numberAttr(v, 1));
            break;
          case 'value':
            initial = numberAttr(v, 0);
            value = initial;
            break;
          case 'disabled':
            disabled = truthy(v);
            showDisabled(element, disabled, thumb);
            return true;
          case 'show-value':
            shown.hidden = !truthy(v);
            return true;
          case 'activeColor':
          case 'active-color':
          case 'selected-color':
            element.style.setProperty('--wx-slider-active', stringAttr(v));
            return true;
          case 'backgroundColor':
          case 'background-color':
          case 'color':
            element.style.setProperty('--wx-slider-background', stringAttr(v));
            return true;
          case 'block-size':
            element.style.setProperty('--wx-slider-block', `${Math.min(28, Math.max(12, numberAttr(v, 28)))}px`);
            return true;
          case 'block-color':
            element.style.setProperty('--wx-slider-block-color', stringAttr(v));
            return true;
          case 'name':
            name = stringAttr(v);
            return true;
          default:
            return false;
        }
        value = snap(value);
        draw();
        return true;
      },
    };
  },
});
