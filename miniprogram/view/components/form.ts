import { FORM_ACTION_EVENT, formValues, resetForm } from './form-field';
import { defineBuiltin } from './registry';

/**
 * <form>: a button with form-type="submit" inside it sends submit {value: {name: value...}} with every
 * named control under the form; form-type="reset" puts the controls back and sends reset {}.
 */
defineBuiltin({
  tag: 'form',
  create: (ctx) => {
    const element = document.createElement('wx-form');
    element.addEventListener(FORM_ACTION_EVENT, (ev) => {
      ev.stopPropagation();
      if ((ev as CustomEvent).detail === 'submit') {
        ctx.emit('submit', { value: formValues(element) });
      } else {
        resetForm(element);
        ctx.emit('reset', {});
      }
    });
    return {
      element,
      set: (attr) => attr === 'report-submit' || attr === 'report-submit-timeout',
    };
  },
});
