import { describe, expect, it, vi } from 'vitest';
import type { ModuleFactory } from '../../../miniprogram/logic/bundle';
import type { AudioStatus, ToView } from '../../../miniprogram/protocol';
import { settle, startApp } from './support/harness';

/**
 * wx.createInnerAudioContext, wx.setInnerAudioOption and wx.getBackgroundAudioManager in the logic layer:
 * which `__audio` view calls property writes and methods send, and how the view's reports (`t: 'audio'`)
 * reach the on* listeners with WeChat's arguments and current read-only properties.
 */

const page: ModuleFactory = (_r, _m, _e, _wx, _A, Page) => (Page as (d: unknown) => void)({});

type Audio = Record<string, unknown>;
/** a method of an audio object, called as package code would */
const m = (target: Audio, name: string) => (target[name] as (arg?: unknown) => void).bind(target);

function app(appJson: Record<string, unknown> = {}) {
  const started = startApp({ wxml: { 'pages/index/index': '<view>audio</view>' }, js: { 'pages/index/index.js': page }, ...(Object.keys(appJson).length ? { app: appJson } : {}) });
  const wx = started.wx as unknown as Record<string, (arg?: unknown) => unknown>;
  const create = () => wx['createInnerAudioContext']!() as Audio;
  const calls = () => started.view.others.flatMap((m: ToView) => (m.t === 'viewCall' && m.api === '__audio' ? [m.params] : []));
  const report = (player: unknown, event: string, status: Partial<AudioStatus> = {}, error?: { errCode: number; errMsg: string }) =>
    started.runtime.receive({ t: 'audio', player: player as number, event, status: { duration: 1.5, currentTime: 0, paused: true, buffered: 0, ...status }, ...(error ? { error } : {}) });
  return { ...started, wx, create, calls, report };
}

