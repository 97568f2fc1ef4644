import { describe, expect, it } from 'vitest';
import { miniProgramCsp, webViewLoopbackOrigins } from '../../../../core/catalog/page-policy';
import { createAppProtocolHandler } from '../../../../main/app-protocol';
import { memoryLogger } from '../../../../main/logger';
import { appPageCsp } from '../../../../web/app-pages';

/** The frame part of the page policy both hosts send: which pages a <web-view> may show. */
function directive(csp: string, name: string): string[] {
  const found = csp.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name);
  return found ? found.slice(1) : [];
}

describe('page policy for <web-view>', () => {
  it('lets frames show the package and https pages, never plain http by default', () => {
    const csp = miniProgramCsp({ connect: [], frameAncestors: "'none'" });
    expect(directive(csp, 'frame-src')).toEqual(["'self'", 'https:']);
  });

  it('adds the loopback servers the app may reach, and nothing else', () => {
    const csp = miniProgramCsp({ connect: [], frameAncestors: "'none'", webViewOrigins: ['http://127.0.0.1:3000'] });
    expect(directive(csp, 'frame-src')).toEqual(["'self'", 'https:', 'http://127.0.0.1:3000']);
  });

  it('takes of the allowed loopback origins only http(s) servers that are neither an app page nor the shell', () => {
    const allowed = ['http://127.0.0.1:3000', 'ws://127.0.0.1:3000', 'https://localhost:8443', 'http://localhost:7300', 'http://wxother.localhost:7301', 'not a url'];
    expect(webViewLoopbackOrigins(allowed, new Set([7300]))).toEqual(['http://127.0.0.1:3000', 'https://localhost:8443']);
  });

  it('browser host: an app page frames the loopback origins allowed for that app, never the host port', () => {
    const csp = appPageCsp('wxshop', 7300, new Set(['http://127.0.0.1:3000', 'http://127.0.0.1:7300']));
    expect(directive(csp, 'frame-src')).toEqual(["'self'", 'https:', 'http://127.0.0.1:3000']);
    expect(directive(appPageCsp('wxshop', 7300), 'frame-src')).toEqual(["'self'", 'https:']);
  });

  it('desktop host: the app protocol reads the allowed origins per response, so a newly allowed server counts on the next load', async () => {
    let allowed: string[] = [];
    const handler = createAppProtocolHandler({
      appId: 'Shop',
      resolveFile: async () => undefined,
      entry: () => undefined,
      storageMirror: () => ({}),
      webViewOrigins: () => allowed,
      log: memoryLogger(),
    });
    // the storage mirror script, which every page loads, carries the page policy like every served file
    const mirror = async () => directive((await handler(new Request('superapp://shop/__superapp__/storage-mirror.js'))).headers.get('content-security-policy') ?? '', 'frame-src');
    expect(await mirror()).toEqual(["'self'", 'https:']);
    allowed = ['http://127.0.0.1:3000'];
    expect(await mirror()).toEqual(["'self'", 'https:', 'http://127.0.0.1:3000']);
  });
});
