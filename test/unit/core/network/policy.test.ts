import { describe, expect, it } from 'vitest';
import { Manifest } from '../../../../core/contracts/app';
import { addressClass, addressRefusal } from '../../../../core/network/address-policy';
import { checkTarget } from '../../../../core/network/domain-policy';
import { createLoopbackOrigins } from '../../../../core/network/loopback-origins';
import { memoryStore } from '../../../support/memory-store';

const none = new Set<string>();
const verdict = (kind: Parameters<typeof checkTarget>[0], url: string, list: string[], allowed = none) => {
  const v = checkTarget(kind, url, { [kind]: list }, allowed);
  return v.ok ? 'ok' : v.reason;
};

describe("WeChat's server-domain rules", () => {
  it('an https domain without a port admits no written port, not even :443; with a port, only that port', () => {
    expect(verdict('request', 'https://api.example.com/v1', ['https://api.example.com'])).toBe('ok');
    expect(verdict('request', 'https://api.example.com:443/v1', ['https://api.example.com'])).toBe('url not in domain list');
    expect(verdict('request', 'https://api.example.com:8080/', ['https://api.example.com:8080'])).toBe('ok');
    expect(verdict('request', 'https://api.example.com/', ['https://api.example.com:8080'])).toBe('url not in domain list');
    expect(verdict('request', 'https://sub.api.example.com/', ['https://api.example.com'])).toBe('url not in domain list');
    // each kind has its own list
    expect(checkTarget('downloadFile', 'https://api.example.com/', { request: ['https://api.example.com'] }, none)).toEqual({ ok: false, reason: 'url not in domain list' });
  });

  it('a wss domain admits every port; ws/http only to a loopback origin the developer allowed', () => {
    expect(verdict('socket', 'wss://chat.example.com:9443/ws', ['wss://chat.example.com'])).toBe('ok');
    expect(verdict('socket', 'https://chat.example.com/ws', ['wss://chat.example.com'])).toBe('invalid url "https://chat.example.com/ws"');
    expect(verdict('request', 'http://127.0.0.1:4000/x', ['http://127.0.0.1'])).toBe('url not in domain list');
    expect(verdict('request', 'http://127.0.0.1:4000/x', ['http://127.0.0.1'], new Set(['http://127.0.0.1:4000']))).toBe('ok');
    expect(verdict('request', 'http://127.0.0.1:4001/x', ['http://127.0.0.1'], new Set(['http://127.0.0.1:4000']))).toBe('url not in domain list');
    expect(verdict('request', 'https://user:pw@api.example.com/', ['https://api.example.com'])).toBe('invalid url "https://user:pw@api.example.com/"');
  });

  it('the manifest refuses domains WeChat would not take, one message per bad entry', () => {
    const parse = (domains: unknown) => Manifest.safeParse({ appId: 'abc', name: 'A', version: '1.0.0', entry: 'index.html', domains });
    expect(parse({ request: ['https://api.example.com', 'http://127.0.0.1'], socket: ['wss://chat.example.com'] }).success).toBe(true);
    const bad = parse({ request: ['http://api.example.com', 'https://api.example.com/v1'], socket: ['https://x.example.com'], upload: [] });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'domains.request.0: "http://api.example.com": request domains must use https (http only for a loopback development server)',
        'domains.request.1: "https://api.example.com/v1" must be an origin only (no path, query or fragment), e.g. https://api.example.com',
        'domains.socket.0: "https://x.example.com": socket domains must use wss',
      ]),
    );
    expect(parse({ request: Array.from({ length: 21 }, (_, i) => `https://a${i}.example.com`) }).success).toBe(false);
  });
});

describe('address rules', () => {
  it('classifies every non-public range, IPv4-mapped IPv6 included', () => {
    expect(addressClass('127.0.0.1')).toBe('loopback');
    expect(addressClass('::ffff:127.0.0.1')).toBe('loopback');
    expect(addressClass('::1')).toBe('loopback');
    expect(addressClass('10.1.2.3')).toBe('private');
    expect(addressClass('172.20.0.1')).toBe('private');
    expect(addressClass('fd00::1')).toBe('private');
    expect(addressClass('169.254.169.254')).toBe('link-local');
    expect(addressClass('fe80::1')).toBe('link-local');
    expect(addressClass('100.64.0.1')).toBe('shared');
    expect(addressClass('0.0.0.0')).toBe('unspecified');
    expect(addressClass('224.0.0.1')).toBe('multicast');
    expect(addressClass('93.184.216.34')).toBeUndefined();
    expect(addressClass('2606:4700::1111')).toBeUndefined();
  });

  it('an allowed origin opens loopback and the LAN for that origin only; 0.0.0.0 and the shell stay closed', () => {
    const rules = { allowedOrigins: new Set(['http://127.0.0.1:4000']), hostPorts: new Set([5000]) };
    expect(addressRefusal('127.0.0.1', 4000, 'http://127.0.0.1:4000', rules)).toBeUndefined();
    expect(addressRefusal('127.0.0.1', 4001, 'http://127.0.0.1:4001', rules)).toBe('127.0.0.1 is a loopback address');
    expect(addressRefusal('0.0.0.0', 4000, 'http://127.0.0.1:4000', rules)).toBe('0.0.0.0 is an unspecified address');
    expect(addressRefusal('127.0.0.1', 5000, 'http://127.0.0.1:5000', { ...rules, allowedOrigins: new Set(['http://127.0.0.1:5000']) })).toBe('127.0.0.1:5000 is the shell itself');
    expect(addressRefusal('93.184.216.34', 443, 'https://example.com:443', rules)).toBeUndefined();
  });

  it('loopback grants: the developer list persists and only takes loopback origins; the run grants do not persist', () => {
    const store = memoryStore();
    const origins = createLoopbackOrigins(store);
    expect(origins.setDeveloperOrigins('abc', ['http://localhost:3000/', 'http://127.0.0.1:3000'])).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000']);
    expect(() => origins.setDeveloperOrigins('abc', ['https://example.com'])).toThrow('"https://example.com" is not a loopback origin');
    origins.allowForRun('abc', 'http://127.0.0.1:4444');
    expect([...origins.allowed('abc')].sort()).toEqual(['http://127.0.0.1:3000', 'http://127.0.0.1:4444', 'http://localhost:3000']);
    expect([...createLoopbackOrigins(store).allowed('abc')].sort()).toEqual(['http://127.0.0.1:3000', 'http://localhost:3000']);
    origins.forgetApp('abc');
    expect([...origins.allowed('abc')]).toEqual([]);
  });
});
