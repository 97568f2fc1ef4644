import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../../../core/catalog';
import { ShellCommandError } from '../../../../core/contracts/services';
import { memoryStore } from '../../../support/memory-store';
import { manifest, tempDir, writePackage, writeZip } from '../../../support/packages';

const clock = { now: () => 1_700_000_000_000 };
const assetUrl = (appId: string, path: string) => `asset://${appId}/${path}`;

async function setup() {
  const dataDir = await tempDir();
  const store = memoryStore();
  const catalog = await createCatalog({ dataDir, store, clock, assetUrl });
  return { dataDir, store, catalog };
}

describe('catalog install', () => {
  it('installs a folder by copying it into the data folder and lists it', async () => {
    const { catalog, dataDir } = await setup();
    const src = await writePackage(await tempDir(), {
      'manifest.json': JSON.stringify(manifest({ icon: 'icon.svg', description: 'Hello', developer: { id: 'dev1', name: 'Acme' } })),
      'index.html': '<h1>hi</h1>',
      'icon.svg': '<svg/>',
      'js/app.js': 'console.log(1)',
    });
    const phases: string[] = [];
    const entry = await catalog.install(src, (p) => phases.push(p.phase));
    expect(entry).toMatchObject({ appId: 'demo-app', name: 'Demo', developer: 'Acme', iconUrl: 'asset://demo-app/icon.svg', installedAt: 1_700_000_000_000 });
    expect(phases[0]).toBe('reading');
    expect(phases).toContain('copying');
    expect(phases.at(-1)).toBe('done');
    expect(await readdir(join(dataDir, 'apps', 'demo-app', 'js'))).toEqual(['app.js']);
    expect(catalog.list().map((e) => e.appId)).toEqual(['demo-app']);
  });

  it('installs a zip whose files sit in one top folder', async () => {
    const { catalog } = await setup();
    const zip = await writeZip(join(await tempDir(), 'app.zip'), {
      'demo/manifest.json': JSON.stringify(manifest()),
      'demo/index.html': 'x',
    });
    const entry = await catalog.install(zip);
    expect(entry.appId).toBe('demo-app');
    expect(await catalog.resolveFile('demo-app', '/index.html')).toMatch(/index\.html$/);
  });

  it('names every bad manifest field and installs nothing', async () => {
    const { catalog, dataDir } = await setup();
    const zip = await writeZip(join(await tempDir(), 'bad.zip'), {
      'manifest.json': JSON.stringify({ appId: '1bad', name: '', version: 'one', entry: '../x.html', permissions: { openApi: ['stealWallet'] } }),
      'index.html': 'x',
    });
    const error = await catalog.install(zip).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShellCommandError);
    const lines = (error as Error).message.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^manifest\.json: appId: appId must be/),
        expect.stringMatching(/^manifest\.json: name: /),
        expect.stringMatching(/^manifest\.json: version: version must be semver/),
        expect.stringMatching(/^manifest\.json: entry: must be a relative path inside the package/),
        expect.stringMatching(/^manifest\.json: permissions\.openApi\[0\]: /),
      ]),
    );
    expect((error as ShellCommandError).hint).toMatch(/nothing was installed/);
    expect(catalog.list()).toEqual([]);
    expect((await readdir(join(dataDir, 'apps'))).filter((n) => !n.startsWith('.'))).toEqual([]);
  });

  it('refuses a zip entry that would escape the package (zip slip) and leaves no staging folder', async () => {
    const { catalog, dataDir } = await setup();
    const zip = await writeZip(join(await tempDir(), 'slip.zip'), {
      'manifest.json': JSON.stringify(manifest()),
      'index.html': 'x',
      'a/xx/xx/evil.txt': 'pwned',
    }, { 'a/xx/xx/evil.txt': 'a/../../evil.txt' });
    const error = await catalog.install(zip).catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/unsafe path|invalid relative path|not a readable \.zip/);
    expect(await readdir(join(dataDir, 'apps'))).toEqual([]);
  });

  it('refuses a manifest whose entry file is missing', async () => {
    const { catalog } = await setup();
    const src = await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest({ entry: 'main.html' })) });
    await expect(catalog.install(src)).rejects.toThrow('manifest.json: entry: "main.html" is not a file in the package');
    expect(catalog.list()).toEqual([]);
  });

  it('reports invalid JSON plainly', async () => {
    const { catalog } = await setup();
    const src = await writePackage(await tempDir(), { 'manifest.json': '{ nope', 'index.html': '' });
    await expect(catalog.install(src)).rejects.toThrow(/^manifest\.json is not valid JSON/);
  });

  it('reinstalling replaces files and keeps one entry; uninstall removes files', async () => {
    const { catalog, dataDir } = await setup();
    const src = await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest()), 'index.html': 'v1', 'old.js': '' });
    await catalog.install(src);
    const src2 = await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest({ version: '1.1.0' })), 'index.html': 'v2' });
    await catalog.install(src2);
    expect(catalog.list()).toHaveLength(1);
    expect(catalog.list()[0]!.version).toBe('1.1.0');
    expect(await catalog.resolveFile('demo-app', 'old.js')).toBeUndefined();
    await catalog.uninstall('demo-app');
    expect(catalog.list()).toEqual([]);
    expect(await readdir(join(dataDir, 'apps'))).toEqual([]);
  });

  it('survives a restart: the list is rebuilt from the store and the installed files', async () => {
    const { catalog, dataDir, store } = await setup();
    await catalog.install(await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest()), 'index.html': '' }));
    const again = await createCatalog({ dataDir, store, clock, assetUrl });
    expect(again.list().map((e) => e.appId)).toEqual(['demo-app']);
  });

  it('refuses an appId that differs from an installed one only by case (origins are case-insensitive)', async () => {
    const { catalog } = await setup();
    await catalog.install(await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest()), 'index.html': '' }));
    const src = await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest({ appId: 'Demo-App' })), 'index.html': '' });
    await expect(catalog.install(src)).rejects.toThrow(/only in letter case/);
  });

  it('does not copy symlinks out of a source folder', async () => {
    const { catalog } = await setup();
    const outside = await writePackage(await tempDir(), { 'secret.txt': 'secret' });
    const src = await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest()), 'index.html': '' });
    await symlink(join(outside, 'secret.txt'), join(src, 'link.txt'));
    await catalog.install(src);
    expect(await catalog.resolveFile('demo-app', 'link.txt')).toBeUndefined();
  });
});

