import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../core/contracts/errors';
import type { MiniApiCall } from '../../../core/contracts/integrator';
import { demoPlugins } from '../../../core/demo-plugins';

const callFrom = (appId: string, apiName: string, data: Record<string, unknown> = {}): MiniApiCall => ({
  appInfo: { appId, name: appId, version: '1.0.0', developerId: 'dev' },
  apiName,
  webViewId: 3,
  params: { stateEvent: 'requestCustomApi', api_name: apiName, data, webviewId: 3 },
});

describe('demo custom APIs', () => {
  it('echo returns exactly the MiniApiCall it received, as a copy', async () => {
    const call = callFrom('shop', 'echo', { hello: 'world' });
    const result = await demoPlugins().echo!(call);
    expect(result).toEqual(call);
    expect(result).not.toBe(call);
  });

  it('systemInfo reports the machine', async () => {
    const info = (await demoPlugins().systemInfo!(callFrom('shop', 'systemInfo'))) as Record<string, unknown>;
    expect(info.platform).toBe(process.platform);
    expect(info.cpus).toBeGreaterThan(0);
    expect(info.totalMemoryMB).toBeGreaterThan(0);
  });

  it('keeps notes per app: one app never sees another\'s', async () => {
    const plugins = demoPlugins();
    await plugins['notes.add']!(callFrom('a', 'notes.add', { text: ' buy tea ' }));
    expect(await plugins['notes.add']!(callFrom('a', 'notes.add', { text: 'call mum' }))).toMatchObject({ count: 2 });
    const own = (await plugins['notes.list']!(callFrom('a', 'notes.list'))) as { notes: Array<{ text: string }> };
    expect(own.notes.map((n) => n.text)).toEqual(['buy tea', 'call mum']);
    expect(await plugins['notes.list']!(callFrom('b', 'notes.list', { appId: 'a' }))).toEqual({ notes: [] });
  });

  it('refuses an empty note with a reason the app can show', async () => {
    const add = demoPlugins()['notes.add']!;
    await expect(add(callFrom('a', 'notes.add', {}))).rejects.toBeInstanceOf(ApiError);
    await expect(add(callFrom('a', 'notes.add', { text: '   ' }))).rejects.toThrow('data.text must be a non-empty string');
  });
});
