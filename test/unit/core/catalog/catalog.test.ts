import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
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

  it('refuses a zip whose manifest.json unpacks to more than 64 KiB before reading it (zip bomb)', async () => {
    const { catalog, dataDir } = await setup();
    // valid JSON padded with spaces: compresses to a few KiB, unpacks to 8 MiB
    const huge = JSON.stringify(manifest()) + ' '.repeat(8 * 1024 * 1024);
    const zip = await writeZip(join(await tempDir(), 'bomb.zip'), { 'manifest.json': huge, 'index.html': 'x' });
    const error = await catalog.install(zip).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShellCommandError);
    expect((error as Error).message).toMatch(new RegExp(`^manifest\\.json unpacks to ${Buffer.byteLength(huge)} bytes; a manifest may be at most 65536 bytes \\(64 KiB\\)`));
    expect((error as ShellCommandError).hint).toMatch(/manifest\.json/);
    expect(catalog.list()).toEqual([]);
    expect(await readdir(join(dataDir, 'apps'))).toEqual([]);
  });

  it('refuses a folder whose manifest.json is over 64 KiB, and still installs one of exactly 64 KiB', async () => {
    const { catalog } = await setup();
    const text = JSON.stringify(manifest());
    const big = await writePackage(await tempDir(), { 'manifest.json': text + ' '.repeat(64 * 1024 + 1 - text.length), 'index.html': '' });
    await expect(catalog.install(big)).rejects.toThrow(/^manifest\.json is 65537 bytes; a manifest may be at most 65536 bytes \(64 KiB\)/);
    const limit = await writePackage(await tempDir(), { 'manifest.json': text + ' '.repeat(64 * 1024 - text.length), 'index.html': '' });
    expect((await catalog.install(limit)).appId).toBe('demo-app');
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

  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'Constructor'])(
    'refuses appId "%s", a name of Object.prototype, saying why and installing nothing',
    async (appId) => {
      const { catalog } = await setup();
      const src = await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest({ appId })), 'index.html': '' });
      await expect(catalog.install(src)).rejects.toThrow(/^manifest\.json: appId: .* is reserved .*choose another appId/);
      expect(catalog.list()).toEqual([]);
    },
  );

  it('refuses a package that reuses an installed appId from another developer, naming both, and keeps the installed app', async () => {
    const { catalog, dataDir } = await setup();
    const pkg = async (m: Record<string, unknown>, html: string) => writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest(m)), 'index.html': html });
    await catalog.install(await pkg({ name: 'Tea Shop', developer: { id: 'tea-corp', name: 'Tea Corp' } }, 'tea'));
    const error = await catalog.install(await pkg({ name: 'Free Game', version: '0.0.1', developer: { id: 'evil-inc', name: 'Evil' } }, 'evil')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShellCommandError);
    expect((error as Error).message).toBe(
      '"demo-app" is already installed as "Tea Shop" from developer "tea-corp" (Tea Corp); this package is "Free Game" from developer "evil-inc" (Evil)',
    );
    expect((error as ShellCommandError).hint).toMatch(/^Uninstall "Tea Shop" first .*deletes its data.*then install it/);
    expect(catalog.list()).toMatchObject([{ appId: 'demo-app', name: 'Tea Shop', developer: 'Tea Corp' }]);
    expect(await readFile(join(dataDir, 'apps', 'demo-app', 'index.html'), 'utf8')).toBe('tea');
    // a manifest without a developer is its own developer (the appId): it cannot take over either
    await expect(catalog.install(await pkg({ name: 'No Dev' }, 'x'))).rejects.toThrow(/from developer "tea-corp" .* from developer "demo-app" \(no developer in manifest\.json\)/);
    // after an uninstall the other developer's package installs
    await catalog.uninstall('demo-app');
    expect((await catalog.install(await pkg({ name: 'Free Game', developer: { id: 'evil-inc', name: 'Evil' } }, 'evil'))).name).toBe('Free Game');
  });

  it('accepts an update from the same developer, and from a package that names no developer over one that named none', async () => {
    const { catalog } = await setup();
    const pkg = async (m: Record<string, unknown>) => writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest(m)), 'index.html': '' });
    await catalog.install(await pkg({ developer: { id: 'tea-corp', name: 'Tea Corp' } }));
    expect((await catalog.install(await pkg({ version: '1.1.0', developer: { id: 'tea-corp', name: 'Tea Corporation' } }))).version).toBe('1.1.0');
    await catalog.install(await pkg({ appId: 'plain-app' }));
    expect((await catalog.install(await pkg({ appId: 'plain-app', version: '2.0.0' }))).version).toBe('2.0.0');
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