describe('wx.createInnerAudioContext', () => {
  it("has WeChat's defaults, and canIUse knows it", async () => {
    const { create, wx } = app();
    await settle();
    const ctx = create();
    expect({ src: ctx['src'], startTime: ctx['startTime'], autoplay: ctx['autoplay'], loop: ctx['loop'], obeyMuteSwitch: ctx['obeyMuteSwitch'], volume: ctx['volume'], playbackRate: ctx['playbackRate'] }).toEqual({
      src: '',
      startTime: 0,
      autoplay: false,
      loop: false,
      obeyMuteSwitch: true,
      volume: 1,
      playbackRate: 1,
    });
    expect({ duration: ctx['duration'], currentTime: ctx['currentTime'], paused: ctx['paused'], buffered: ctx['buffered'], referrerPolicy: ctx['referrerPolicy'] }).toEqual({ duration: 0, currentTime: 0, paused: true, buffered: 0, referrerPolicy: 'origin' });
    expect(wx['canIUse']!('createInnerAudioContext')).toBe(true);
    expect(wx['canIUse']!('getBackgroundAudioManager')).toBe(true);
    expect(wx['canIUse']!('setInnerAudioOption')).toBe(true);
  });

  it('sends each property as it is set and each method to its player; read-only properties ignore writes', async () => {
    const { create, calls } = app();
    await settle();
    const ctx = create();
    ctx['autoplay'] = true;
    ctx['src'] = '/media/tone.mp3';
    ctx['src'] = '/media/tone.mp3';
    ctx['loop'] = 1;
    ctx['volume'] = 3;
    ctx['playbackRate'] = 0.1;
    ctx['startTime'] = 0.5;
    ctx['duration'] = 99;
    ctx['paused'] = false;
    m(ctx, 'play')();
    m(ctx, 'pause')();
    m(ctx, 'seek')(1.25);
    ctx['currentTime'] = 0.75;
    m(ctx, 'stop')();
    const player = calls()[0]!['player'];
    expect(player).toBeTypeOf('number');
    expect(calls()).toEqual([
      { player, action: 'set', name: 'autoplay', value: true },
      // setting the same src again reloads nothing
      { player, action: 'src', src: '/media/tone.mp3' },
      { player, action: 'set', name: 'loop', value: true },
      // WeChat's ranges: volume 0-1, playbackRate 0.5-2.0
      { player, action: 'set', name: 'volume', value: 1 },
      { player, action: 'set', name: 'playbackRate', value: 0.5 },
      { player, action: 'set', name: 'startTime', value: 0.5 },
      { player, action: 'play' },
      { player, action: 'pause' },
      { player, action: 'seek', position: 1.25 },
      { player, action: 'seek', position: 0.75 },
      { player, action: 'stop' },
    ]);
    expect(ctx['duration']).toBe(0);
    expect(ctx['paused']).toBe(true);
    expect(ctx['src']).toBe('/media/tone.mp3');
  });

  it("the view's reports reach the listeners, with the read-only properties already current", async () => {
    const { create, calls, report } = app();
    await settle();
    const ctx = create();
    ctx['src'] = '/media/tone.mp3';
    const player = calls()[0]!['player'];
    const heard: Array<[string, unknown[], unknown]> = [];
    const listen = (method: string) => m(ctx, method)((...args: unknown[]) => heard.push([method, args, { currentTime: ctx['currentTime'], paused: ctx['paused'], duration: ctx['duration'], buffered: ctx['buffered'] }]));
    for (const m of ['onCanplay', 'onPlay', 'onPause', 'onStop', 'onEnded', 'onTimeUpdate', 'onWaiting', 'onSeeking', 'onSeeked']) listen(m);
    report(player, 'canplay', { buffered: 1.5 });
    report(player, 'play', { paused: false, buffered: 1.5 });
    report(player, 'timeupdate', { paused: false, currentTime: 0.1234567891, buffered: 1.5 });
    report(player, 'waiting', { paused: false, currentTime: 0.2 });
    report(player, 'seeking', { paused: false, currentTime: 1 });
    report(player, 'seeked', { paused: false, currentTime: 1 });
    report(player, 'pause', { currentTime: 1.1 });
    report(player, 'stop', { currentTime: 0 });
    report(player, 'ended', { currentTime: 1.5 });
    expect(heard).toEqual([
      ['onCanplay', [], { currentTime: 0, paused: true, duration: 1.5, buffered: 1.5 }],
      ['onPlay', [], { currentTime: 0, paused: false, duration: 1.5, buffered: 1.5 }],
      // six decimals, as WeChat keeps it
      ['onTimeUpdate', [], { currentTime: 0.123457, paused: false, duration: 1.5, buffered: 1.5 }],
      ['onWaiting', [], { currentTime: 0.2, paused: false, duration: 1.5, buffered: 0 }],
      ['onSeeking', [], { currentTime: 1, paused: false, duration: 1.5, buffered: 0 }],
      ['onSeeked', [], { currentTime: 1, paused: false, duration: 1.5, buffered: 0 }],
      ['onPause', [], { currentTime: 1.1, paused: true, duration: 1.5, buffered: 0 }],
      ['onStop', [], { currentTime: 0, paused: true, duration: 1.5, buffered: 0 }],
      ['onEnded', [], { currentTime: 1.5, paused: true, duration: 1.5, buffered: 0 }],
    ]);
  });

  it("onError gets { errMsg, errCode }, each listener its own copy; a throwing listener does not stop the next", async () => {
    const { create, calls, report, view } = app();
    await settle();
    const ctx = create();
    ctx['src'] = '/media/missing.mp3';
    const player = calls()[0]!['player'];
    const first = vi.fn((res: Record<string, unknown>) => {
      res['errCode'] = 0;
      throw new Error('listener bug');
    });
    const second = vi.fn();
    m(ctx, 'onError')(first);
    m(ctx, 'onError')(second);
    report(player, 'error', {}, { errCode: 10003, errMsg: 'file error: /media/missing.mp3 (HTTP 404)' });
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledWith({ errCode: 10003, errMsg: 'file error: /media/missing.mp3 (HTTP 404)' });
    expect(view.errors.map((e) => e.message)).toContain('listener bug');
    expect(() => m(ctx, 'onError')('not a function')).toThrow('InnerAudioContext.onError: listener must be a function');
  });

  it('off(listener) removes that listener, off() all of them', async () => {
    const { create, calls, report } = app();
    await settle();
    const ctx = create();
    m(ctx, 'play')();
    const player = calls()[0]!['player'];
    const a = vi.fn();
    const b = vi.fn();
    m(ctx, 'onPlay')(a);
    m(ctx, 'onPlay')(b);
    m(ctx, 'offPlay')(a);
    report(player, 'play', { paused: false });
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledTimes(1);
    m(ctx, 'offPlay')();
    report(player, 'play', { paused: false });
    expect(b).toHaveBeenCalledTimes(1);
  });

  it('two contexts are two players, each hearing only its own reports', async () => {
    const { create, calls, report } = app();
    await settle();
    const one = create();
    const two = create();
    one['src'] = '/a.mp3';
    two['src'] = '/b.mp3';
    const [p1, p2] = calls().map((c) => c['player']);
    expect(p1).not.toBe(p2);
    const heard: string[] = [];
    m(one, 'onPlay')(() => heard.push('one'));
    m(two, 'onPlay')(() => heard.push('two'));
    report(p2, 'play', { paused: false });
    expect(heard).toEqual(['two']);
    expect(one['paused']).toBe(true);
    expect(two['paused']).toBe(false);
  });

  it('destroy frees the player in the view; afterwards nothing is sent and nothing heard', async () => {
    const { create, calls, report } = app();
    await settle();
    const ctx = create();
    ctx['src'] = '/a.mp3';
    const player = calls()[0]!['player'];
    const played = vi.fn();
    m(ctx, 'onPlay')(played);
    m(ctx, 'destroy')();
    m(ctx, 'play')();
    ctx['volume'] = 0.5;
    report(player, 'play', { paused: false });
    expect(played).not.toHaveBeenCalled();
    expect(calls().map((c) => c['action'])).toEqual(['src', 'destroy']);
  });

  it('the app going to the background pauses what plays, unless app.json requiredBackgroundModes has "audio"', async () => {
    for (const [appJson, paused] of [[{}, true], [{ requiredBackgroundModes: ['audio'] }, false]] as const) {
      const { create, calls, report, host } = app(appJson);
      await settle();
      const playing = create();
      const idle = create();
      playing['src'] = '/a.mp3';
      idle['src'] = '/b.mp3';
      const [p1] = calls().map((c) => c['player']);
      report(p1, 'play', { paused: false });
      host.emit('appHide');
      const pauses = calls().filter((c) => c['action'] === 'pause');
      expect(pauses).toEqual(paused ? [{ player: p1, action: 'pause' }] : []);
    }
  });
});

