import { numberAttr, stringAttr } from './attr-values';
import { truthy } from './registry';

export interface HoverDefaults {
  hoverClass: string;
  startTime: number;
  stayTime: number;
}

/**
 * hover-class / hover-start-time / hover-stay-time / hover-stop-propagation on view, button and navigator:
 * the classes go on `start` ms after a press begins (mouse, pen, touch, or Enter/Space for the keyboard)
 * and come off `stay` ms after it ends. Returns the attribute handler for the component's set().
 */
export function attachHover(element: HTMLElement, defaults: HoverDefaults): (name: string, value: unknown) => boolean {
  let classes = defaults.hoverClass === 'none' ? [] : defaults.hoverClass.split(/\s+/).filter(Boolean);
  let start = defaults.startTime;
  let stay = defaults.stayTime;
  let stopPropagation = false;
  let startTimer: ReturnType<typeof setTimeout> | undefined;
  let stayTimer: ReturnType<typeof setTimeout> | undefined;
  let on = false;
  const press = (ev: Event) => {
    if (stopPropagation) (ev as Event & { wxHoverHandled?: boolean }).wxHoverHandled = true;
    else if ((ev as Event & { wxHoverHandled?: boolean }).wxHoverHandled) return;
    if (classes.length === 0 || element.hasAttribute('data-wx-disabled')) return;
    clearTimeout(stayTimer);
    startTimer = setTimeout(() => {
      on = true;
      element.classList.add(...classes);
    }, start);
  };
  const release = () => {
    clearTimeout(startTimer);
    if (!on) return;
    stayTimer = setTimeout(() => {
      on = false;
      element.classList.remove(...classes);
    }, stay);
  };
  element.addEventListener('pointerdown', press);
  element.addEventListener('pointerup', release);
  element.addEventListener('pointercancel', release);
  element.addEventListener('pointerleave', release);
  element.addEventListener('keydown', (ev) => {
    if ((ev.key === 'Enter' || ev.key === ' ') && !ev.repeat && ev.target === element) press(ev);
  });
  element.addEventListener('keyup', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') release();
  });
  return (name, value) => {
    switch (name) {
      case 'hover-class': {
        if (on) element.classList.remove(...classes);
        const text = stringAttr(value, defaults.hoverClass);
        classes = text === 'none' ? [] : text.split(/\s+/).filter(Boolean);
        return true;
      }
      case 'hover-start-time':
        start = numberAttr(value, defaults.startTime);
        return true;
      case 'hover-stay-time':
        stay = numberAttr(value, defaults.stayTime);
        return true;
      case 'hover-stop-propagation':
        stopPropagation = truthy(value);
        return true;
      default:
        return false;
    }
  };
}
