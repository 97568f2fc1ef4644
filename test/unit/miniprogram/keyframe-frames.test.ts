import { describe, expect, it } from 'vitest';
import { clearedNames, toFrames } from '../../../miniprogram/logic/keyframe-frames';
import { webKeyframes } from '../../../miniprogram/view/keyframe-player';
import type { ModuleFactory } from '../../../miniprogram/logic/bundle';
import { settle, startApp } from './support/harness';

describe("this.animate's keyframes -> frames (logic/keyframe-frames.ts)", () => {
  it('style fields keep their names; lengths get px, angles deg, as wx.createAnimation; ease is the easing (default linear)', () => {
    expect(toFrames([{ opacity: 0.5, width: 100, left: '10%', backgroundColor: '#f00', transformOrigin: '0 0', ease: 'ease-in', offset: 0.25 }])).toEqual([
      { offset: 0.25, easing: 'ease-in', styles: { opacity: '0.5', width: '100px', left: '10%', backgroundColor: '#f00', transformOrigin: '0 0' }, transforms: [] },
    ]);
    expect(toFrames([{ top: '20rpx' }])[0]!.styles['top']).toBe('calc(20 * var(--wx-rpx))');
  });

  it('transform fields become CSS functions in the order the keyframe names them; array fields take WeChat\'s arrays', () => {
    const [frame] = toFrames([{ translateX: 40, rotate: 90, scale: [2, 3], skew: [10], translate3d: [1, '2em', 3], rotate3d: [0, 0, 1, 45], matrix: [2, 0, 0, 2, 5, 6] }]);
    expect(frame!.transforms).toEqual([
      ['translateX', 'translateX(40px)'],
      ['rotate', 'rotate(90deg)'],
      ['scale', 'scale(2, 3)'],
      ['skew', 'skew(10deg, 0deg)'],
      ['translate3d', 'translate3d(1px, 2em, 3px)'],
      ['rotate3d', 'rotate3d(0, 0, 1, 45deg)'],
      ['matrix', 'matrix(2, 0, 0, 2, 5, 6)'],
    ]);
    // a single scale value scales both axes; a short matrix keeps the identity's other cells
    expect(toFrames([{ scale: [1.5], matrix3d: [2] }])[0]!.transforms).toEqual([
      ['scale', 'scale(1.5, 1.5)'],
      ['matrix3d', 'matrix3d(2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)'],
    ]);
  });

  it('fields WeChat does not document, non-object keyframes and unusable values are left out; bad offsets are spaced evenly', () => {
    expect(toFrames([{ color: 'red', opacity: true, rotate: null, offset: 2 }, 'x', null, { offset: 0.5 }, { offset: 0.2 }])).toEqual([
      { offset: null, easing: 'linear', styles: {}, transforms: [] },
      { offset: 0.5, easing: 'linear', styles: {}, transforms: [] },
      // before an earlier offset: Web Animations would refuse the whole animation
      { offset: null, easing: 'linear', styles: {}, transforms: [] },
    ]);
    expect(toFrames('nope')).toEqual([]);
  });

  it("clearAnimation's options: the names set to true; left out means all (null)", () => {
    expect(clearedNames({ opacity: true, rotate: true, width: false, color: true })).toEqual(['opacity', 'rotate']);
    expect(clearedNames(undefined)).toBeNull();
    expect(clearedNames({})).toEqual([]);
  });
});

