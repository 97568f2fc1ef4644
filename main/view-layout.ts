import type { Rectangle } from 'electron';

/** Where mini program views go, in CSS pixels of the shell page (what the shell UI measures and sends). */
export interface Viewport {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * CSS pixels of the shell page -> window coordinates (DIP) for a child view. The shell view fills the
 * window from `shellOrigin`; its zoom factor scales CSS pixels; the result is clipped to the window so a
 * stale viewport (sent before a shrink) never pushes a view outside. Undefined = nothing to show.
 */
export function viewportToBounds(viewport: Viewport | undefined, zoomFactor: number, content: { width: number; height: number }): Rectangle | undefined {
  if (!viewport) return undefined;
  const zoom = Number.isFinite(zoomFactor) && zoomFactor > 0 ? zoomFactor : 1;
  const x = clamp(Math.round(viewport.x * zoom), 0, content.width);
  const y = clamp(Math.round(viewport.y * zoom), 0, content.height);
  const right = clamp(Math.round((viewport.x + viewport.width) * zoom), x, content.width);
  const bottom = clamp(Math.round((viewport.y + viewport.height) * zoom), y, content.height);
  const bounds = { x, y, width: right - x, height: bottom - y };
  return bounds.width > 0 && bounds.height > 0 ? bounds : undefined;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}
