import { describe, expect, it } from 'vitest';
import { createAnimation } from '../../../miniprogram/logic/animation';
import { runProject } from './support/run-project';
import { settle } from './support/harness';

const transition = (duration: number, timingFunction = 'linear', delay = 0) => ({ duration, timingFunction, delay });

describe('wx.createAnimation (logic/animation.ts)', () => {
  it('methods chain; step() closes a group; export() gives WeChat\'s { actions: [{ animates, option }] }', () => {
    const animation = createAnimation();
    expect(animation.translateX(100).opacity(0.5)).toBe(animation);
    expect(animation.step()).toBe(animation);
    animation.rotate(90).backgroundColor('#f00').step();
    expect(animation.export()).toEqual({
      actions: [
        {
          animates: [{ type: 'translateX', args: ['100px'] }, { type: 'style', args: ['opacity', 0.5] }],
          option: { transition: transition(400), transformOrigin: '50% 50% 0' },
        },
        {
          animates: [{ type: 'rotate', args: ['90deg'] }, { type: 'style', args: ['background-color', '#f00'] }],
          option: { transition: transition(400), transformOrigin: '50% 50% 0' },
        },
      ],
    });
  });

  it('createAnimation options are the defaults of every step; step options override them for that step only', () => {
    const animation = createAnimation({ duration: 1000, timingFunction: 'ease', delay: 50, transformOrigin: 'left top 0' });
    animation.scale(2).step({ duration: 200, timingFunction: 'ease-in' });
    animation.scale(1).step({ delay: 0, transformOrigin: '0 0' });
    animation.scale(3).step();
    const options = animation.export().actions.map((a) => a.option);
    expect(options).toEqual([
      { transition: transition(200, 'ease-in', 50), transformOrigin: 'left top 0' },
      { transition: transition(1000, 'ease', 0), transformOrigin: '0 0' },
      { transition: transition(1000, 'ease', 50), transformOrigin: 'left top 0' },
    ]);
  });

  it('options of the wrong type or out of range keep the defaults (duration 400, linear, no delay, centre)', () => {
    const animation = createAnimation({ duration: -5, timingFunction: 3, delay: 'soon' });
    animation.opacity(0).step({ duration: Number.NaN });
    expect(animation.export().actions[0]!.option).toEqual({ transition: transition(400), transformOrigin: '50% 50% 0' });
    expect(createAnimation('nonsense').step().export().actions[0]!.option.transition).toEqual(transition(400));
  });

  it('export() clears the steps it returned; what is not yet closed by step() waits for the next step', () => {
    const animation = createAnimation();
    animation.translateY(10).step();
    animation.opacity(0.2);
    expect(animation.export().actions).toHaveLength(1);
    expect(animation.export()).toEqual({ actions: [] });
    animation.step();
    expect(animation.export().actions.map((a) => a.animates)).toEqual([[{ type: 'style', args: ['opacity', 0.2] }]]);
  });

  it('numbers are px for lengths and deg for angles; strings keep their own unit (rpx becomes --wx-rpx); scale and matrix stay unitless', () => {
    const animation = createAnimation();
    animation
      .width(120).height('50%').top(0).left('2em').bottom(-3).right('10rpx')
      .translate(10).translate3d('1em', 2, 3).translateZ(4)
      .rotateX(30).rotate3d(1, 0, 0, 45).skew(10).skewY('0.5turn')
      .scale(2).scale3d(1, 2, 3).matrix(1, 0, 0, 1, 5)
      .step();
    const animates = animation.export().actions[0]!.animates;
    expect(animates).toEqual([
      { type: 'style', args: ['width', '120px'] },
      { type: 'style', args: ['height', '50%'] },
      { type: 'style', args: ['top', '0px'] },
      { type: 'style', args: ['left', '2em'] },
      { type: 'style', args: ['bottom', '-3px'] },
      { type: 'style', args: ['right', 'calc(10 * var(--wx-rpx))'] },
      { type: 'translate', args: ['10px', '0px'] },
      { type: 'translate3d', args: ['1em', '2px', '3px'] },
      { type: 'translateZ', args: ['4px'] },
      { type: 'rotateX', args: ['30deg'] },
      { type: 'rotate3d', args: [1, 0, 0, '45deg'] },
      { type: 'skew', args: ['10deg', '0deg'] },
      { type: 'skewY', args: ['0.5turn'] },
      { type: 'scale', args: [2, 2] },
      { type: 'scale3d', args: [1, 2, 3] },
      { type: 'matrix', args: [1, 0, 0, 1, 5, 0] },
    ]);
  });

  it('wx.createAnimation exists in a mini program, canIUse says so, and the export reaches the element\'s animation attribute', async () => {
    const app = await runProject({
      'pages/index/index.wxml': '<view id="box" animation="{{anim}}" bindtap="go">box</view>',
      'pages/index/index.js': [
        'Page({',
        '  data: { anim: {} },',
        '  go() {',
        '    const a = wx.createAnimation({ duration: 300 });',
        '    a.translateX(100).opacity(0.5).step({ duration: 200 }).rotate(90).step();',
        '    this.setData({ anim: a.export() });',
        '  },',
        '});',
      ].join('\n'),
    });
    await settle(20);
    expect(app.wx.canIUse!('createAnimation' as never)).toBe(true);
    app.tap('box');
    await settle(20);
    const box = app.view.nodes.get(app.view.findById('box')!)!;
    const data = box.attrs.get('animation') as { actions: Array<{ option: { transition: { duration: number } } }> };
    expect(data.actions.map((a) => a.option.transition.duration)).toEqual([200, 300]);
  });
});
