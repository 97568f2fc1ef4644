import type { RecordedElement } from './composed-backend';
import type { OpQueue } from './op-queue';
import type { ViewCalls } from './view-calls';
import { CanvasNode, type CanvasNodeDeps, type CanvasSurface } from './canvas-node';
import { ElementHandles } from './canvas-query';

/**
 * The Canvas node of each `<canvas type="2d">` a SelectorQuery asked for: the first query has the view hand
 * the canvas's drawing over (an OffscreenCanvas moved to this Worker); later ones get the same node.
 */
export class CanvasNodes {
  private readonly nodes = new WeakMap<RecordedElement, Promise<CanvasNode | null>>();

  constructor(
    private readonly views: ViewCalls,
    private readonly queue: OpQueue,
    private readonly deps: Pick<CanvasNodeDeps, 'reportError'> & {
      /** the CanvasContext of a legacy canvas (SelectorQuery `context`), by canvas-id in the page or component whose element is `scope` */
      legacyContext(canvasId: string, scope: number | undefined): unknown;
    },
  ) {}

  /**
   * The backend element's getContext: this element's handles for `node` (a type="2d" or "webgl" canvas) and
   * `context` (a legacy canvas: the CanvasContext for its canvas-id in the component it belongs to).
   */
  handles(element: RecordedElement, cb: (res: ElementHandles) => void): void {
    const wx = element.__wxElement;
    if (element.tag !== 'canvas' || !wx) return cb(new ElementHandles(null, null));
    const type = wx.getAttribute('type');
    if (typeof type !== 'string' || type === '') {
      const canvasId = wx.getAttribute('canvas-id');
      const host = wx.ownerShadowRoot?.getHostNode().getBackendElement() as { id?: unknown } | null | undefined;
      const scope = typeof host?.id === 'number' ? host.id : undefined;
      return cb(new ElementHandles(null, typeof canvasId === 'string' && canvasId ? this.deps.legacyContext(canvasId, scope) : null));
    }
    void this.nodeOf(element).then((node) => cb(new ElementHandles(node, null)));
  }

  private nodeOf(element: RecordedElement): Promise<CanvasNode | null> {
    const known = this.nodes.get(element);
    if (known) return known;
    const made = new Promise<CanvasNode | null>((resolve) => {
      // after the render batch that made the element: a query in onLoad must not overtake it
      this.queue.afterCommit(() => {
        void this.views.call('__canvasNode', { node: element.id }).then(({ ok, result }) => {
          if (!ok) {
            // a legacy canvas, or a type attribute not there yet: a later query asks again
            this.nodes.delete(element);
            return resolve(null);
          }
          resolve(new CanvasNode(result['canvas'] as CanvasSurface, { ...this.deps, loadImage: (src) => this.loadImage(src) }));
        });
      });
    });
    this.nodes.set(element, made);
    return made;
  }

  private async loadImage(src: string): Promise<{ bitmap: ImageBitmap; width: number; height: number }> {
    const { ok, result } = await this.views.call('__canvasImage', { src });
    if (!ok) throw new Error(result.errMsg);
    return { bitmap: result['bitmap'] as ImageBitmap, width: Number(result['width']), height: Number(result['height']) };
  }
}
