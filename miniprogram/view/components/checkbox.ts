import { choiceControl, choiceGroup, type Choice } from './choice';
import { defineBuiltin } from './registry';

/** <checkbox>: a box that a click, Space or its label toggles; its group reports the change. */
defineBuiltin({ tag: 'checkbox', create: (ctx) => choiceControl(ctx, 'checkbox') });

/** the values of the checked boxes, in document order */
const checkedValues = (choices: Choice[]) => choices.filter((c) => c.checked).map((c) => c.value);

/** <checkbox-group>: change {value: [values of the checked boxes, in document order]}; a form field. */
defineBuiltin({
  tag: 'checkbox-group',
  create: (ctx) => choiceGroup('checkbox', checkedValues, (_target, choices) => ctx.emit('change', { value: checkedValues(choices) })),
});
