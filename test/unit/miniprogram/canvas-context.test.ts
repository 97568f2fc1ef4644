import { describe, expect, it, vi } from 'vitest';
import { createCanvasContext, type CanvasAction } from '../../../miniprogram/logic/canvas-context';
import { settle } from './support/harness';

function recorder() {
  const draws: Array<{ canvasId: string; actions: CanvasAction[]; reserve: boolean }> = [];
  const owner = {
    draw: vi.fn(async (canvasId: string, actions: CanvasAction[], reserve: boolean) => void draws.push({ canvasId, actions, reserve })),
    measure: (font: string, text: string) => font.length + text.length,
    reportError: vi.fn(),
  };
  return { draws, owner };
}

describe('wx.createCanvasContext\'s CanvasContext (logic/canvas-context.ts)', () => {
  it('records calls in order and draw() sends them once: set* as properties, gradients as descriptions, drawImage with its path', async () => {
    const { draws, owner } = recorder();
    const ctx = createCanvasContext('sketch', owner) as Record<string, (...a: unknown[]) => unknown>;
    ctx['setFillStyle']!('red');
    ctx['fillRect']!(10, 10, 50, '40');
    const grd = ctx['createCircularGradient']!(75, 50, 50) as { addColorStop(s: number, c: string): void };
    grd.addColorStop(0, 'red');
    grd.addColorStop(1, 'white');
    ctx['setStrokeStyle']!(grd);
    ctx['arc']!(100, 75, 50, 0, 2 * Math.PI, true);
    ctx['fill']!('evenodd');
    ctx['drawImage']!('/images/a.png', 0, 0, 20, 20);
    ctx['setShadow']!(2, 3, 4, '#000');
    ctx['setLineDash']!([4, 2], 1);
    ctx['fillText']!('hi', 1, 2);
    (ctx as { draw(r?: boolean, cb?: () => void): void }).draw();
    expect(draws).toEqual([
      {
        canvasId: 'sketch',
        reserve: false,
        actions: [
          { set: 'fillStyle', value: 'red' },
          { method: 'fillRect', args: [10, 10, 50, 40] },
          { set: 'strokeStyle', value: { gradient: 'radial', args: [75, 50, 0, 75, 50, 50], stops: [[0, 'red'], [1, 'white']] } },
          { method: 'arc', args: [100, 75, 50, 0, 2 * Math.PI, true] },
          { method: 'fill', args: ['evenodd'] },
          { method: 'drawImage', args: ['/images/a.png', 0, 0, 20, 20] },
          { set: 'shadowOffsetX', value: 2 },
          { set: 'shadowOffsetY', value: 3 },
          { set: 'shadowBlur', value: 4 },
          { set: 'shadowColor', value: '#000' },
          { method: 'setLineDash', args: [[4, 2]] },
          { set: 'lineDashOffset', value: 1 },
          { method: 'fillText', args: ['hi', 1, 2] },
        ],
      },
    ]);
    (ctx as { draw(r?: boolean): void }).draw(true);
    expect(draws[1]).toEqual({ canvasId: 'sketch', reserve: true, actions: [] });
  });

  it('properties read back what was set; setFontSize keeps the family; measureText measures with the current font', () => {
    const { draws, owner } = recorder();
    const ctx = createCanvasContext('c', owner) as Record<string, unknown> & { setFontSize(n: number): void; measureText(t: string): { width: number }; draw(): void };
    expect(ctx['font']).toBe('10px sans-serif');
    ctx['font'] = 'bold 14px serif';
    ctx.setFontSize(20);
    expect(ctx['font']).toBe('20px serif'); // WeChat's setFontSize: the size, with the font's family
    ctx['lineWidth'] = 3;
    ctx['globalAlpha'] = 0.5;
    expect([ctx['lineWidth'], ctx['globalAlpha']]).toEqual([3, 0.5]);
    expect(ctx.measureText('abc')).toEqual({ width: '20px serif'.length + 3 });
    ctx.draw();
    expect(draws[0]!.actions).toEqual([
      { set: 'font', value: 'bold 14px serif' },
      { set: 'font', value: '20px serif' },
      { set: 'lineWidth', value: 3 },
      { set: 'globalAlpha', value: 0.5 },
    ]);
  });

  it("draw's callback runs once the view drew; a throw in it is reported as the package's error", async () => {
    const { owner } = recorder();
    const ctx = createCanvasContext('c', owner) as { draw(r?: boolean, cb?: () => void): void };
    const order: string[] = [];
    ctx.draw(false, () => order.push('drawn'));
    order.push('after draw()');
    await settle();
    expect(order).toEqual(['after draw()', 'drawn']);
    ctx.draw(false, () => {
      throw new Error('oops');
    });
    await settle();
    expect(owner.reportError).toHaveBeenCalledWith(new Error('oops'));
  });
});
