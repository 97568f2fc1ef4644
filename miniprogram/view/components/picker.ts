import { openPickerPopover, pickerModelFor, type PickerAttrs, type PickerPopover } from '../overlays/picker';
import { stringAttr } from './attr-values';
import { registerFormField } from './form-field';
import { defineBuiltin, truthy } from './registry';

/** picker attribute -> the field of PickerAttrs it feeds */
const ATTRS: Record<string, keyof PickerAttrs> = {
  mode: 'mode',
  range: 'range',
  'range-key': 'rangeKey',
  value: 'value',
  start: 'start',
  end: 'end',
  fields: 'fields',
  'custom-item': 'customItem',
  level: 'level',
};

/**
 * <picker>: its children are what the page shows; a click, Enter or Space opens the desktop pop-over
 * under it (overlays/picker). Confirm sends change with the mode's detail ({value}; region also code and
 * postcode), cancel sends cancel {}, multiSelector sends columnchange {column, value} on every column move,
 * and a `range` the page replaces meanwhile (the usual cascade) shows at once. A form field (its `value`).
 */
defineBuiltin({
  tag: 'picker',
  create: (ctx) => {
    const element = document.createElement('wx-picker');
    element.setAttribute('role', 'button');
    element.setAttribute('aria-haspopup', 'dialog');
    element.tabIndex = 0;
    const attrs: PickerAttrs = {};
    let disabled = false;
    let name = '';
    let open: { popover: PickerPopover; replaceRange?: (range: unknown[][]) => void } | undefined;

    const show = () => {
      if (disabled || open) return;
      const model = pickerModelFor(attrs);
      const popover = openPickerPopover(document, {
        model,
        anchor: element,
        label: stringAttr(attrs.mode, 'selector'),
        onColumnChange: attrs.mode === 'multiSelector' ? (column, value) => ctx.emit('columnchange', { column, value }) : undefined,
      });
      const replace = 'replaceRange' in model ? (model as { replaceRange(r: unknown[][]): void }).replaceRange : undefined;
      open = { popover, ...(replace ? { replaceRange: replace } : {}) };
      void popover.result.then((detail) => {
        open = undefined;
        element.focus();
        if (detail) ctx.emit('change', detail);
        else ctx.emit('cancel', {});
      });
    };
    element.addEventListener('click', show);
    element.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        show();
      }
    });
    registerFormField(element, {
      name: () => name,
      value: () => (attrs.mode === 'multiSelector' || attrs.mode === 'region' ? (Array.isArray(attrs.value) ? attrs.value : []) : (attrs.value ?? (attrs.mode === 'time' || attrs.mode === 'date' ? '' : 0))),
      reset: () => undefined,
    });
    return {
      element,
      set(attr, value) {
        const key = ATTRS[attr];
        if (key) {
          (attrs as Record<string, unknown>)[key] = value;
          if (attr === 'range' && open?.replaceRange && Array.isArray(value)) {
            open.replaceRange(value as unknown[][]);
            open.popover.refresh();
          }
          return true;
        }
        if (attr === 'disabled') {
          disabled = truthy(value);
          element.toggleAttribute('data-wx-disabled', disabled);
          element.setAttribute('aria-disabled', String(disabled));
          return true;
        }
        if (attr === 'name') {
          name = stringAttr(value);
          return true;
        }
        return attr === 'header-text';
      },
    };
  },
});
