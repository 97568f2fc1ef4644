/**
 * What the view keeps of each <canvas> for the logic layer's requests (canvas-calls.ts): the drawing surface,
 * its type and canvas-id, and its error event. Keyed by the component's element (wx-canvas).
 */
export interface CanvasSurface {
  /** the <canvas> inside wx-canvas */
  readonly canvas: HTMLCanvasElement;
  /** the `type` attribute: '2d', 'webgl', or '' for the legacy canvas (canvas-id + createCanvasContext) */
  type(): string;
  canvasId(): string;
  /**
   * The drawing handed over to an OffscreenCanvas, for the Worker: possible once per canvas (the browser's
   * rule), so a second request gets undefined.
   */
  takeOffscreen(): OffscreenCanvas | undefined;
  /** a legacy canvas's buffer to its CSS size x devicePixelRatio now (before a draw; resizing clears it) */
  fit(): void;
  /** binderror, with WeChat's detail { errMsg } */
  error(errMsg: string): void;
}

const surfaces = new WeakMap<Element, CanvasSurface>();

export function registerCanvasSurface(element: Element, surface: CanvasSurface): void {
  surfaces.set(element, surface);
}

export function canvasSurfaceOf(node: Node | null | undefined): CanvasSurface | undefined {
  return node instanceof Element ? surfaces.get(node) : undefined;
}
