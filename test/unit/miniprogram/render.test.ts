import { describe, expect, test } from 'vitest';
import type { ModuleFactory } from '../../../miniprogram/logic/bundle';
import { Op } from '../../../miniprogram/protocol';
import { settle, startApp } from './support/harness';

type PageFn = (d: Record<string, unknown>) => void;
const page = (def: (wx: Record<string, unknown>) => Record<string, unknown>): ModuleFactory => (_r, _m, _e, wx, _A, Page) => (Page as PageFn)(def(wx as Record<string, unknown>));

describe('rendering and setData', () => {
  test('wx:for, wx:if/elif/else, hidden, text and attributes render and update', async () => {
    let instance: { setData(d: unknown, cb?: () => void): void } | undefined;
    const { view } = startApp({
      wxml: {
        'pages/index/index': `
<view id="list"><view wx:for="{{list}}" wx:key="name" class="item">{{index}}:{{item.name}}</view></view>
<view wx:if="{{n > 1}}">big</view><view wx:elif="{{n == 1}}">one</view><view wx:else>none</view>
<view hidden="{{hide}}" style="color: {{color}}">styled</view>`,
      },
      js: {
        'pages/index/index.js': page(() => ({
          data: { list: [{ name: 'a' }, { name: 'b' }], n: 1, hide: false, color: 'red' },
          onLoad() {
            instance = this as never;
          },
        })),
      },
    });
    await settle();
    expect(view.html()).toContain('<view class="item spagesindexindex--item">0:a</view><view class="item spagesindexindex--item">1:b</view>');
    expect(view.html()).toContain('<view>one</view>');
    expect(view.html()).toContain('style="color: red"');
    instance!.setData({ 'list[1].name': 'B', 'list[2]': { name: 'c' }, n: 5, color: 'blue' });
    await settle();
    expect(view.html()).toContain('1:B</view><view class="item spagesindexindex--item">2:c</view>');
    expect(view.html()).toContain('<view>big</view>');
    expect(view.html()).not.toContain('one');
    expect(view.html()).toContain('style="color: blue"');
  });

  test("setData's callback runs after the view committed the render, not before", async () => {
    let instance: { setData(d: unknown, cb?: () => void): void } | undefined;
    const { view } = startApp({
      wxml: { 'pages/index/index': '<view id="v">{{v}}</view>' },
      js: { 'pages/index/index.js': page(() => ({ data: { v: 1 }, onLoad() { instance = this as never; } })) },
    });
    await settle();
    view.autoCommit = false;
    const seen: string[] = [];
    instance!.setData({ v: 2 }, () => seen.push(`callback sees ${view.html()}`));
    await settle();
    expect(seen).toEqual([]);
    view.release();
    await settle();
    expect(seen).toEqual(['callback sees <page><view id="v">2</view></page>']);
  });

  test('one batch per microtask: many setData calls in one task reach the view as one message', async () => {
    let instance: { setData(d: unknown): void } | undefined;
    const { view } = startApp({
      wxml: { 'pages/index/index': '<view>{{a}}</view><view>{{b}}</view>' },
      js: { 'pages/index/index.js': page(() => ({ data: { a: 0, b: 0 }, onLoad() { instance = this as never; } })) },
    });
    await settle();
    const before = view.batches.length;
    for (let i = 1; i <= 50; i++) instance!.setData({ a: i, b: -i });
    await settle();
    expect(view.batches.length - before).toBe(1);
    expect(view.html()).toBe('<page><view>50</view><view>-50</view></page>');
  });
});

describe('events', () => {
  test('bindtap on a native node gets WeChat event fields; catchtap stops bubbling; mark is merged', async () => {
    const events: unknown[] = [];
    const { tap } = startApp({
      wxml: { 'pages/index/index': '<view id="outer" bindtap="outer" mark:zone="top"><view id="inner" data-item-id="{{7}}" bind:tap="inner" mark:row="{{3}}">x</view><view id="stop" catchtap="inner">y</view></view>' },
      js: {
        'pages/index/index.js': page(() => ({
          inner(e: Record<string, unknown>) {
            const t = e['target'] as { id: string; dataset: unknown };
            const c = e['currentTarget'] as { id: string; dataset: unknown };
            events.push({ handler: 'inner', type: e['type'], timeStamp: typeof e['timeStamp'], target: { id: t.id, dataset: t.dataset }, currentTarget: { id: c.id, dataset: c.dataset }, detail: e['detail'], mark: e['mark'], touches: e['touches'], changedTouches: (e['changedTouches'] as unknown[]).length });
          },
          outer(e: Record<string, unknown>) {
            events.push({ handler: 'outer', target: (e['target'] as { id: string }).id, currentTarget: (e['currentTarget'] as { id: string }).id });
          },
        })),
      },
    });
    await settle();
    tap('inner');
    expect(events).toEqual([
      {
        handler: 'inner',
        type: 'tap',
        timeStamp: 'number',
        target: { id: 'inner', dataset: { itemId: 7 } },
        currentTarget: { id: 'inner', dataset: { itemId: 7 } },
        detail: { x: 10, y: 20 },
        mark: { row: 3, zone: 'top' },
        touches: [{ identifier: 0, pageX: 10, pageY: 20, clientX: 10, clientY: 20, force: 1 }],
        changedTouches: 1,
      },
      { handler: 'outer', target: 'inner', currentTarget: 'outer' },
    ]);
    events.length = 0;
    tap('stop');
    expect(events.map((e) => (e as { handler: string }).handler)).toEqual(['inner']);
  });

  test('the view learns which nodes listen for which events', async () => {
    const { view } = startApp({
      wxml: { 'pages/index/index': '<view id="a" bindtap="f" bind:longpress="f">x</view>' },
      js: { 'pages/index/index.js': page(() => ({ f() {} })) },
    });
    await settle();
    const listens = view.batches.flat().filter((op) => op[0] === Op.listen).map((op) => op[2]);
    expect(listens.sort()).toEqual(['longpress', 'tap']);
  });
});