describe('resolveFile refuses paths outside the package', () => {
  it.each(['../manifest.json', '..%2f..%2fetc%2fpasswd', '%2e%2e/%2e%2e/etc/passwd', '%252e%252e/x', 'a\\..\\b', '/%00index.html', ''])('refuses %s', async (path) => {
    const { catalog } = await setup();
    await catalog.install(await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest()), 'index.html': '' }));
    expect(await catalog.resolveFile('demo-app', path)).toBeUndefined();
  });

  it('refuses a symlink planted inside the installed package that points outside', async () => {
    const { catalog, dataDir } = await setup();
    await catalog.install(await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest()), 'index.html': '' }));
    const outside = await writePackage(await tempDir(), { 'secret.txt': 'secret' });
    await symlink(join(outside, 'secret.txt'), join(dataDir, 'apps', 'demo-app', 'planted.txt'));
    expect(await catalog.resolveFile('demo-app', 'planted.txt')).toBeUndefined();
    expect(await catalog.resolveFile('demo-app', 'index.html')).toBeDefined();
  });

  it("never serves one app's files under another app's id", async () => {
    const { catalog } = await setup();
    await catalog.install(await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest()), 'index.html': '', 'only-a.txt': 'a' }));
    await catalog.install(await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest({ appId: 'other-app' })), 'index.html': '' }));
    expect(await catalog.resolveFile('other-app', 'only-a.txt')).toBeUndefined();
    expect(await catalog.resolveFile('other-app', '../demo-app/only-a.txt')).toBeUndefined();
    expect(await catalog.resolveFile('missing-app', 'index.html')).toBeUndefined();
  });

  it('refuses a directory', async () => {
    const { catalog, dataDir } = await setup();
    await catalog.install(await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest()), 'index.html': '' }));
    await mkdir(join(dataDir, 'apps', 'demo-app', 'sub'));
    await writeFile(join(dataDir, 'apps', 'demo-app', 'sub', 'f.txt'), 'x');
    expect(await catalog.resolveFile('demo-app', 'sub')).toBeUndefined();
    expect(await catalog.resolveFile('demo-app', 'sub/f.txt')).toBeDefined();
  });
});
