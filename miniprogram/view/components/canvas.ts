import { registerCanvasSurface } from '../canvas-surface';
import { defineBuiltin, truthy } from './registry';

/**
 * <canvas>: 300x150 px by default as in WeChat. `type="2d"` (or "webgl") is drawn by the logic layer: the
 * first SelectorQuery `node` hands the <canvas>'s drawing to an OffscreenCanvas in the Worker
 * (canvas-calls.ts), whose width/height are the drawing buffer while the element keeps its CSS size.
 * Without `type` it is the legacy canvas a CanvasContext draws on by `canvas-id`: its buffer follows the
 * element's CSS size times devicePixelRatio. Touches on it reach the page as WeChat's CanvasTouch
 * ({ identifier, x, y } relative to the canvas, see canvas-touch.ts). `disable-scroll`: a finger (or pen)
 * moving on it does not scroll the page.
 */
defineBuiltin({
  tag: 'canvas',
  create: (ctx) => {
    const element = document.createElement('wx-canvas');
    const canvas = document.createElement('canvas');
    element.append(canvas);
    let type = '';
    let canvasId = '';
    let handedOver = false;
    // the legacy canvas draws in CSS px on a buffer of CSS size x devicePixelRatio (canvas-draw.ts scales)
    const fitBuffer = () => {
      if (type !== '' || handedOver) return;
      const ratio = window.devicePixelRatio || 1;
      const width = Math.max(1, Math.round(element.clientWidth * ratio));
      const height = Math.max(1, Math.round(element.clientHeight * ratio));
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
    };
    new ResizeObserver(fitBuffer).observe(element);
    registerCanvasSurface(element, {
      canvas,
      type: () => type,
      canvasId: () => canvasId,
      fit: fitBuffer,
      takeOffscreen() {
        if (handedOver) return undefined;
        handedOver = true;
        return canvas.transferControlToOffscreen();
      },
      error: (errMsg) => void ctx.emit('error', { errMsg }),
    });
    return {
      element,
      set(name, value) {
        if (name === 'type') {
          type = typeof value === 'string' ? value : '';
          element.dataset['type'] = type;
          fitBuffer();
          return true;
        }
        if (name === 'canvas-id') {
          canvasId = typeof value === 'string' ? value : String(value ?? '');
          element.setAttribute('canvas-id', canvasId);
          return true;
        }
        if (name === 'disable-scroll') {
          element.toggleAttribute('data-disable-scroll', truthy(value));
          return true;
        }
        return false;
      },
    };
  },
});