describe('components', () => {
  test('Component options.styleIsolation / addGlobalClass in JS take app.wxss classes, as the .json field does', async () => {
    const withOptions = (options: Record<string, unknown>): ModuleFactory => (_r, _m, _e, _wx, _A, _P, Component) => (Component as PageFn)({ options });
    const { view } = startApp({
      wxml: {
        'pages/index/index': '<shared /><global-class /><plain />',
        'components/shared/shared': '<view class="card">a</view>',
        'components/global-class/global-class': '<view class="card">b</view>',
        'components/plain/plain': '<view class="card">c</view>',
      },
      json: {
        'pages/index/index': { usingComponents: { shared: '/components/shared/shared', 'global-class': '/components/global-class/global-class', plain: '/components/plain/plain' } },
        'components/shared/shared': { component: true },
        'components/global-class/global-class': { component: true },
        'components/plain/plain': { component: true },
      },
      js: {
        'pages/index/index.js': page(() => ({})),
        'components/shared/shared.js': withOptions({ styleIsolation: 'apply-shared' }),
        'components/global-class/global-class.js': withOptions({ addGlobalClass: true }),
        'components/plain/plain.js': withOptions({}),
      },
    });
    await settle();
    expect(view.html()).toBe(
      '<page><shared><view class="card scomponentssharedshared--card">a</view></shared>' +
        '<global-class><view class="card scomponentsglobalclassglobalclass--card">b</view></global-class>' +
        '<plain><view class="scomponentsplainplain--card">c</view></plain></page>',
    );
  });

  test("app.json usingComponents are global: a page and a component use them undeclared, a local name wins", async () => {
    const component = (): ModuleFactory => (_r, _m, _e, _wx, _A, _P, Component) => (Component as PageFn)({ properties: { n: { type: Number, value: 0 } } });
    const { view } = startApp({
      app: { pages: ['pages/index/index'], usingComponents: { badge: '/components/badge/badge', card: '/components/card/card' } },
      wxml: {
        'pages/index/index': '<badge n="{{1}}" /><card />',
        'components/badge/badge': '<view>badge {{n}}</view>',
        'components/card/card': '<view>card</view><badge n="{{2}}" />',
        'components/local/local': '<view>local badge</view>',
      },
      json: {
        'pages/index/index': {},
        'components/badge/badge': { component: true },
        'components/card/card': { component: true, usingComponents: { badge: '/components/local/local' } },
        'components/local/local': { component: true },
      },
      js: {
        'pages/index/index.js': page(() => ({})),
        'components/badge/badge.js': component(),
        'components/card/card.js': component(),
        'components/local/local.js': component(),
      },
    });
    await settle();
    expect(view.html()).toBe('<page><badge><view>badge 1</view></badge><card><view>card</view><badge><view>local badge</view></badge></card></page>');
  });

  test('properties, observers, lifetimes, pageLifetimes, triggerEvent, selectComponent, scoped classes', async () => {
    const log: string[] = [];
    let pageInstance: Record<string, (...a: unknown[]) => unknown> | undefined;
    const { view, tap, wx } = startApp({
      app: { pages: ['pages/index/index', 'pages/other/other'] },
      wxml: {
        'pages/index/index': '<counter id="c" class="box" start="{{5}}" bind:change="onChange" />',
        'pages/other/other': '<view>other</view>',
        'components/counter/counter': '<view id="btn" class="num" bindtap="inc">{{count}}</view>',
      },
      json: {
        'pages/index/index': { usingComponents: { counter: '/components/counter/counter' } },
        'components/counter/counter': { component: true },
      },
      js: {
        'pages/index/index.js': page(() => ({
          onLoad() {
            pageInstance = this as never;
          },
          onChange(e: { detail: unknown }) {
            log.push(`page got change ${JSON.stringify(e.detail)}`);
          },
        })),
        'pages/other/other.js': page(() => ({})),
        'components/counter/counter.js': (_r, _m, _e, _wx, _A, _P, Component) =>
          (Component as PageFn)({
            properties: { start: { type: Number, value: 0 } },
            data: { count: 0 },
            observers: {
              start(v: number) {
                (this as unknown as { setData(d: unknown): void }).setData({ count: v });
              },
            },
            lifetimes: { attached: () => log.push('attached') },
            pageLifetimes: { show: () => log.push('pageLifetimes.show'), hide: () => log.push('pageLifetimes.hide') },
            methods: {
              inc(this: { data: { count: number }; setData(d: unknown): void; triggerEvent(n: string, d: unknown): void }) {
                this.setData({ count: this.data.count + 1 });
                this.triggerEvent('change', { count: this.data.count });
              },
              peek(this: { data: { count: number } }) {
                return this.data.count;
              },
            },
          }),
      },
    });
    await settle();
    expect(view.html()).toBe('<page><counter id="c" class="box spagesindexindex--box"><view id="btn" class="scomponentscountercounter--num">5</view></counter></page>');
    tap('btn');
    await settle();
    expect(view.html()).toContain('>6</view>');
    expect(log).toContain('page got change {"count":6}');
    expect((pageInstance!.selectComponent!('#c') as { peek(): number }).peek()).toBe(6);
    expect(pageInstance!.selectAllComponents!('.box')).toHaveLength(1);
    await wx.navigateTo({ url: '/pages/other/other' });
    expect(log.filter((l) => l.startsWith('attached') || l.startsWith('pageLifetimes'))).toEqual(['attached', 'pageLifetimes.show', 'pageLifetimes.hide']);
  });
});
