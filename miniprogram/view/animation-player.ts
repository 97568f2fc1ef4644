import { ANIMATION_STYLES, ANIMATION_TRANSFORMS } from '../logic/animation';

/**
 * Plays `animation.export()` data (logic/animation.ts) that reached an element's `animation` attribute: each
 * step sets a CSS transition and the step's styles, waits for them (its delay + duration), then the next step starts.
 * The element keeps the last step's styles, as on WeChat.
 */

interface Step {
  styles: Array<[property: string, value: string]>;
  transforms: Array<[fn: string, css: string]>;
  duration: number;
  timingFunction: string;
  delay: number;
  transformOrigin: string | undefined;
}

/** what an element carries from one step (and one animation) to the next */
interface Played {
  /**
   * every transform function set so far: a later step with the same function replaces its value in place, others
   * stay, so `translateX(100).step()` then `rotate(90).step()` ends translated and rotated (and a page resets with
   * `translateX(0).rotate(0)...`, as WeChat pages do)
   */
  transforms: Map<string, string>;
  /** which playAnimation call owns the element: an older one's pending steps stop when they see a newer one */
  run: number;
}

const played = new WeakMap<HTMLElement, Played>();
const STYLE_PROPERTIES = new Set(Object.values(ANIMATION_STYLES));

/** a new value replaces a running animation from where the element is now; a value without steps changes nothing */
export function playAnimation(element: HTMLElement, value: unknown): void {
  const steps = readSteps(value);
  if (steps.length === 0) return;
  const state = played.get(element) ?? { transforms: new Map<string, string>(), run: 0 };
  played.set(element, state);
  const run = ++state.run;
  const next = (index: number): void => {
    if (state.run !== run) return;
    const step = steps[index];
    if (!step) {
      // done: the page's own transitions (its WXSS) apply again to later changes
      element.style.removeProperty('transition');
      return;
    }
    void stepDone(element, applyStep(element, state, step), step).then(() => next(index + 1));
  };
  next(0);
}

/**
 * when the step's transitions have ended. A timer alone would race them: a transition starts with the next frame,
 * not when its styles are set, so the timer would cut the step short and the next one start from midway. A step
 * that starts no transition (nothing changes, the element is not rendered, duration 0) waits its delay + duration.
 */
function stepDone(element: HTMLElement, properties: string[], step: Step): Promise<unknown> {
  // getAnimations() resolves the pending style change first, so the step's transitions are there
  const transitions = element.getAnimations().filter((a) => a instanceof CSSTransition && properties.includes(a.transitionProperty));
  if (transitions.length === 0) return new Promise((resolve) => setTimeout(resolve, step.delay + step.duration));
  // a transition cancelled (the element left the page, a newer value took over) settles too
  return Promise.allSettled(transitions.map((t) => t.finished));
}

/** sets the step's transition and styles; returns the CSS properties it transitions */
function applyStep(element: HTMLElement, state: Played, step: Step): string[] {
  const style = element.style;
  const properties = step.styles.map(([property]) => property);
  if (step.transforms.length > 0) properties.push('transform');
  // the transition first, so that the changes below are what it animates
  style.transitionProperty = properties.length > 0 ? properties.join(', ') : 'none';
  style.transitionDuration = `${step.duration}ms`;
  style.transitionTimingFunction = step.timingFunction;
  style.transitionDelay = `${step.delay}ms`;
  if (step.transformOrigin !== undefined) style.transformOrigin = step.transformOrigin;
  for (const [property, value] of step.styles) style.setProperty(property, value);
  for (const [fn, css] of step.transforms) state.transforms.set(fn, css);
  if (step.transforms.length > 0) style.transform = [...state.transforms.values()].join(' ');
  return properties;
}

/** the exported data as the page sent it, keeping only what an Animation can produce (it is page data, so check it) */
function readSteps(value: unknown): Step[] {
  const actions = (value as { actions?: unknown } | null)?.actions;
  if (!Array.isArray(actions)) return [];
  return actions.filter(isObject).map((action) => {
    const option = isObject(action.option) ? action.option : {};
    const transition = isObject(option.transition) ? option.transition : {};
    const step: Step = {
      styles: [],
      transforms: [],
      duration: time(transition.duration, 400),
      timingFunction: typeof transition.timingFunction === 'string' ? transition.timingFunction : 'linear',
      delay: time(transition.delay, 0),
      transformOrigin: typeof option.transformOrigin === 'string' ? option.transformOrigin : undefined,
    };
    for (const animate of Array.isArray(action.animates) ? action.animates.filter(isObject) : []) {
      const args = Array.isArray(animate.args) ? animate.args.map(String) : [];
      if (animate.type === 'style' && args.length === 2 && STYLE_PROPERTIES.has(args[0]!)) step.styles.push([args[0]!, args[1]!]);
      else if (typeof animate.type === 'string' && ANIMATION_TRANSFORMS.has(animate.type)) step.transforms.push([animate.type, `${animate.type}(${args.join(', ')})`]);
    }
    return step;
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function time(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}