describe('wx.setInnerAudioOption', () => {
  it("succeeds with WeChat's options and refuses a non-boolean", async () => {
    const { wx } = app();
    await settle();
    await expect(wx['setInnerAudioOption']!({ mixWithOther: false, obeyMuteSwitch: false, speakerOn: true })).resolves.toEqual({ errMsg: 'setInnerAudioOption:ok' });
    await expect(wx['setInnerAudioOption']!({ mixWithOther: 'yes' })).rejects.toEqual({ errMsg: 'setInnerAudioOption:fail parameter error: parameter.mixWithOther should be Boolean instead of String;' });
  });
});

describe('wx.getBackgroundAudioManager', () => {
  it('is one manager; a new src plays at once; metadata travels with the src', async () => {
    const { wx, calls } = app();
    await settle();
    const bam = wx['getBackgroundAudioManager']!() as Audio;
    expect(wx['getBackgroundAudioManager']!()).toBe(bam);
    expect({ src: bam['src'], protocol: bam['protocol'], playbackRate: bam['playbackRate'], paused: bam['paused'] }).toEqual({ src: '', protocol: 'http', playbackRate: 1, paused: true });
    bam['title'] = 'Tone';
    bam['singer'] = 'Sine';
    bam['epname'] = 'Tests';
    bam['coverImgUrl'] = '/cover.png';
    bam['startTime'] = 0.25;
    bam['src'] = '/media/tone.mp3';
    bam['src'] = '/media/tone.mp3';
    m(bam, 'seek')(1);
    m(bam, 'stop')();
    const player = calls()[0]!['player'];
    expect(calls()).toEqual([
      { player, action: 'set', name: 'startTime', value: 0.25 },
      { player, action: 'src', src: '/media/tone.mp3', metadata: { title: 'Tone', singer: 'Sine', epname: 'Tests', coverImgUrl: '/cover.png', webUrl: '' } },
      { player, action: 'play' },
      { player, action: 'seek', position: 1 },
      { player, action: 'stop' },
    ]);
  });

  it('a second listener for an event replaces the first (there is no off*); onNext/onPrev are accepted and never called', async () => {
    const { wx, calls, report } = app();
    await settle();
    const bam = wx['getBackgroundAudioManager']!() as Audio;
    bam['src'] = '/media/tone.mp3';
    const player = calls()[0]!['player'];
    const first = vi.fn();
    const second = vi.fn();
    const next = vi.fn();
    m(bam, 'onPlay')(first);
    m(bam, 'onPlay')(second);
    m(bam, 'onNext')(next);
    m(bam, 'onPrev')(next);
    report(player, 'play', { paused: false });
    report(player, 'ended', { currentTime: 1.5 });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    expect(next).not.toHaveBeenCalled();
    expect(bam['paused']).toBe(true);
    expect(bam['currentTime']).toBe(1.5);
    expect(bam['offPlay']).toBeUndefined();
  });
});
