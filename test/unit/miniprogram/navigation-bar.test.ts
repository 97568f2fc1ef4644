import { describe, expect, it, vi } from 'vitest';
import { NavBarLayers, nextStamp, NO_ANIMATION, type NavBarAttributes } from '../../../miniprogram/view/chrome/nav-bar-layers';
import { colorAnimation, windowFieldChange } from '../../../miniprogram/view/components/navigation-bar-attrs';
import type { ModuleFactory } from '../../../miniprogram/logic/bundle';
import { Op, type PageWindow, type ToView } from '../../../miniprogram/protocol';
import { settle, startApp } from './support/harness';

const JSON_WINDOW: PageWindow = {
  navigationBarTitleText: 'From json',
  navigationBarBackgroundColor: '#000000',
  navigationBarTextStyle: 'white',
  navigationStyle: 'default',
  backgroundColor: '#ffffff',
  enablePullDownRefresh: false,
  onReachBottomDistance: 50,
};

/** what a <navigation-bar> would send now, its fields stamped in the order given */
const attributes = (fields: Partial<Record<'navigationBarTitleText' | 'navigationBarBackgroundColor' | 'navigationBarTextStyle' | 'navigationBarLoading', unknown>>): NavBarAttributes => ({
  fields: Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, { value, stamp: nextStamp() }])),
  animation: NO_ANIMATION,
});

describe('a page navigation bar with a <navigation-bar> and the navigation bar APIs', () => {
  it('shows the attributes over the json window, and the json where no attribute is set', () => {
    const layers = new NavBarLayers(JSON_WINDOW);
    layers.setAttributes(attributes({ navigationBarTitleText: 'Bound', navigationBarLoading: true }));
    expect(layers.merged).toMatchObject({ navigationBarTitleText: 'Bound', navigationBarLoading: true, navigationBarBackgroundColor: '#000000' });
  });

  it('an API call after the attribute wins until the attribute changes again', () => {
    const layers = new NavBarLayers(JSON_WINDOW);
    const first = attributes({ navigationBarTitleText: 'Bound' });
    layers.setAttributes(first);
    layers.setWindow({ ...JSON_WINDOW, navigationBarTitleText: 'API' }, ['navigationBarTitleText']);
    expect(layers.merged.navigationBarTitleText).toBe('API');
    // the same attributes again (a re-render that does not change the title) keep the API's title
    layers.setAttributes({ ...first });
    expect(layers.merged.navigationBarTitleText).toBe('API');
    layers.setAttributes(attributes({ navigationBarTitleText: 'Bound again' }));
    expect(layers.merged.navigationBarTitleText).toBe('Bound again');
  });

  it('an API call sets only its own fields; a window sent without any (page shown) overrides nothing', () => {
    const layers = new NavBarLayers(JSON_WINDOW);
    layers.setAttributes(attributes({ navigationBarTitleText: 'Bound', navigationBarBackgroundColor: '#dc2626' }));
    layers.setWindow({ ...JSON_WINDOW, navigationBarLoading: true }, ['navigationBarLoading']);
    layers.setWindow({ ...JSON_WINDOW, navigationBarLoading: true, canGoBack: true });
    expect(layers.merged).toMatchObject({ navigationBarTitleText: 'Bound', navigationBarBackgroundColor: '#dc2626', navigationBarLoading: true, canGoBack: true });
  });

  it('an attribute stamped before an API call that arrives first still loses to it', () => {
    const layers = new NavBarLayers(JSON_WINDOW);
    const early = attributes({ navigationBarTitleText: 'Bound' });
    layers.setWindow({ ...JSON_WINDOW, navigationBarTitleText: 'API' }, ['navigationBarTitleText']);
    layers.setAttributes(early);
    expect(layers.merged.navigationBarTitleText).toBe('API');
  });

  it('an attribute that is unset gives the field back to the window', () => {
    const layers = new NavBarLayers(JSON_WINDOW);
    layers.setAttributes(attributes({ navigationBarTitleText: 'Bound' }));
    layers.setAttributes(attributes({}));
    expect(layers.merged.navigationBarTitleText).toBe('From json');
  });
});

describe("<navigation-bar>'s attributes", () => {
  it('title and loading as the window fields', () => {
    expect(windowFieldChange('title', 'Orders')).toEqual({ field: 'navigationBarTitleText', value: 'Orders' });
    expect(windowFieldChange('title', 42)).toEqual({ field: 'navigationBarTitleText', value: '42' });
    expect(windowFieldChange('title', undefined)).toEqual({ field: 'navigationBarTitleText', value: undefined });
    expect(windowFieldChange('loading', true)).toEqual({ field: 'navigationBarLoading', value: true });
    expect(windowFieldChange('loading', 'false')).toEqual({ field: 'navigationBarLoading', value: false });
  });

  it('front-color is only #ffffff or #000000, background-color only a hex colour', () => {
    expect(windowFieldChange('front-color', '#ffffff')).toEqual({ field: 'navigationBarTextStyle', value: 'white' });
    expect(windowFieldChange('front-color', '#000000')).toEqual({ field: 'navigationBarTextStyle', value: 'black' });
    expect(windowFieldChange('front-color', '#ff0000')).toEqual({ invalid: 'front-color "#ff0000" is not #ffffff or #000000' });
    expect(windowFieldChange('background-color', '#DC2626')).toEqual({ field: 'navigationBarBackgroundColor', value: '#DC2626' });
    expect(windowFieldChange('background-color', '#fff')).toEqual({ field: 'navigationBarBackgroundColor', value: '#fff' });
    expect(windowFieldChange('background-color', 'red')).toEqual({ invalid: 'background-color "red" is not a hexadecimal colour' });
    expect(windowFieldChange('class', 'x')).toBeNull();
  });

  it('color-animation-duration defaults to 0 and color-animation-timing-func to linear', () => {
    expect(colorAnimation(undefined, undefined)).toEqual({ duration: 0, easing: 'linear' });
    expect(colorAnimation('2000', 'easeIn')).toEqual({ duration: 2000, easing: 'ease-in' });
    expect(colorAnimation(300, 'easeInOut')).toEqual({ duration: 300, easing: 'ease-in-out' });
    expect(colorAnimation(-5, 'bounce')).toEqual({ duration: 0, easing: 'linear' });
  });
});

describe('the navigation bar APIs tell the view which fields they set', () => {
  const page = (def: Record<string, unknown>): ModuleFactory => (_r, _m, _e, _wx, _A, Page) => (Page as (d: unknown) => void)(def);

  it('setNavigationBarTitle, setNavigationBarColor and show/hideNavigationBarLoading', async () => {
    const { wx, view } = startApp({ wxml: { 'pages/index/index': '<view/>' }, js: { 'pages/index/index.js': page({}) } });
    await settle();
    const received = vi.spyOn(view, 'receive');
    await wx.setNavigationBarTitle!({ title: 'Orders' });
    await wx.setNavigationBarColor!({ frontColor: '#ffffff', backgroundColor: '#2f7bf5' });
    await wx.showNavigationBarLoading!({});
    await wx.hideNavigationBarLoading!({});
    await settle();
    const sets = received.mock.calls
      .map(([message]: [ToView]) => message)
      .flatMap((message) => (message.t === 'render' ? message.ops.filter((op) => op[0] === Op.pageWindow).map((op) => op[3]) : []));
    expect(sets).toEqual([['navigationBarTitleText'], ['navigationBarTextStyle', 'navigationBarBackgroundColor'], ['navigationBarLoading'], ['navigationBarLoading']]);
  });
});
