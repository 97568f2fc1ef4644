import { describe, expect, it } from 'vitest';
import { appOrigin, classifyHost, originIs, shellOrigin } from '../../../web/origins';

describe('which origin a Host header names', () => {
  it('knows the shell, the loopback server API and each app origin', () => {
    expect(classifyHost('localhost:7300', 7300)).toEqual({ kind: 'shell' });
    expect(classifyHost('127.0.0.1:7300', 7300)).toEqual({ kind: 'loopback' });
    expect(classifyHost('Shop.LocalHost:7300', 7300)).toEqual({ kind: 'app', label: 'shop' });
    expect(classifyHost('game-shop.localhost:7300', 7300)).toEqual({ kind: 'app', label: 'game-shop' });
  });

  it('refuses names a DNS-rebinding page would arrive with, other ports and missing hosts', () => {
    for (const host of ['evil.test:7300', 'localhost.evil.test:7300', 'localhost:7301', 'localhost', 'a.b.localhost:7300', '0.0.0.0:7300', '[::1]:7300', 'x.localhost:7300']) {
      expect(classifyHost(host, 7300).kind, host).toBe('foreign');
    }
    expect(classifyHost(undefined, 7300)).toEqual({ kind: 'foreign', why: 'the request has no Host header' });
  });

  it('compares Origin exactly, never by prefix', () => {
    expect(originIs('http://localhost:7300', shellOrigin(7300))).toBe(true);
    expect(originIs('http://localhost:7300.evil.test', shellOrigin(7300))).toBe(false);
    expect(originIs('http://shop.localhost:7300', shellOrigin(7300))).toBe(false);
    expect(originIs(undefined, shellOrigin(7300))).toBe(false);
    expect(appOrigin('MyApp', 7300)).toBe('http://myapp.localhost:7300');
  });
});
