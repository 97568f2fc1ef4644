/**
 * What a `form` asks of the controls inside it: each control registers its DOM element with a name,
 * a current value and a reset. `form` walks its subtree in document order, so the submitted
 * `detail.value` has one key per named control, as WeChat's has.
 */
export interface FormField {
  name(): string;
  value(): unknown;
  reset(): void;
}

const fields = new WeakMap<Element, FormField>();

export function registerFormField(element: Element, field: FormField): void {
  fields.set(element, field);
}

/** detail.value of bindsubmit: every named control under `form` */
export function formValues(form: Element): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const el of form.querySelectorAll('*')) {
    const field = fields.get(el);
    const name = field?.name();
    if (field && name) value[name] = field.value();
  }
  return value;
}

export function resetForm(form: Element): void {
  for (const el of form.querySelectorAll('*')) fields.get(el)?.reset();
}

/** The DOM event a button with form-type sends up to its form (buttons and forms know nothing else of each other). */
export const FORM_ACTION_EVENT = 'wx-form-action';

export function requestFormAction(from: Element, action: 'submit' | 'reset'): void {
  from.dispatchEvent(new CustomEvent(FORM_ACTION_EVENT, { bubbles: true, detail: action }));
}

/**
 * What a `label` does to the control it belongs to: checkbox/radio/switch toggle, input and textarea take
 * focus, a button is clicked. Controls register here; a label finds its control by `for` (an id) or as its
 * first descendant. `activate` gets the click on the label.
 */
export type LabelActivate = (click: MouseEvent) => void;

const labelTargets = new WeakMap<Element, LabelActivate>();

export function registerLabelTarget(element: Element, activate: LabelActivate): void {
  labelTargets.set(element, activate);
}

/**
 * A toggle control (checkbox, radio, switch): a click, Space or Enter on it, or a click on its label,
 * runs `toggle`.
 */
export function toggledBy(element: HTMLElement, toggle: () => void): void {
  element.addEventListener('click', toggle);
  element.addEventListener('keydown', (ev) => {
    if (ev.key === ' ' || ev.key === 'Enter') {
      ev.preventDefault();
      toggle();
    }
  });
  registerLabelTarget(element, toggle);
}

export function labelTargetOf(element: Element | null): LabelActivate | undefined {
  return element ? labelTargets.get(element) : undefined;
}

export function firstLabelTarget(root: Element): Element | undefined {
  for (const el of root.querySelectorAll('*')) if (labelTargets.has(el)) return el;
  return undefined;
}
