import { stringAttr } from './attr-values';
import { registerFormField, toggledBy } from './form-field';
import { showDisabled, truthy, type BuiltinContext, type BuiltinInstance } from './registry';

/** One checkbox or radio as its group sees it. */
export interface Choice {
  value: string;
  checked: boolean;
  disabled: boolean;
  setChecked(on: boolean): void;
  focus(): void;
}

const choices = new WeakMap<Element, Choice>();

export function choiceOf(el: Element): Choice | undefined {
  return choices.get(el);
}

/** The checkboxes or radios under a group element, in document order. */
export function choicesIn(group: Element, tag: 'wx-checkbox' | 'wx-radio'): Choice[] {
  return [...group.querySelectorAll(tag)].map((el) => choices.get(el)).filter((c): c is Choice => c !== undefined);
}

/** A group hears that one of its choices was toggled by the user. */
export const CHOICE_EVENT = 'wx-choice-toggled';

/**
 * What checkbox and radio share: role, aria-checked, focusable, Space (and click, and a click on their
 * label) toggles, `value`, `checked`, `disabled`, `color`. The box is drawn by components.css.
 */
export function choiceControl(_ctx: BuiltinContext, kind: 'checkbox' | 'radio'): BuiltinInstance {
  const element = document.createElement(`wx-${kind}`);
  const box = document.createElement('span');
  box.className = `wx-${kind}-box`;
  const children = document.createElement('span');
  children.className = `wx-${kind}-label`;
  element.append(box, children);
  element.setAttribute('role', kind);
  element.tabIndex = 0;
  const choice: Choice = {
    value: '',
    checked: false,
    disabled: false,
    setChecked(on) {
      choice.checked = on;
      element.setAttribute('aria-checked', String(on));
    },
    focus: () => element.focus(),
  };
  choice.setChecked(false);
  choices.set(element, choice);
  const toggle = () => {
    if (choice.disabled) return;
    // a radio that is on stays on when pressed again, as WeChat's does
    if (kind === 'radio' && choice.checked) return;
    choice.setChecked(!choice.checked);
    element.dispatchEvent(new CustomEvent(CHOICE_EVENT, { bubbles: true }));
  };
  toggledBy(element, toggle);
  return {
    element,
    children,
    set(name, value) {
      switch (name) {
        case 'value':
          choice.value = stringAttr(value);
          return true;
        case 'checked':
          choice.setChecked(truthy(value));
          return true;
        case 'disabled':
          choice.disabled = truthy(value);
          showDisabled(element, choice.disabled);
          return true;
        case 'color':
          element.style.setProperty('--wx-choice-color', stringAttr(value));
          return true;
        default:
          return false;
      }
    },
  };
}

/**
 * What checkbox-group and radio-group share: the role, `name`, hearing its choices being toggled, and being a
 * form field whose value comes from its choices and whose reset goes back to the checked states the page
 * first rendered.
 */
export function choiceGroup(
  kind: 'checkbox' | 'radio',
  value: (choices: Choice[]) => unknown,
  toggled: (target: Choice | undefined, choices: Choice[]) => void,
): BuiltinInstance & { choices(): Choice[] } {
  const element = document.createElement(`wx-${kind}-group`);
  element.setAttribute('role', kind === 'radio' ? 'radiogroup' : 'group');
  let name = '';
  let initial: boolean[] | undefined;
  const all = () => choicesIn(element, `wx-${kind}`);
  element.addEventListener(CHOICE_EVENT, (ev) => {
    ev.stopPropagation();
    toggled(ev.target instanceof Element ? choiceOf(ev.target) : undefined, all());
  });
  registerFormField(element, {
    name: () => name,
    value: () => value(all()),
    reset: () => all().forEach((c, i) => c.setChecked(initial?.[i] ?? false)),
  });
  queueMicrotask(() => (initial = all().map((c) => c.checked)));
  return {
    element,
    choices: all,
    set(attr, v) {
      if (attr !== 'name') return false;
      name = stringAttr(v);
      return true;
    },
  };
}
