/**
 * The DOM side of WeChat's built-in components, one file per component, keyed by WXML tag.
 *
 * A built-in gets attribute values as the template computed them (numbers, booleans, strings, objects)
 * and turns user input into WeChat events with WeChat's `detail`. Whatever it does not handle falls back to
 * the generic rules of dom-applier.ts (safe attributes copied to the DOM element).
 */
export interface BuiltinContext {
  /**
   * sends a WeChat event from this node (non-bubbling unless said: component events do not bubble); returns the
   * event's place in the view's sequence of events, for `handled`
   */
  emit(type: string, detail: unknown, options?: { bubbles?: boolean }): number;
  /** has the logic layer handled the view's event `seq`? (values it sends before that may be older than the DOM) */
  handled(seq: number): boolean;
  /** runs `then` once a render batch from the logic says it has handled event `seq` (after that batch is applied) */
  whenHandled(seq: number, then: () => void): void;
  /** does the page listen for this event on this node? (so a built-in can skip per-frame events nobody hears) */
  listens(type: string): boolean;
  /** runs a routing API from the view (navigator) */
  navigate(openType: 'navigate' | 'redirect' | 'switchTab' | 'reLaunch' | 'navigateBack', url: string | undefined, delta: number | undefined): void;
  /** the URL of a package file the page refers to ('/images/a.png', 'a.png' relative to the page) */
  resolveUrl(path: string): string;
  /** calls a host wx API with the page's bridge (button open-type); resolves with the success or fail object */
  callHost(api: string, params: Record<string, unknown>): Promise<Record<string, unknown>>;
}

export interface BuiltinInstance {
  /** the node in the page; its position in the tree is the node's */
  element: HTMLElement;
  /** where WXML children go (default: `element`) */
  children?: HTMLElement;
  /** an attribute changed; return false to let the generic rule handle it */
  set?(name: string, value: unknown): boolean;
  remove?(name: string): boolean;
  /** what the page's handler returned for an event this built-in sent (bindinput's new value); `seq` is that event's */
  eventResult?(type: string, value: unknown, seq: number | undefined): void;
}

export interface BuiltinComponent {
  tag: string;
  create(ctx: BuiltinContext): BuiltinInstance;
}

const registry = new Map<string, BuiltinComponent>();

export function defineBuiltin(component: BuiltinComponent): void {
  if (registry.has(component.tag)) throw new Error(`built-in <${component.tag}> is defined twice`);
  registry.set(component.tag, component);
}

export function builtin(tag: string): BuiltinComponent | undefined {
  return registry.get(tag);
}

/** WeChat attribute values are often "true"/"false" strings as well as booleans */
export function truthy(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value !== '' && value !== 'false') || (typeof value === 'number' && value !== 0);
}

/**
 * `disabled` as every control shows it: data-wx-disabled (styles, and user-events.ts sends no taps), aria-disabled,
 * and out of the Tab order. `focusable` is the part that takes focus when it is not the element itself.
 */
export function showDisabled(element: HTMLElement, disabled: boolean, focusable: HTMLElement = element): void {
  element.toggleAttribute('data-wx-disabled', disabled);
  focusable.setAttribute('aria-disabled', String(disabled));
  focusable.tabIndex = disabled ? -1 : 0;
}
