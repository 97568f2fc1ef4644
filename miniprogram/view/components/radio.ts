import { choiceControl, choiceGroup, choiceOf, type Choice } from './choice';
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
    const pick = (chosen: Choice | undefined, choices: Choice[]) => {
      for (const c of choices) c.setChecked(c === chosen);
      ctx.emit('change', { value: chosen?.value ?? '' });
    };
    const group = choiceGroup('radio', (choices) => choices.find((c) => c.checked)?.value ?? '', pick);
    group.element.addEventListener('keydown', (ev) => {
      const step = ev.key === 'ArrowDown' || ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowUp' || ev.key === 'ArrowLeft' ? -1 : 0;
      if (!step || !(ev.target instanceof Element)) return;
      const enabled = group.choices().filter((c) => !c.disabled);
      const at = enabled.indexOf(choiceOf(ev.target)!);
      if (at < 0) return;
      ev.preventDefault();
      const next = enabled[(at + step + enabled.length) % enabled.length]!;
      next.focus();
      pick(next, group.choices());
    });
    return group;
  },
});