describe('frames -> Web Animations keyframes (view/keyframe-player.ts)', () => {
  const frames = toFrames([
    { opacity: 1, translateX: 0, rotate: 0 },
    { opacity: 0.4, translateX: 100, rotate: 90, backgroundColor: '#0f0', ease: 'ease-out', offset: 1 },
  ]);

  it('one Keyframe per frame: styles as they are, the transform functions joined into one transform', () => {
    expect(webKeyframes(frames)).toEqual([
      { easing: 'linear', opacity: '1', transform: 'translateX(0px) rotate(0deg)' },
      { easing: 'ease-out', offset: 1, opacity: '0.4', backgroundColor: '#0f0', transform: 'translateX(100px) rotate(90deg)' },
    ]);
  });

  it('cleared names drop out: a cleared transform function leaves the others in the transform', () => {
    expect(webKeyframes(frames, new Set(['opacity', 'rotate']))).toEqual([
      { easing: 'linear', transform: 'translateX(0px)' },
      { easing: 'ease-out', offset: 1, backgroundColor: '#0f0', transform: 'translateX(100px)' },
    ]);
  });

  it('what the logic layer sent is checked: unknown properties and transform functions are not played', () => {
    const forged = [{ offset: null, easing: 'linear', styles: { color: 'red', opacity: '0' }, transforms: [['perspective', 'perspective(1px)'] as [string, string]] }];
    expect(webKeyframes(forged)).toEqual([{ easing: 'linear', opacity: '0' }]);
  });
});

describe('this.animate / this.clearAnimation through the runtime', () => {
  const define = (kind: 'Page' | 'Component', def: Record<string, unknown>): ModuleFactory => (_r, _m, _e, _wx, _A, Page, Component) => ((kind === 'Page' ? Page : Component) as (d: unknown) => void)(def);

  it('a component resolves the selector in its own tree; the view gets the node ids, the frames and the duration', async () => {
    let callbackRuns = 0;
    const { runtime, view } = startApp({
      wxml: { 'pages/index/index': '<view id="outer" class="dot"/><spot id="spot"/>', 'components/spot/spot': '<view id="inner" class="dot"/>' },
      json: { 'pages/index/index': { usingComponents: { spot: '/components/spot/spot' } }, 'components/spot/spot': { component: true } },
      js: {
        'pages/index/index.js': define('Page', {
          onReady(this: { selectComponent(s: string): { go(): void } }) {
            this.selectComponent('#spot').go();
          },
        }),
        'components/spot/spot.js': define('Component', {
          methods: {
            go(this: { animate: (...a: unknown[]) => void }) {
              this.animate('.dot', [{ opacity: 0 }, { opacity: 1 }], 300, () => callbackRuns++);
            },
          },
        }),
      },
    });
    await settle();
    const calls = view.others.filter((m) => m.t === 'viewCall' && m.api === '__keyframes') as Array<{ id: number; params: Record<string, unknown> }>;
    expect(calls).toHaveLength(1);
    expect(calls[0]!.params).toEqual({ nodes: [view.findById('inner')], frames: toFrames([{ opacity: 0 }, { opacity: 1 }]), duration: 300 });
    expect(callbackRuns).toBe(0);
    runtime.receive({ t: 'viewReply', id: calls[0]!.id, ok: true, result: { finished: true, errMsg: '__keyframes:ok' } });
    await settle();
    expect(callbackRuns).toBe(1);
  });

  it("clearAnimation sends the option names (null for all) and calls back once the view has cleared; a cancelled animation's callback never runs", async () => {
    const log: string[] = [];
    const { runtime, view, tap } = startApp({
      wxml: { 'pages/index/index': '<view id="box" bindtap="go"/>' },
      js: {
        'pages/index/index.js': define('Page', {
          go(this: { animate: (...a: unknown[]) => void; clearAnimation: (...a: unknown[]) => void }) {
            this.animate('#box', [{ rotate: 90 }], 1000, () => log.push('animated'));
            this.clearAnimation('#box', { rotate: true }, () => log.push('cleared rotate'));
            this.clearAnimation('#box', () => log.push('cleared all'));
          },
        }),
      },
    });
    await settle();
    tap('box');
    await settle();
    const calls = view.others.filter((m) => m.t === 'viewCall') as Array<{ id: number; api: string; params: Record<string, unknown> }>;
    expect(calls.map((c) => [c.api, c.params['properties']])).toEqual([
      ['__keyframes', undefined],
      ['__clearKeyframes', ['rotate']],
      ['__clearKeyframes', null],
    ]);
    for (const c of calls) runtime.receive({ t: 'viewReply', id: c.id, ok: true, result: { finished: false, errMsg: `${c.api}:ok` } });
    await settle();
    expect(log).toEqual(['cleared rotate', 'cleared all']);
  });
});
