import * as glassEasel from 'glass-easel';
import type { CodeSpace } from 'glass-easel-miniprogram-adapter';

/**
 * WeChat's built-in behaviors, named by string in a definition's `behaviors` list
 * (`Component({ behaviors: ['wx://form-field'] })`). glass-easel's adapter knows none of them and fails on
 * the string with a TypeError, which took down every page using a component library's form fields.
 *  - wx://form-field: the component has `name` and `value` properties and a `<form>` around it submits them;
 *  - wx://form-field-group: a `<form>` also finds the form fields inside this component's own template;
 *  - wx://form-field-button: a button inside this component with `form-type` acts on the form around it
 *    (the view's form already finds such buttons in the DOM);
 *  - wx://component-export: the `export` definition field is used by selectComponent (the adapter always does).
 * A component may redefine `name` or `value` (WeChat: to change the type or add an observer); its own wins.
 */
export const BUILTIN_BEHAVIORS = ['wx://form-field', 'wx://form-field-group', 'wx://form-field-button', 'wx://component-export'] as const;
type BuiltinName = (typeof BUILTIN_BEHAVIORS)[number];

type AdapterBehavior = ReturnType<ReturnType<CodeSpace['behavior']>['register']>;
interface Caller {
  hasBehavior(behavior: AdapterBehavior): boolean;
  data: Record<string, unknown>;
}

export class BuiltinBehaviors {
  private readonly made = new Map<BuiltinName, AdapterBehavior>();

  constructor(
    private readonly codeSpace: CodeSpace,
    private readonly warn: (message: string) => void = (message) => console.warn(message),
  ) {}

  /** a definition with its `wx://` behavior names replaced by the behaviors; unknown names are dropped with a warning */
  resolve<T>(definition: T, where: string): T {
    const list = (definition as { behaviors?: unknown } | undefined)?.behaviors;
    if (!Array.isArray(list) || !list.some((b) => typeof b === 'string')) return definition;
    const behaviors: unknown[] = [];
    for (const entry of list) {
      if (typeof entry !== 'string') behaviors.push(entry);
      else if ((BUILTIN_BEHAVIORS as readonly string[]).includes(entry)) behaviors.push(this.behavior(entry as BuiltinName));
      else this.warn(`${where}: "${entry}" is not a built-in behavior (known: ${BUILTIN_BEHAVIORS.join(', ')}); it is ignored. Other behaviors are passed as the value Behavior() returned, not by name.`);
    }
    return { ...(definition as object), behaviors } as T;
  }

  /**
   * `name: value` of the wx://form-field components a `<form>` holds: its descendants in the template the form
   * is in, including slot content, and inside components that are wx://form-field-group. Only behaviors that
   * were used can be found, so a form in an app without any costs a walk that finds nothing.
   */
  formFieldValues(form: glassEasel.Element): Record<string, unknown> {
    const field = this.made.get('wx://form-field');
    if (!field) return {};
    const group = this.made.get('wx://form-field-group');
    const values: Record<string, unknown> = {};
    const walk = (parent: glassEasel.Element) => {
      for (const child of parent.childNodes) {
        if (!(child instanceof glassEasel.Element)) continue;
        if (child instanceof glassEasel.Component) {
          const caller = child.getMethodCaller() as unknown as Caller;
          if (caller.hasBehavior(field)) {
            const name = caller.data['name'];
            if (typeof name === 'string' && name !== '') values[name] = caller.data['value'];
          }
          if (group && caller.hasBehavior(group)) walk(child.getShadowRoot() as unknown as glassEasel.Element);
        }
        walk(child);
      }
    };
    walk(form);
    return values;
  }

  private behavior(name: BuiltinName): AdapterBehavior {
    let made = this.made.get(name);
    if (!made) {
      const builder = this.codeSpace.behavior();
      made = (name === 'wx://form-field' ? builder.definition({ properties: { name: { type: String, value: '' }, value: { type: null, value: '' } } } as never) : builder).register();
      this.made.set(name, made);
    }
    return made;
  }
}

/** a form's submit detail with the custom fields added (a built-in field of the same name, which the view read, wins) */
export function withFormFields(detail: unknown, fields: Record<string, unknown>): unknown {
  if (Object.keys(fields).length === 0) return detail;
  const submitted = (detail ?? {}) as { value?: Record<string, unknown> };
  return { ...submitted, value: { ...fields, ...(submitted.value ?? {}) } };
}
