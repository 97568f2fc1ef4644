import { numberAttr, stringAttr } from './attr-values';
import { registerFormField, registerLabelTarget } from './form-field';
import { truthy, type BuiltinContext, type BuiltinInstance } from './registry';

/** WeChat's default maxlength of input and textarea; -1 means no limit. */
const DEFAULT_MAXLENGTH = 140;

/** Characters each input `type` lets through (a desktop has no special keyboard to limit them). */
const ALLOWED: Record<string, RegExp | undefined> = {
  number: /[^0-9]/g,
  digit: /[^0-9.]/g,
  idcard: /[^0-9xX]/g,
};

export interface TextFieldParts {
  instance: BuiltinInstance;
  field: HTMLInputElement | HTMLTextAreaElement;
}

/**
 * What `input` and `textarea` share: the value (set by the page without moving the caret when it did not
 * change), maxlength, placeholder drawn as our own element so `placeholder-class`/`placeholder-style`
 * apply, focus/auto-focus, disabled, and WeChat's events: input {value, cursor, keyCode} (a string the
 * handler returns replaces the value; not for textarea, whose handler's return value WeChat does not reflect),
 * focus {value, height: 0}, blur {value, cursor}, confirm {value}.
 */
export function textField(ctx: BuiltinContext, tag: 'wx-input' | 'wx-textarea', field: HTMLInputElement | HTMLTextAreaElement, extra?: (name: string, value: unknown) => boolean): TextFieldParts {
  const element = document.createElement(tag);
  const placeholder = document.createElement('span');
  placeholder.className = 'wx-placeholder';
  placeholder.setAttribute('aria-hidden', 'true');
  element.append(placeholder, field);
  let name = '';
  let initial = '';
  let filter: RegExp | undefined;
  let keyCode: number | undefined;
  let maxlength = DEFAULT_MAXLENGTH;
  /** the view's number of the last input event this box sent (0: none yet) */
  let lastInput = 0;
  /** a value the logic sent while the user's later keystrokes were still on their way to it */
  let deferred: string | undefined;

  const showPlaceholder = () => {
    placeholder.hidden = field.value !== '';
  };
  const applyMax = () => {
    if (maxlength < 0) field.removeAttribute('maxlength');
    else field.maxLength = maxlength;
  };
  const setValue = (text: string) => {
    const next = maxlength >= 0 ? text.slice(0, maxlength) : text;
    if (field.value !== next) field.value = next;
    showPlaceholder();
  };
  /**
   * A value from the logic layer (the page's data, a `model:` binding): written at once unless the user typed
   * after the event it was made from, since it would then take back their newer keystrokes. The latest such
   * value is kept, and written once the logic has handled the last keystroke, unless a newer value came first.
   */
  const fromLogic = (text: string) => {
    if (lastInput === 0 || ctx.handled(lastInput)) {
      deferred = undefined;
      setValue(text);
      return;
    }
    const waitingAlready = deferred !== undefined;
    deferred = text;
    if (!waitingAlready) settleDeferred();
  };
  const settleDeferred = () => {
    ctx.whenHandled(lastInput, () => {
      if (deferred === undefined) return;
      if (!ctx.handled(lastInput)) {
        settleDeferred(); // typed again meanwhile: wait for that keystroke too
        return;
      }
      const text = deferred;
      deferred = undefined;
      setValue(text);
    });
  };
  const focusSoon = () => {
    // the element may not be in the document yet when the attribute arrives
    requestAnimationFrame(() => {
      if (!field.disabled) field.focus();
    });
  };

  field.addEventListener('keydown', (ev) => {
    keyCode = (ev as KeyboardEvent).keyCode;
  });
  field.addEventListener('input', () => {
    if (filter && filter.test(field.value)) {
      const caret = field.selectionStart ?? field.value.length;
      const before = field.value.length;
      field.value = field.value.replace(filter, '');
      const at = Math.max(0, caret - (before - field.value.length));
      field.setSelectionRange(at, at);
    }
    showPlaceholder();
    lastInput = ctx.emit('input', { value: field.value, cursor: field.selectionStart ?? field.value.length, keyCode });
  });
  field.addEventListener('focus', () => ctx.emit('focus', { value: field.value, height: 0 }));
  field.addEventListener('blur', () => ctx.emit('blur', { value: field.value, cursor: field.selectionStart ?? field.value.length }));
  placeholder.addEventListener('mousedown', (ev) => {
    ev.preventDefault();
    field.focus();
  });
  registerFormField(element, { name: () => name, value: () => field.value, reset: () => setValue(initial) });
  registerLabelTarget(element, () => field.focus());
  showPlaceholder();
  applyMax();

  const instance: BuiltinInstance = {
    element,
    children: document.createElement('span'),
    set(attr, value) {
      switch (attr) {
        case 'value':
          initial = stringAttr(value);
          fromLogic(initial);
          return true;
        case 'name':
          name = stringAttr(value);
          return true;
        case 'placeholder':
          placeholder.textContent = stringAttr(value);
          field.setAttribute('aria-label', stringAttr(value));
          return true;
        case 'placeholder-class':
          placeholder.className = `wx-placeholder ${stringAttr(value)}`.trim();
          return true;
        case 'placeholder-style':
          placeholder.style.cssText = stringAttr(value);
          return true;
        case 'maxlength':
          maxlength = numberAttr(value, DEFAULT_MAXLENGTH);
          applyMax();
          return true;
        case 'disabled':
          field.disabled = truthy(value);
          element.toggleAttribute('data-wx-disabled', field.disabled);
          return true;
        case 'focus':
        case 'auto-focus':
          if (truthy(value)) focusSoon();
          else if (attr === 'focus' && document.activeElement === field) field.blur();
          return true;
        case 'type':
          filter = ALLOWED[stringAttr(value)];
          return extra?.(attr, value) ?? true;
        default:
          return extra?.(attr, value) ?? false;
      }
    },
    eventResult(type, result, seq) {
      // bindinput's return value: a string, or {value, cursor}; one for a keystroke older than the last is stale.
      // A textarea keeps what was typed: WeChat does not reflect its bindinput handler's return value.
      if (tag === 'wx-textarea' || type !== 'input' || (seq !== undefined && seq < lastInput)) return;
      const next = typeof result === 'string' ? result : result && typeof result === 'object' && typeof (result as { value?: unknown }).value === 'string' ? (result as { value: string }).value : undefined;
      if (next === undefined) return;
      deferred = undefined; // the handler's answer to the latest keystroke is newer than any value held back
      setValue(next);
      const cursor = (result as { cursor?: unknown })?.cursor;
      const at = typeof cursor === 'number' ? cursor : field.value.length;
      if (document.activeElement === field) field.setSelectionRange(at, at);
    },
  };
  return { instance, field };
}
