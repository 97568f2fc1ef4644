import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendBundleFile, findSampleBackends, hasBackend, startMerchantBackend, type BackendRegistration } from '../../../../core/samples';
import { manifest, tempDir, writePackage } from '../../../support/packages';

/** A backend module that says which file it was loaded from, so a test can tell bundle from source. */
const backend = (from: string) => `export async function startBackend(options) {
  return { url: 'http://127.0.0.1:9/${from}/' + options.appId, close: async () => undefined };
}`;

const registration: BackendRegistration = { platformUrl: 'http://127.0.0.1:1', appId: 'shop-app', appSecret: 's', payKey: 'p', appKey: 'k', allowOrigin: 'http://shop-app.localhost' };

async function sample(files: Record<string, string>) {
  const examples = await tempDir();
  const folder = await writePackage(join(examples, 'shop'), { 'manifest.json': JSON.stringify(manifest({ appId: 'shop-app' })), 'index.html': '', ...files });
  const bundlesDir = await tempDir();
  return { examples, folder, bundlesDir };
}

describe('merchant backends of the samples (core/samples)', () => {
  it('prefers the build-time bundle of the app, and runs the source when there is none', async () => {
    const { folder, bundlesDir } = await sample({ 'backend/index.mjs': backend('source') });
    expect((await startMerchantBackend({ appId: 'shop-app', folder, bundlesDir }, registration)).url).toBe('http://127.0.0.1:9/source/shop-app');
    await writePackage(bundlesDir, { 'shop-app.mjs': backend('bundle') });
    expect(backendBundleFile(bundlesDir, 'shop-app')).toBe(join(bundlesDir, 'shop-app.mjs'));
    const started = await startMerchantBackend({ appId: 'shop-app', folder, bundlesDir }, registration);
    expect(started).toMatchObject({ appId: 'shop-app', url: 'http://127.0.0.1:9/bundle/shop-app' });
    // a folder under development names no bundles folder: its own source runs
    expect((await startMerchantBackend({ appId: 'shop-app', folder }, registration)).url).toBe('http://127.0.0.1:9/source/shop-app');
  });

  it('a bundle alone is enough (a packaged app whose source cannot run)', async () => {
    const { folder, bundlesDir } = await sample({});
    expect(hasBackend({ appId: 'shop-app', folder, bundlesDir })).toBe(false);
    await writePackage(bundlesDir, { 'shop-app.mjs': backend('bundle') });
    expect(hasBackend({ appId: 'shop-app', folder, bundlesDir })).toBe(true);
    expect((await startMerchantBackend({ appId: 'shop-app', folder, bundlesDir }, registration)).url).toBe('http://127.0.0.1:9/bundle/shop-app');
  });

  it('explains what is missing when there is neither a bundle nor a loadable source', async () => {
    const { folder, bundlesDir } = await sample({ 'backend/a.ts': '', 'backend/b.ts': '' });
    expect(hasBackend({ appId: 'shop-app', folder, bundlesDir })).toBe(true);
    await expect(startMerchantBackend({ appId: 'shop-app', folder, bundlesDir }, registration)).rejects.toThrow(
      `no build-time bundle at ${join(bundlesDir, 'shop-app.mjs')}, and ${join(folder, 'backend')} has no entry module`,
    );
    const broken = await sample({ 'backend/index.mjs': 'import "./missing.mjs";' });
    await expect(startMerchantBackend({ appId: 'shop-app', folder: broken.folder, bundlesDir: broken.bundlesDir }, registration)).rejects.toThrow(/no build-time bundle at .*, and its source .*index\.mjs did not load/);
  });

  it('lists the samples with a backend for the build, by appId', async () => {
    const { examples, folder } = await sample({ 'backend/server.ts': backend('source') });
    await writePackage(join(examples, 'plain'), { 'manifest.json': JSON.stringify(manifest({ appId: 'plain-app' })), 'index.html': '' });
    const warnings: string[] = [];
    expect(await findSampleBackends(examples, { info: () => undefined, warn: (m) => warnings.push(m) })).toEqual([{ appId: 'shop-app', entry: join(folder, 'backend', 'server.ts') }]);
    expect(warnings).toEqual([]);
  });
});
