import * as glassEasel from 'glass-easel';
import { component } from 'glass-easel-miniprogram-adapter';
import { RecordingBackend, type RecordedElement } from './composed-backend';
import { clearedNames, toFrames } from './keyframe-frames';

/**
 * this.animate(selector, keyframes, duration, callback) and this.clearAnimation(selector, options, callback) on
 * every page and component (WeChat's keyframe animation). The selector is resolved here, in the caller's own
 * shadow tree as selectComponent and createSelectorQuery do; the view plays the keyframes on those nodes
 * (view/keyframe-player.ts) and answers when they end.
 */

interface CallerLike {
  _$: glassEasel.GeneralComponent;
}

type Callback = () => void;

/** the caller's runtime and the view's ids of the nodes `selector` matches; undefined outside a runtime's tree */
function matched(caller: CallerLike, selector: unknown, api: string): { backend: RecordingBackend; nodes: number[] } | undefined {
  const backend = caller._$?.getBackendContext?.();
  if (!(backend instanceof RecordingBackend) || !backend.views) return undefined;
  let elements: glassEasel.Element[] = [];
  try {
    elements = caller._$.getShadowRoot()?.querySelectorAll(String(selector)) ?? [];
  } catch (e) {
    console.error(`${api}: bad selector "${String(selector)}"`, e);
  }
  // a virtual host or a <block> has no node in the view: nothing to animate there
  const nodes = elements.map((el) => el.getBackendElement() as RecordedElement | null).filter((el): el is RecordedElement => el !== null).map((el) => el.id);
  // the view must already have the nodes a setData just made before a request names them
  backend.queue.flush();
  return { backend, nodes };
}

/** runs the page's callback as glass-easel runs its others: a throw goes to App.onError and the console */
function callBack(caller: CallerLike, label: string, callback: unknown): void {
  if (typeof callback === 'function') glassEasel.safeCallback(label, callback as Callback, undefined, [], caller._$);
}

/** the 4th argument is a ScrollTimeline (scroll-driven animation) rather than a callback */
const isScrollTimeline = (value: unknown) => typeof value === 'object' && value !== null && 'scrollSource' in value;

function animate(this: CallerLike, selector: unknown, keyframes: unknown, duration: unknown, callback?: unknown): void {
  if (isScrollTimeline(callback)) {
    console.warn(`this.animate("${String(selector)}"): scroll-driven animations (ScrollTimeline) are not supported in this shell; the animation is not played`);
    return;
  }
  const target = matched(this, selector, 'this.animate');
  if (!target) return;
  const time = typeof duration === 'number' && Number.isFinite(duration) && duration >= 0 ? duration : 0;
  void target.backend.views!.call('__keyframes', { nodes: target.nodes, frames: toFrames(keyframes), duration: time }).then(({ ok, result }) => {
    // a cleared (cancelled) animation never completes, so its callback never runs
    if (ok && result['finished'] === true) callBack(this, 'Animate Callback', callback);
  });
}

function clearAnimation(this: CallerLike, selector: unknown, options?: unknown, callback?: unknown): void {
  // clearAnimation(selector, callback): every property
  if (typeof options === 'function') [options, callback] = [undefined, options];
  const target = matched(this, selector, 'this.clearAnimation');
  if (!target) return;
  void target.backend.views!.call('__clearKeyframes', { nodes: target.nodes, properties: clearedNames(options) }).then(() => callBack(this, 'Clear Animation Callback', callback));
}

let installed = false;

/** adds animate and clearAnimation to every page and component instance (once per process) */
export function installKeyframeAnimate(): void {
  if (installed) return;
  installed = true;
  Object.assign(component.ComponentCaller.prototype, { animate, clearAnimation });
}
