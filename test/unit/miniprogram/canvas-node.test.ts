import { describe, expect, it, vi } from 'vitest';
import { inflateSync } from 'node:zlib';
import { CanvasNode, surfaceOfNode, type DecodedImage } from '../../../miniprogram/logic/canvas-node';
import { exportArea } from '../../../miniprogram/logic/canvas-apis';
import { settle } from './support/harness';

/** an OffscreenCanvas stand-in: a 2d context recording drawImage's arguments and giving fixed pixels */
function fakeSurface(width = 300, height = 150) {
  const drawn: unknown[][] = [];
  const context = {
    drawImage(...args: unknown[]) {
      drawn.push(args);
    },
    createPattern(...args: unknown[]) {
      drawn.push(['pattern', ...args]);
      return {};
    },
    getImageData: (_x: number, _y: number, w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4).fill(200) }),
  };
  const surface = { width, height, getContext: (type: string) => (type === '2d' ? context : null) };
  return { surface, context, drawn };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const bitmap = (name: string) => ({ name, close: vi.fn() }) as unknown as DecodedImage['bitmap'];

describe('the Canvas node of <canvas type="2d"> (logic/canvas-node.ts)', () => {
  it('width and height are the drawing buffer\'s: read and set through the surface (whole, not negative)', () => {
    const { surface } = fakeSurface();
    const node = new CanvasNode(surface as never, { loadImage: vi.fn(), reportError: vi.fn() });
    expect([node.width, node.height]).toEqual([300, 150]);
    node.width = 400.7;
    node.height = -3;
    expect([surface.width, surface.height]).toEqual([400, 0]);
    expect(surfaceOfNode(node)).toBe(surface);
    expect(surfaceOfNode({})).toBeUndefined();
  });

  it("getContext('2d') is the surface's context, the same each time; an unknown type is null with a warning", () => {
    const { surface, context } = fakeSurface();
    const node = new CanvasNode(surface as never, { loadImage: vi.fn(), reportError: vi.fn() });
    expect(node.getContext('2d')).toBe(context);
    expect(node.getContext('2d')).toBe(context);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(node.getContext('bitmaprenderer')).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('createImage: src loads through the view; onload sees the natural size; drawImage and createPattern take the Image and another node', async () => {
    const { surface, drawn } = fakeSurface();
    const loads: string[] = [];
    const loadImage = (src: string) => {
      loads.push(src);
      return Promise.resolve({ bitmap: bitmap('green'), width: 16, height: 8 });
    };
    const node = new CanvasNode(surface as never, { loadImage, reportError: vi.fn() });
    const other = new CanvasNode(fakeSurface().surface as never, { loadImage, reportError: vi.fn() });
    const ctx = node.getContext('2d') as { drawImage(...a: unknown[]): void; createPattern(...a: unknown[]): unknown };
    const image = node.createImage();
    const seen: unknown[] = [];
    image.onload = function (this: unknown) {
      seen.push([this === image, image.width, image.height, image.complete]);
      ctx.drawImage(image, 1, 2, 3, 4);
    };
    image.src = '/images/green.png';
    expect([image.src, image.complete]).toEqual(['/images/green.png', false]);
    await settle();
    expect(loads).toEqual(['/images/green.png']);
    expect(seen).toEqual([[true, 16, 8, true]]);
    ctx.createPattern(image, 'repeat');
    ctx.drawImage(other, 0, 0);
    expect(drawn).toEqual([[{ name: 'green', close: expect.any(Function) }, 1, 2, 3, 4], ['pattern', expect.objectContaining({ name: 'green' }), 'repeat'], [surfaceOfNode(other), 0, 0]]);
  });

  it('the last src set wins (an earlier load finishing later is dropped and freed); a failure calls onerror with an errMsg', async () => {
    const first = deferred<DecodedImage>();
    const second = deferred<DecodedImage>();
    const pending = [first, second];
    const node = new CanvasNode(fakeSurface().surface as never, { loadImage: () => pending.shift()!.promise, reportError: vi.fn() });
    const image = node.createImage();
    const loaded: number[] = [];
    image.onload = () => loaded.push(image.width);
    image.src = 'a.png';
    image.src = 'b.png';
    const late = bitmap('a');
    second.resolve({ bitmap: bitmap('b'), width: 2, height: 2 });
    await settle();
    first.resolve({ bitmap: late, width: 1, height: 1 });
    await settle();
    expect(loaded).toEqual([2]);
    expect(late.close).toHaveBeenCalled();

    const broken = new CanvasNode(fakeSurface().surface as never, { loadImage: () => Promise.reject(new Error('404')), reportError: vi.fn() }).createImage();
    const errors: unknown[] = [];
    broken.onerror = (e) => errors.push(e);
    broken.src = 'missing.png';
    await settle();
    expect(errors).toEqual([{ type: 'error', errMsg: 'createImage: could not load missing.png' }]);
  });

  it("a throw in the package's onload is reported as its error, not lost", async () => {
    const reportError = vi.fn();
    const image = new CanvasNode(fakeSurface().surface as never, { loadImage: () => Promise.resolve({ bitmap: bitmap('x'), width: 1, height: 1 }), reportError }).createImage();
    image.onload = () => {
      throw new Error('boom');
    };
    image.src = 'x.png';
    await settle();
    expect(reportError).toHaveBeenCalledWith(new Error('boom'));
  });

  it('toDataURL is synchronous: a PNG of the pixels getImageData gives; "data:," for an empty canvas', () => {
    const { surface } = fakeSurface(4, 3);
    const node = new CanvasNode(surface as never, { loadImage: vi.fn(), reportError: vi.fn() });
    const url = node.toDataURL('image/jpeg', 0.5);
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    const png = Buffer.from(url.split(',')[1]!, 'base64');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([4, 3]);
    const idat = png.subarray(8 + 25 + 8, 8 + 25 + 8 + png.readUInt32BE(8 + 25));
    expect(Array.from(inflateSync(idat).subarray(0, 6))).toEqual([0, 200, 200, 200, 200, 200]);
    node.width = 0;
    expect(node.toDataURL()).toBe('data:,');
  });

  it('requestAnimationFrame calls back with a time; cancelAnimationFrame stops a frame not yet run', async () => {
    const node = new CanvasNode(fakeSurface().surface as never, { loadImage: vi.fn(), reportError: vi.fn() });
    const times: number[] = [];
    node.requestAnimationFrame((t) => times.push(t));
    const cancelled = node.requestAnimationFrame(() => times.push(-1));
    node.cancelAnimationFrame(cancelled);
    await new Promise((r) => setTimeout(r, 40));
    expect(times).toHaveLength(1);
    expect(times[0]).toBeGreaterThan(0);
  });
});

describe('canvasToTempFilePath\'s area for a 2d canvas (logic/canvas-apis.ts)', () => {
  it('defaults: the whole buffer at its own size as png; the rest of the canvas from x, y; dest sizes scale the region', () => {
    expect(exportArea({}, 400, 200)).toEqual({ x: 0, y: 0, width: 400, height: 200, destWidth: 400, destHeight: 200, type: 'image/png', quality: 1 });
    expect(exportArea({ x: 100, y: 50 }, 400, 200)).toMatchObject({ width: 300, height: 150, destWidth: 300, destHeight: 150 });
    expect(exportArea({ x: 0, y: 0, width: 100, height: 100, destWidth: 50, destHeight: 50.4, fileType: 'jpg', quality: 0.8 }, 400, 200)).toEqual({
      x: 0, y: 0, width: 100, height: 100, destWidth: 50, destHeight: 50, type: 'image/jpeg', quality: 0.8,
    });
  });

  it('quality outside (0, 1] is 1.0; an unknown fileType is png', () => {
    expect(exportArea({ fileType: 'jpg', quality: 0 }, 10, 10).quality).toBe(1);
    expect(exportArea({ fileType: 'jpg', quality: 1.5 }, 10, 10).quality).toBe(1);
    expect(exportArea({ fileType: 'webp' }, 10, 10).type).toBe('image/png');
  });
});
