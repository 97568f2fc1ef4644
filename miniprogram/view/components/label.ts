import { stringAttr } from './attr-values';
import { firstLabelTarget, labelTargetOf } from './form-field';
import { defineBuiltin } from './registry';

/**
 * <label>: a click on it acts on its control: the one whose id is `for`, else the first control inside
 * it (checkbox, radio and switch toggle; input and textarea take focus; a button is clicked: its tap, form-type
 * and open-type). A click on the control itself is left to the control.
 */
defineBuiltin({
  tag: 'label',
  create: () => {
    const element = document.createElement('wx-label');
    let target = '';
    element.addEventListener('click', (ev) => {
      const control = target ? (element.getRootNode() as Document).getElementById(target) : firstLabelTarget(element);
      if (!control || (ev.target instanceof Node && control.contains(ev.target))) return;
      labelTargetOf(control)?.(ev);
    });
    return {
      element,
      set(attr, value) {
        if (attr !== 'for') return false;
        target = stringAttr(value);
        return true;
      },
    };
  },
});
