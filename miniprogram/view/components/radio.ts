import { stringAttr } from './attr-values';
import { CHOICE_EVENT, choiceControl, choiceOf, choicesIn } from './choice';
import { registerFormField } from './form-field';
import { defineBuiltin } from './registry';

/** <radio>: one choice of its radio-group. */
defineBuiltin({ tag: 'radio', create: (ctx) => choiceControl(ctx, 'radio') });

/**
 * <radio-group>: one radio on at a time; change {value: the radio's value}; a form field. Arrow keys move
 * the choice to the next or previous radio, as desktop radio groups do.
 */
defineBuiltin({
  tag: 'radio-group',
  create: (ctx) => {
    const element = document.createElement('wx-radio-group');
    element.setAttribute('role', 'radiogroup');
    let name = '';
    let initial: boolean[] | undefined;
    const current = () => choicesIn(element, 'wx-radio').find((c) => c.checked)?.value ?? '';
    const pick = (chosen: ReturnType<typeof choiceOf>) => {
      for (const c of choicesIn(element, 'wx-radio')) c.setChecked(c === chosen);
      ctx.emit('change', { value: chosen?.value ?? '' });
    };
    element.addEventListener(CHOICE_EVENT, (ev) => {
      ev.stopPropagation();
      pick(ev.target instanceof Element ? choiceOf(ev.target) : undefined);
    });
    element.addEventListener('keydown', (ev) => {
      const step = ev.key === 'ArrowDown' || ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowUp' || ev.key === 'ArrowLeft' ? -1 : 0;
      if (!step || !(ev.target instanceof Element)) return;
      const enabled = choicesIn(element, 'wx-radio').filter((c) => !c.disabled);
      const at = enabled.indexOf(choiceOf(ev.target)!);
      if (at < 0) return;
      ev.preventDefault();
      const next = enabled[(at + step + enabled.length) % enabled.length]!;
      next.focus();
      pick(next);
    });
    registerFormField(element, {
      name: () => name,
      value: current,
      reset: () => choicesIn(element, 'wx-radio').forEach((c, i) => c.setChecked(initial?.[i] ?? false)),
    });
    queueMicrotask(() => (initial = choicesIn(element, 'wx-radio').map((c) => c.checked)));
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
