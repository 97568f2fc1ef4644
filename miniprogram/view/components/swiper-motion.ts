/**
 * The geometry and timing of a swiper, without the DOM: where each item sits for a track position, and the
 * easing curves WeChat's `easing-function` names. Positions are in items: 2.5 means halfway from item 2
 * to item 3; a circular swiper's position may run past either end and every item is placed at the slot
 * nearest to the window, so the last item's neighbour is the first in both directions.
 */
export interface SwiperGeometry {
  count: number;
  /** display-multiple-items */
  shown: number;
  circular: boolean;
}

export const mod = (a: number, n: number) => ((a % n) + n) % n;

/**
 * The slot (in items, 0 = the first shown place) of item `index` at track position `position`. For a
 * circular swiper with enough items, slots are wrapped into a range centred on the window, so items
 * jump from one side to the other only while out of sight.
 */
export function slotOf(index: number, position: number, g: SwiperGeometry): number {
  const slot = index - position;
  if (!g.circular || g.count <= g.shown) return slot;
  const lowest = -Math.floor((g.count - g.shown) / 2);
  return mod(slot - lowest, g.count) + lowest;
}

/** the highest `current` a swiper can rest on: the last full window when not circular */
export function lastIndex(g: SwiperGeometry): number {
  return g.circular ? g.count - 1 : Math.max(0, g.count - g.shown);
}

/** WeChat's easing-function values; "default" is WeChat's unnamed default, an ease-out */
export const EASINGS: Record<string, (t: number) => number> = {
  default: (t) => 1 - (1 - t) * (1 - t),
  linear: (t) => t,
  easeInCubic: (t) => t * t * t,
  easeOutCubic: (t) => 1 - (1 - t) ** 3,
  easeInOutCubic: (t) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2),
};
