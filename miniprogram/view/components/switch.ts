import { stringAttr } from './attr-values';
import { registerFormField, toggledBy } from './form-field';
import { defineBuiltin, showDisabled, truthy } from './registry';

/**
 * <switch>: type "switch" (a sliding toggle) or "checkbox"; click, Space, Enter or its label toggle it;
 * change {value: boolean}; `checked`, `disabled`, `color`; a form field.
 */
defineBuiltin({
  tag: 'switch',
  create: (ctx) => {
    const element = document.createElement('wx-switch');
    element.setAttribute('role', 'switch');
    element.tabIndex = 0;
    element.dataset['type'] = 'switch';
    const knob = document.createElement('span');
    knob.className = 'wx-switch-track';
    element.append(knob);
    let checked = false;
    let initial = false;
    let disabled = false;
    let name = '';
    const show = (on: boolean) => {
      checked = on;
      element.setAttribute('aria-checked', String(on));
    };
    const toggle = () => {
      if (disabled) return;
      show(!checked);
      ctx.emit('change', { value: checked });
    };
    toggledBy(element, toggle);
    registerFormField(element, { name: () => name, value: () => checked, reset: () => show(initial) });
    show(false);
    return {
      element,
      children: document.createElement('span'),
      set(attr, value) {
        switch (attr) {
          case 'checked':
            initial = truthy(value);
            show(initial);
            return true;
          case 'disabled':
            disabled = truthy(value);
            showDisabled(element, disabled);
            return true;
          case 'type':
            element.dataset['type'] = value === 'checkbox' ? 'checkbox' : 'switch';
            element.setAttribute('role', value === 'checkbox' ? 'checkbox' : 'switch');
            return true;
          case 'color':
            element.style.setProperty('--wx-choice-color', stringAttr(value));
            return true;
          case 'name':
            name = stringAttr(value);
            return true;
          default:
            return false;
        }
      },
    };
  },
});
