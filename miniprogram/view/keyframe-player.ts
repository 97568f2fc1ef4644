import { ANIMATION_TRANSFORMS } from '../logic/animation';
import { KEYFRAME_STYLES, type Frame } from '../logic/keyframe-frames';

/**
 * Plays this.animate's frames (logic/keyframe-frames.ts) with the Web Animations API and keeps the last frame
 * (fill forwards), as WeChat's keyframe animations leave their end state on the node.
 *
 * What wins: a held keyframe animation sits above the element's own styles in the cascade, so for the
 * properties it animates it also wins over the `animation` attribute's inline styles (wx.createAnimation) and
 * later `style` changes, until this.clearAnimation lets go of them. WeChat documents the same: animate's
 * styles cover the node's own until cleared. Properties it does not animate stay the page's.
 */

interface Played {
  animation: Animation;
  frames: Frame[];
  /** the names clearAnimation took back from this animation */
  cleared: Set<string>;
}

const played = new WeakMap<Element, Set<Played>>();

/**
 * Web Animations keyframes of `frames` without the `cleared` names; a frame's transform functions join in
 * their order. Checks what it reads: the frames come from the logic layer, which runs package code.
 */
export function webKeyframes(frames: readonly Frame[], cleared: ReadonlySet<string> = new Set()): Keyframe[] {
  return frames.map((frame) => {
    const keyframe: Keyframe = { easing: typeof frame.easing === 'string' ? frame.easing : 'linear' };
    if (typeof frame.offset === 'number') keyframe.offset = frame.offset;
    for (const [name, value] of Object.entries(frame.styles ?? {})) {
      if (KEYFRAME_STYLES.has(name) && !cleared.has(name) && typeof value === 'string') keyframe[name] = value;
    }
    const transforms = (Array.isArray(frame.transforms) ? frame.transforms : []).filter(([fn, css]) => ANIMATION_TRANSFORMS.has(fn) && !cleared.has(fn) && typeof css === 'string');
    if (transforms.length > 0) keyframe['transform'] = transforms.map(([, css]) => css).join(' ');
    return keyframe;
  });
}

/** does any keyframe still animate a property? */
const animatesSomething = (keyframes: Keyframe[]) => keyframes.some((k) => Object.keys(k).some((key) => key !== 'offset' && key !== 'easing'));

/** an easing Chromium does not know would make element.animate throw: it falls back to linear */
function playableEasing(frames: Frame[]): Frame[] {
  return frames.map((f) => (CSS.supports('animation-timing-function', String(f.easing)) ? f : { ...f, easing: 'linear' }));
}

/**
 * Starts the frames on every element; resolves true when all have finished (at once when there are none), false
 * when one was cancelled first (clearAnimation, or a bad value Chromium refused).
 */
export function playKeyframes(elements: Element[], frames: Frame[], duration: number): Promise<boolean> {
  const safe = playableEasing(frames);
  const runs = elements.map((element) => {
    try {
      const animation = element.animate(webKeyframes(safe), { duration, fill: 'forwards' });
      const entry: Played = { animation, frames: safe, cleared: new Set() };
      const set = played.get(element) ?? new Set<Played>();
      set.add(entry);
      played.set(element, set);
      // Chromium drops a finished animation a later one fully covers: it no longer holds anything to clear
      animation.addEventListener('remove', () => set.delete(entry));
      return animation.finished.then(() => true);
    } catch (e) {
      console.error('mini program view: this.animate could not play these keyframes', e);
      return Promise.resolve(false);
    }
  });
  return Promise.allSettled(runs).then((outcomes) => outcomes.every((o) => o.status === 'fulfilled' && o.value));
}

/** this.clearAnimation on one element: `names` taken back from every keyframe animation on it (null: all of them) */
export function clearKeyframes(element: Element, names: string[] | null): void {
  const set = played.get(element);
  if (!set) return;
  for (const entry of [...set]) {
    for (const name of names ?? []) entry.cleared.add(name);
    const keyframes = names === null ? [] : webKeyframes(entry.frames, entry.cleared);
    if (animatesSomething(keyframes)) {
      (entry.animation.effect as KeyframeEffect).setKeyframes(keyframes);
      continue;
    }
    entry.animation.cancel();
    set.delete(entry);
  }
}
