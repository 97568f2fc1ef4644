import { stringAttr } from './attr-values';
import { CHOICE_EVENT, choiceControl, choicesIn } from './choice';
import { registerFormField } from './form-field';
import { defineBuiltin } from './registry';

/** <checkbox>: a box that a click, Space or its label toggles; its group reports the change. */
defineBuiltin({ tag: 'checkbox', create: (ctx) => choiceControl(ctx, 'checkbox') });

/** <checkbox-group>: change {value: [values of the checked boxes, in document order]}; a form field. */
defineBuiltin({
  tag: 'checkbox-group',
  create: (ctx) => {
    const element = document.createElement('wx-checkbox-group');
    element.setAttribute('role', 'group');
    let name = '';
    let initial: boolean[] | undefined;
    const values = () => choicesIn(element, 'wx-checkbox').filter((c) => c.checked).map((c) => c.value);
    element.addEventListener(CHOICE_EVENT, (ev) => {
      ev.stopPropagation();
      ctx.emit('change', { value: values() });
    });
    registerFormField(element, {
      name: () => name,
      value: values,
      reset: () => {
        const all = choicesIn(element, 'wx-checkbox');
        all.forEach((c, i) => c.setChecked(initial?.[i] ?? false));
      },
    });
    // what "reset" goes back to: the checked state the page first rendered
    queueMicrotask(() => (initial = choicesIn(element, 'wx-checkbox').map((c) => c.checked)));
    return {
      element,
      set(attr, value) {
        if (attr !== 'name') return false;
        name = stringAttr(value);
        return true;
      },
    };
  },
});
