import { describe, expect, it } from 'vitest';
import type { ViewHost, ViewLaunch } from '../../../../core/contracts/services';
import { manifest, tempDir, writePackage } from '../../../support/packages';
import { testRuntime } from '../../../support/test-runtime';

async function setup() {
  const launches: Array<ViewLaunch | undefined> = [];
  const viewHost: ViewHost = { open: (id, _app, _caller, launch) => (launches.push(launch), { url: `view:${id}` }), show() {}, hide() {}, close() {}, send() {} };
  const { runtime, events } = await testRuntime({ viewHost });
  const pkg = await writePackage(await tempDir(), {
    'manifest.json': JSON.stringify(manifest({ appId: 'shop', name: 'Shop', permissions: { openApi: [], customApi: [] } })),
    'index.html': '',
  });
  await runtime.service.handle('install', { source: pkg });
  return { runtime, events, launches };
}

const exception = { kind: 'exception', at: 1_700_000_000_000, message: 'Error: boom', where: 'pages/a/a.js:3:9', stack: 'Error: boom\n    at tap (pages/a/a.js:3:9)', route: 'pages/a/a' };
const stack = { kind: 'pageStack', at: 1_700_000_000_001, pages: [{ route: 'pages/a/a', query: { id: '7' } }] };

describe('runtime: inspector reports from a view', () => {
  it('attributes a frame to the view the transport names, keeps it, and pushes it to the shell UI', async () => {
    const { runtime, events } = await setup();
    const view = (await runtime.service.handle('launch', { appId: 'shop' })) as { viewId: number };
    // an appId inside the frame is data, nothing more
    expect(runtime.reportFromView(view.viewId, { v: 1, devtools: [{ ...exception, appId: 'someone-else' }, stack] })).toEqual({ ok: true });
    const pushed = events.filter((e) => e.type === 'devtools' || e.type === 'pageStack');
    expect(pushed).toEqual([
      { type: 'devtools', records: [{ seq: 1, appId: 'shop', webViewId: view.viewId, report: exception }] },
      { type: 'pageStack', stack: { appId: 'shop', webViewId: view.viewId, at: stack.at, pages: stack.pages } },
    ]);
    expect(await runtime.service.handle('listDevtools', {})).toEqual({
      records: [{ seq: 1, appId: 'shop', webViewId: view.viewId, report: exception }],
      stacks: [{ appId: 'shop', webViewId: view.viewId, at: stack.at, pages: stack.pages }],
    });
  });

  it('refuses a malformed frame or a closed view, saying why; clearing keeps the page stacks; closing the view drops its stack', async () => {
    const { runtime } = await setup();
    const view = (await runtime.service.handle('launch', { appId: 'shop' })) as { viewId: number };
    expect(runtime.reportFromView(view.viewId, { v: 1, devtools: [{ kind: 'nonsense', at: 1 }] })).toMatchObject({ ok: false, problem: expect.stringContaining('devtools.0.kind') });
    expect(runtime.reportFromView(view.viewId, { v: 1, devtools: [{ ...exception, message: 'x'.repeat(5000) }] })).toMatchObject({ ok: false, problem: expect.stringContaining('devtools.0.message') });
    expect(runtime.reportFromView(99, { v: 1, devtools: [stack] })).toEqual({ ok: false, problem: 'the view is closed' });
    runtime.reportFromView(view.viewId, { v: 1, devtools: [exception, stack] });
    await runtime.service.handle('clearDevtools', {});
    expect(await runtime.service.handle('listDevtools', {})).toMatchObject({ records: [], stacks: [{ webViewId: view.viewId }] });
    await runtime.service.handle('close', { viewId: view.viewId });
    expect(await runtime.service.handle('listDevtools', {})).toEqual({ records: [], stacks: [] });
  });

  it('a launch with a path hands it to the view host', async () => {
    const { runtime, launches } = await setup();
    await runtime.service.handle('launch', { appId: 'shop', path: 'pages/gone/gone?a=1' });
    expect(launches).toEqual([{ path: 'pages/gone/gone?a=1' }]);
  });
});
