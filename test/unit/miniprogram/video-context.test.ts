import { describe, expect, it, vi } from 'vitest';
import type { ModuleFactory } from '../../../miniprogram/logic/bundle';
import type { ToView } from '../../../miniprogram/protocol';
import { settle, startApp } from './support/harness';

/**
 * wx.createVideoContext in the logic layer: which `__video` view calls each VideoContext method sends, and to
 * which node (the page's <video id>, or the one inside the component passed as the second argument).
 */

const page = (def: Record<string, unknown>): ModuleFactory => (_r, _m, _e, _wx, _A, Page) => (Page as (d: unknown) => void)(def);
const component: ModuleFactory = (_r, _m, _e, _wx, _A, _P, Component) => (Component as (d: unknown) => void)({});

type Ctx = Record<string, (arg?: unknown) => void>;

function videoCalls(others: ToView[]): Array<Record<string, unknown>> {
  return others.flatMap((m) => (m.t === 'viewCall' && m.api === '__video' ? [m.params] : []));
}

function app(wxml: string) {
  const started = startApp({
    wxml: { 'pages/index/index': wxml, 'components/player/player': '<video id="v" src="/inner.webm" />' },
    json: { 'pages/index/index': { usingComponents: { player: '/components/player/player' } }, 'components/player/player': { component: true } },
    js: { 'pages/index/index.js': page({ data: { show: false } }), 'components/player/player.js': component },
  });
  const createVideoContext = started.wx['createVideoContext'] as unknown as (id: string, component?: unknown) => Ctx;
  return { ...started, createVideoContext };
}

describe('wx.createVideoContext', () => {
  it("sends each method to the page's <video> with WeChat's arguments; the status bar methods send nothing", async () => {
    const { view, createVideoContext } = app('<video id="v" src="/a.webm" />');
    await settle();
    const ctx = createVideoContext('v');
    ctx['play']!();
    ctx['pause']!();
    ctx['stop']!();
    ctx['seek']!(1.5);
    ctx['playbackRate']!(1.25);
    ctx['requestFullScreen']!({ direction: 90 });
    ctx['requestFullScreen']!();
    ctx['exitFullScreen']!();
    ctx['sendDanmu']!({ text: 'hello', color: '#ff0000' });
    ctx['showStatusBar']!();
    ctx['hideStatusBar']!();
    const node = view.findById('v');
    expect(node).toBeTypeOf('number');
    expect(videoCalls(view.others)).toEqual([
      { node, method: 'play' },
      { node, method: 'pause' },
      { node, method: 'stop' },
      { node, method: 'seek', position: 1.5 },
      { node, method: 'playbackRate', rate: 1.25 },
      { node, method: 'requestFullScreen', direction: 90 },
      { node, method: 'requestFullScreen' },
      { node, method: 'exitFullScreen' },
      { node, method: 'sendDanmu', danmu: { text: 'hello', color: '#ff0000' } },
    ]);
  });

  it('with a component, finds the <video> inside that component, not the page one with the same id', async () => {
    const { view, runtime, createVideoContext } = app('<video id="v" src="/a.webm" /><player id="p" />');
    await settle();
    const instance = runtime.router.top()!.instance as { selectComponent(selector: string): unknown };
    const inner = instance.selectComponent('#p');
    expect(inner).toBeTruthy();
    createVideoContext('v', inner)['play']!();
    createVideoContext('v', instance)['pause']!();
    const [innerCall, pageCall] = videoCalls(view.others);
    expect(pageCall).toEqual({ node: view.findById('v'), method: 'pause' });
    expect(innerCall!['method']).toBe('play');
    expect(innerCall!['node']).not.toBe(pageCall!['node']);
    expect(view.nodes.get(innerCall!['node'] as number)?.attrs.get('src')).toBe('/inner.webm');
  });

  it('reaches a <video> drawn in the same task: the render batch that creates it goes to the view first', async () => {
    const { view, runtime, createVideoContext } = app('<video wx:if="{{show}}" id="late" src="/a.webm" />');
    await settle();
    const order: string[] = [];
    const receive = view.receive;
    view.receive = (m) => {
      order.push(m.t === 'viewCall' ? m.api : m.t);
      receive(m);
    };
    const ctx = createVideoContext('late');
    (runtime.router.top()!.instance as { setData(d: unknown): void }).setData({ show: true });
    ctx['play']!();
    await settle();
    expect(order.slice(0, 2)).toEqual(['render', '__video']);
    expect(videoCalls(view.others)).toEqual([{ node: view.findById('late'), method: 'play' }]);
  });

  it('does nothing (a console warning) when the id is missing or is not a <video>', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const { view, createVideoContext } = app('<view id="box" />');
      await settle();
      createVideoContext('box')['play']!();
      createVideoContext('nothing')['seek']!(3);
      expect(videoCalls(view.others)).toEqual([]);
      expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
        'VideoContext.play: there is no <video id="box"> in this page',
        'VideoContext.seek: there is no <video id="nothing"> in this page',
      ]);
    } finally {
      warn.mockRestore();
    }
  });
});
