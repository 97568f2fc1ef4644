/** What the Electron host needs to place the native app view: the stage rectangle, or nothing. */
export interface StageBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RectLike {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * A full-page panel or an empty stage reports a zero-size viewport so the host hides the native view
 * (it is drawn above the page and would otherwise cover the panel).
 */
export function stageBounds(rect: RectLike, stageVisible: boolean): StageBounds {
  const x = Math.round(rect.left);
  const y = Math.round(rect.top);
  if (!stageVisible) return { x, y, width: 0, height: 0 };
  return { x, y, width: Math.max(0, Math.round(rect.width)), height: Math.max(0, Math.round(rect.height)) };
}

export function sameBounds(a: StageBounds | undefined, b: StageBounds): boolean {
  return !!a && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
