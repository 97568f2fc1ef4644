import { describe, expect, it } from 'vitest';
import type { ModuleFactory } from '../../../miniprogram/logic/bundle';
import { CanvasNode } from '../../../miniprogram/logic/canvas-node';
import type { ToView } from '../../../miniprogram/protocol';
import { settle, startApp } from './support/harness';

const page = (def: Record<string, unknown>): ModuleFactory => (_r, _m, _e, _wx, _A, Page) => (Page as (d: unknown) => void)(def);

type Query = { select(s: string): Ref; selectAll(s: string): Ref; exec(cb?: (res: unknown[]) => void): void };
type Ref = { fields(f: Record<string, unknown>, cb?: (r: unknown) => void): Query; node(cb?: (r: unknown) => void): Query; context(cb?: (r: unknown) => void): Query };

/** a page with a 2d canvas, a legacy canvas and a view; the fake view hands over a stand-in OffscreenCanvas once per node */
async function canvasPage() {
  const app = startApp({
    wxml: { 'pages/index/index': '<canvas type="2d" id="c2d" class="pad"/><canvas canvas-id="old" id="old" class="pad"/><view id="v"/>' },
    js: { 'pages/index/index.js': page({}) },
  });
  await settle();
  const handedOver: number[] = [];
  const answered = new Set<unknown>();
  /** answers the runtime's __canvasNode calls as the view does: a surface for the 2d canvas, a failure otherwise */
  const answer = async () => {
    for (let round = 0; round < 5; round++) {
      await settle();
      for (const m of app.view.others as ToView[]) {
        if (m.t !== 'viewCall' || m.api !== '__canvasNode' || answered.has(m)) continue;
        answered.add(m);
        const node = Number(m.params['node']);
        const is2d = node === app.view.findById('c2d');
        if (is2d) handedOver.push(node);
        app.runtime.receive(
          is2d
            ? { t: 'viewReply', id: m.id, ok: true, result: { canvas: { width: 300, height: 150, getContext: () => null }, errMsg: '__canvasNode:ok' } }
            : { t: 'viewReply', id: m.id, ok: false, result: { errMsg: '__canvasNode:fail not a 2d or webgl canvas' } },
        );
      }
    }
  };
  const query = () => (app.wx as unknown as { createSelectorQuery(): Query }).createSelectorQuery();
  const run = async (build: (q: Query) => Query) => {
    let result: unknown[] | undefined;
    build(query()).exec((res) => (result = res));
    await answer();
    return result;
  };
  return { app, run, handedOver };
}

describe('SelectorQuery node and context of canvases (logic/canvas-query.ts, canvas-nodes.ts)', () => {
  it('fields({ node: true }) gives a Canvas node of the drawing buffer\'s size; .node() gives the same node; the view hands the canvas over once', async () => {
    const { run, handedOver } = await canvasPage();
    const [first] = (await run((q) => q.select('#c2d').fields({ node: true, id: true }))) as Array<Record<string, unknown>>;
    expect(first).toEqual({ id: 'c2d', node: expect.any(CanvasNode) });
    expect((first!['node'] as CanvasNode).width).toBe(300);
    let fromCallback: unknown;
    const [second] = (await run((q) => q.select('#c2d').node((r) => (fromCallback = r)))) as Array<Record<string, unknown>>;
    expect(second).toEqual({ node: first!['node'] });
    expect(fromCallback).toBe(second);
    expect(handedOver).toHaveLength(1);
  });

  it('a legacy canvas and a view have node null; context() alone has no node field; selectAll answers each', async () => {
    const { run, handedOver } = await canvasPage();
    expect(await run((q) => q.select('#old').node())).toEqual([{ node: null }]);
    const [legacy] = (await run((q) => q.select('#old').context())) as Array<{ context: Record<string, unknown> }>;
    expect(legacy!.context).toMatchObject({ canvasId: 'old', draw: expect.any(Function), fillRect: expect.any(Function) });
    expect(await run((q) => q.select('#c2d').fields({ node: true, context: true }))).toEqual([{ node: expect.any(CanvasNode), context: null }]);
    expect(handedOver).toHaveLength(1);
    expect(await run((q) => q.select('#v').node())).toEqual([{ node: null }]);
    expect(await run((q) => q.select('#v').context())).toEqual([{ context: null }]);
    expect(await run((q) => q.select('#nothing').node())).toEqual([null]);
    const [all] = (await run((q) => q.selectAll('.pad').fields({ node: true }))) as Array<Array<Record<string, unknown>>>;
    expect(all!.map((r) => r['node'] instanceof CanvasNode)).toEqual([true, false]);
  });

  it("canIUse('canvas') is true", async () => {
    const { app } = await canvasPage();
    expect((app.wx as unknown as { canIUse(s: string): boolean }).canIUse('canvas')).toBe(true);
  });
});
