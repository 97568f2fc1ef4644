import { stringAttr } from './attr-values';
import { toggledBy } from './form-field';
import { truthy, type BuiltinContext, type BuiltinInstance } from './registry';

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
          element.toggleAttribute('data-wx-disabled', choice.disabled);
          element.setAttribute('aria-disabled', String(choice.disabled));
          element.tabIndex = choice.disabled ? -1 : 0;
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
