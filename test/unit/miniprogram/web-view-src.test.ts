import { describe, expect, it } from 'vitest';
import { judgeWebViewSrc } from '../../../miniprogram/view/components/web-view-src';
import { asPlainData, MAX_MESSAGE_CHARS } from '../../../miniprogram/view/components/web-view-messages';

const APP = 'http://wxshop.localhost:7300';

describe('which src a <web-view> may show', () => {
  it('admits https pages anywhere, with the full URL it will load', () => {
    expect(judgeWebViewSrc('https://shop.example.com/sale?id=7#top', APP)).toEqual({ ok: true, href: 'https://shop.example.com/sale?id=7#top', origin: 'https://shop.example.com' });
  });

  it('admits plain http only on a loopback host (the page policy then decides which loopback origins)', () => {
    expect(judgeWebViewSrc('http://127.0.0.1:3000/h5', APP)).toMatchObject({ ok: true, origin: 'http://127.0.0.1:3000' });
    expect(judgeWebViewSrc('http://localhost:3000/', APP)).toMatchObject({ ok: true, origin: 'http://localhost:3000' });
    expect(judgeWebViewSrc('http://[::1]:3000/', APP)).toMatchObject({ ok: true });
    expect(judgeWebViewSrc('http://example.com/promo', APP)).toEqual({ ok: false, fullUrl: 'http://example.com/promo' });
    expect(judgeWebViewSrc('http://192.168.1.2/', APP)).toMatchObject({ ok: false });
  });

  it('refuses the app itself and other apps of the shell, whose frame could lift its own sandbox', () => {
    expect(judgeWebViewSrc(`${APP}/pages/index/index`, APP)).toMatchObject({ ok: false });
    expect(judgeWebViewSrc('http://wxother.localhost:7300/', APP)).toMatchObject({ ok: false });
    expect(judgeWebViewSrc('superapp://wxshop/', 'superapp://wxshop')).toMatchObject({ ok: false });
  });

  it('refuses other schemes, package paths and URLs hiding their host behind a user name', () => {
    for (const src of ['javascript:alert(1)', 'data:text/html,<p>x</p>', 'file:///etc/passwd', 'blob:https://a.com/1', 'ftp://a.com/']) {
      expect(judgeWebViewSrc(src, APP)).toMatchObject({ ok: false });
    }
    expect(judgeWebViewSrc('/pages/h5/index.html', APP)).toEqual({ ok: false, fullUrl: '/pages/h5/index.html' });
    expect(judgeWebViewSrc('https://shop.example.com@evil.example/', APP)).toEqual({ ok: false, fullUrl: 'https://shop.example.com@evil.example/' });
  });
});

describe('what a web-view message carries to the logic layer', () => {
  it('keeps JSON data as it was posted', () => {
    expect(asPlainData({ cart: ['tea'], n: 2, ok: true, none: null })).toEqual({ data: { cart: ['tea'], n: 2, ok: true, none: null } });
    expect(asPlainData('hello')).toEqual({ data: 'hello' });
  });

  it('drops what cannot travel as JSON, and floods', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(asPlainData(cyclic)).toBeUndefined();
    expect(asPlainData(undefined)).toBeUndefined();
    expect(asPlainData(10n)).toBeUndefined();
    expect(asPlainData('x'.repeat(MAX_MESSAGE_CHARS))).toBeUndefined();
  });
});
