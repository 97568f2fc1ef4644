import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { findSampleFolders } from '../../../../core/samples';
import { localAppId } from '../../../../core/wechat';
import { manifest, tempDir, writePackage } from '../../../support/packages';

const project = (config: Record<string, unknown>) => JSON.stringify({ compileType: 'miniprogram', ...config });

describe('findSampleFolders', () => {
  it('finds web packages and WeChat DevTools projects, with the appId each installs under', async () => {
    const examples = await tempDir();
    await writePackage(join(examples, 'web'), { 'manifest.json': JSON.stringify(manifest({ appId: 'web-app' })), 'index.html': '' });
    // the superapp registration beside project.config.json wins, and needs no entry
    const registration = { ...manifest({ appId: 'tea-app' }), entry: undefined };
    await writePackage(join(examples, 'tea'), { 'project.config.json': project({ appid: 'wx0123456789abcdef', miniprogramRoot: 'miniprogram/' }), 'manifest.json': JSON.stringify(registration) });
    await writePackage(join(examples, 'plain'), { 'project.config.json': project({ appid: 'plain-app' }), 'app.json': '{"pages":["pages/a/a"]}' });
    await writePackage(join(examples, 'tourist'), { 'project.config.json': project({ appid: 'touristappid', projectname: 'demo' }) });
    await writePackage(join(examples, 'notes'), { 'README.md': 'not a mini program' });
    const log = { info: vi.fn(), warn: vi.fn() };
    expect(await findSampleFolders(examples, log)).toEqual(
      [
        { appId: 'web-app', folder: join(examples, 'web') },
        { appId: 'tea-app', folder: join(examples, 'tea') },
        { appId: 'plain-app', folder: join(examples, 'plain') },
        { appId: localAppId('demo'), folder: join(examples, 'tourist') },
      ].sort((a, b) => a.appId.localeCompare(b.appId)),
    );
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('skips a project whose registration is broken, saying why', async () => {
    const examples = await tempDir();
    await writePackage(join(examples, 'bad'), { 'project.config.json': project({}), 'manifest.json': JSON.stringify({ appId: 'x' }) });
    const log = { info: vi.fn(), warn: vi.fn() };
    expect(await findSampleFolders(examples, log)).toEqual([]);
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/^sample bad skipped: .*appId/s));
  });
});
