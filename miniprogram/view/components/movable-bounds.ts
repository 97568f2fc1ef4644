/**
 * Where a movable-view may be, without the DOM. The view scales about its centre, so its drawn box starts
 * (size - size * scale) / 2 after its x; a view smaller than the area stays inside it, a view scaled larger
 * than the area must keep covering it (WeChat's rule for both).
 */
export function axisRange(area: number, size: number, scale: number): [min: number, max: number] {
  const drawn = size * scale;
  const shift = (size - drawn) / 2;
  const low = Math.min(0, area - drawn);
  const high = Math.max(0, area - drawn);
  return [low - shift, high - shift];
}

export function clamp(value: number, [min, max]: [number, number]): number {
  return Math.min(max, Math.max(min, value));
}

/** how far past an edge a drag may take an out-of-bounds view: it follows the mouse at a third */
export function resist(value: number, [min, max]: [number, number]): number {
  if (value < min) return min + (value - min) / 3;
  if (value > max) return max + (value - max) / 3;
  return value;
}
