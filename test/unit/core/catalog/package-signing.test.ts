import { stat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { createCatalog } from '../../../../core/catalog';
import { keyFingerprint, publicKeyOf, SIGNATURE_FILE } from '../../../../core/catalog/package-signature';
import { ShellCommandError } from '../../../../core/contracts/services';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- the packer is a plain .mjs script; its exports are exercised here as the CLI uses them
import { packApp } from '../../../../scripts/pack-app.mjs';
import { memoryStore } from '../../../support/memory-store';
import { manifest, tempDir, writePackage, writeZip } from '../../../support/packages';

const clock = { now: () => 1_700_000_000_000 };
const assetUrl = (appId: string, path: string) => `asset://${appId}/${path}`;

interface Packed {
  outFile: string;
  fingerprint: string;
  keyPath: string;
  keyMade: boolean;
}
const pack = packApp as (folder: string, out: string, options: { keyPath: string }) => Promise<Packed>;

/** A package folder signed by pack:app with the key at `keyPath` (made on first use). */
async function signed(keyPath: string, overrides: Record<string, unknown> = {}, files: Record<string, string> = {}): Promise<Packed> {
  const folder = await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest(overrides)), 'index.html': '<p>hi</p>', ...files });
  return pack(folder, join(await tempDir(), 'app.zip'), { keyPath });
}

async function unzip(file: string): Promise<Record<string, Buffer>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  const out: Record<string, Buffer> = {};
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
    out[entry.fileName] = Buffer.concat(chunks);
  }
  zip.close();
  return out;
}

async function setup(store = memoryStore(), dataDir?: string, bundledDir?: string) {
  const dir = dataDir ?? (await tempDir());
  return { store, dataDir: dir, catalog: await createCatalog({ dataDir: dir, store, clock, assetUrl, bundledDir }) };
}

const keyIn = async () => join(await tempDir(), 'keys', 'developer-key.pem');

describe('pack:app signs with the developer key', () => {
  it('makes an Ed25519 key on first use (owner-only file), reuses it after, and signs every file of the package', async () => {
    const keyPath = await keyIn();
    const first = await signed(keyPath);
    expect(first.keyMade).toBe(true);
    expect((await stat(keyPath)).mode & 0o777).toBe(0o600);
    const pem = await readFile(keyPath, 'utf8');
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(first.fingerprint).toBe(keyFingerprint(publicKeyOf(pem)));
    expect(first.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    const second = await signed(keyPath, { version: '1.0.1' });
    expect(second.keyMade).toBe(false);
    expect(second.fingerprint).toBe(first.fingerprint);

    const entries = await unzip(first.outFile);
    const signature = JSON.parse(entries[SIGNATURE_FILE]!.toString('utf8'));
    expect(Object.keys(signature.files).sort()).toEqual(['index.html', 'manifest.json']);
    expect(signature).toMatchObject({ v: 1, alg: 'Ed25519' });
  });
});

describe('install of signed packages: the first install pins the key', () => {
  it('installs a signed package as a normal app whose developer identity is its key', async () => {
    const { catalog } = await setup();
    const p = await signed(await keyIn(), { developer: { id: 'acme', name: 'Acme' } });
    const entry = await catalog.install(p.outFile);
    expect(entry).toMatchObject({ appId: 'demo-app', dev: false, keyFingerprint: p.fingerprint });
    expect(entry.unsigned).toBeUndefined();
    expect(catalog.appInfo('demo-app')).toEqual({ appId: 'demo-app', name: 'Demo', version: '1.0.0', developerId: `key:${p.fingerprint}`, developerName: 'Acme' });
  });

  it('accepts an update signed with the pinned key, and refuses one signed with another key, naming both keys', async () => {
    const { catalog, store, dataDir } = await setup();
    const mine = await keyIn();
    const first = await signed(mine, { developer: { id: 'acme', name: 'Acme' } });
    await catalog.install(first.outFile);
    expect((await catalog.install((await signed(mine, { version: '1.1.0', developer: { id: 'acme', name: 'Acme' } })).outFile)).version).toBe('1.1.0');

    // an attacker claims the appId and the developer id, but cannot sign with the developer's key
    const theirs = await signed(await keyIn(), { name: 'Free Game', version: '9.0.0', developer: { id: 'acme', name: 'Acme' } }, { 'index.html': 'steal()' });
    const error = await catalog.install(theirs.outFile).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShellCommandError);
    expect((error as Error).message).toBe(
      `"demo-app" is installed as "Demo", signed with key ${first.fingerprint}; this package is signed with another key, ${theirs.fingerprint}`,
    );
    expect((error as ShellCommandError).hint).toMatch(new RegExp(`^Only its developer's key \\(${first.fingerprint.replace(/[+/]/g, '\\$&')}\\) can update it\\. Uninstall "Demo" first`));
    expect(catalog.manifest('demo-app')?.version).toBe('1.1.0');
    expect(await readFile(join(dataDir, 'apps', 'demo-app', 'index.html'), 'utf8')).toBe('<p>hi</p>');

    // the pin survives a restart
    const restarted = await setup(store, dataDir);
    await expect(restarted.catalog.install(theirs.outFile)).rejects.toThrow('this package is signed with another key');
    expect(restarted.catalog.list()[0]?.keyFingerprint).toBe(first.fingerprint);
  });

  it('refuses an unsigned package over a signed app', async () => {
    const { catalog } = await setup();
    const first = await signed(await keyIn());
    await catalog.install(first.outFile);
    const unsigned = await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest({ version: '2.0.0' })), 'index.html': '' });
    await expect(catalog.install(unsigned)).rejects.toThrow(`"demo-app" is installed as "Demo", signed with key ${first.fingerprint}; this package is not signed with that key`);
  });

  it('after an uninstall, a package signed with another key installs and pins its own key', async () => {
    const { catalog } = await setup();
    await catalog.install((await signed(await keyIn())).outFile);
    await catalog.uninstall('demo-app');
    const other = await signed(await keyIn());
    expect((await catalog.install(other.outFile)).keyFingerprint).toBe(other.fingerprint);
  });

  it('refuses a package whose files changed after signing, or whose signature was forged, and installs nothing', async () => {
    const { catalog } = await setup();
    const p = await signed(await keyIn());
    const entries = await unzip(p.outFile);
    const tampered = await writeZip(join(await tempDir(), 't.zip'), { ...entries, 'index.html': '<p>evil</p>', 'extra.js': 'x' });
    await expect(catalog.install(tampered)).rejects.toThrow('The package signature is not valid: index.html changed after signing; extra.js was added after signing');
    const signature = JSON.parse(entries[SIGNATURE_FILE]!.toString('utf8'));
    const otherKey = JSON.parse((await unzip((await signed(await keyIn())).outFile))[SIGNATURE_FILE]!.toString('utf8')).publicKey;
    const forged = await writeZip(join(await tempDir(), 'f.zip'), { ...entries, [SIGNATURE_FILE]: JSON.stringify({ ...signature, publicKey: otherKey }) });
    await expect(catalog.install(forged)).rejects.toThrow(/^The package signature is not valid: the Ed25519 signature does not verify with the key it names \(SHA256:/);
    expect(catalog.list()).toEqual([]);
  });

  it('developer identity follows the key: same key, same developer; same declared developer.id with another key, another developer', async () => {
    const { catalog } = await setup();
    const key = await keyIn();
    const a = await signed(key, { appId: 'app-one', developer: { id: 'acme', name: 'Acme' } });
    await catalog.install(a.outFile);
    await catalog.install((await signed(key, { appId: 'app-two', developer: { id: 'renamed', name: 'Acme' } })).outFile);
    await catalog.install((await signed(await keyIn(), { appId: 'app-three', developer: { id: 'acme', name: 'Acme' } })).outFile);
    expect(catalog.appInfo('app-one')!.developerId).toBe(`key:${a.fingerprint}`);
    expect(catalog.appInfo('app-two')!.developerId).toBe(`key:${a.fingerprint}`);
    expect(catalog.appInfo('app-three')!.developerId).not.toBe(`key:${a.fingerprint}`);
  });
});

describe('unsigned and bundled packages', () => {
  it('an unsigned package installs only as a dev app, marked unsigned, with a developer identity of its own', async () => {
    const { catalog } = await setup();
    const folder = await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest({ developer: { id: 'acme', name: 'Acme' } })), 'index.html': '' });
    expect(await catalog.install(folder)).toMatchObject({ dev: true, unsigned: true });
    expect(catalog.appInfo('demo-app')!.developerId).toBe('unsigned:acme');
  });

  it('the shell\'s bundled samples install unsigned but trusted (not dev), and only the bundled copy may replace them', async () => {
    const bundledDir = await tempDir();
    const sample = await writePackage(join(bundledDir, 'demo'), { 'manifest.json': JSON.stringify(manifest({ developer: { id: 'superapp-samples', name: 'Samples' } })), 'index.html': '' });
    const { catalog } = await setup(memoryStore(), undefined, bundledDir);
    const entry = await catalog.install(sample);
    expect(entry.dev).toBe(false);
    expect(entry.unsigned).toBeUndefined();
    expect(catalog.appInfo('demo-app')!.developerId).toBe('superapp-samples');
    const claim = await signed(await keyIn(), { developer: { id: 'superapp-samples', name: 'Samples' } });
    await expect(catalog.install(claim.outFile)).rejects.toThrow(`"demo-app" is installed as "Demo", a sample bundled with the shell; this package is signed with key ${claim.fingerprint}`);
    expect((await catalog.install(sample)).dev).toBe(false);
  });
});

describe('apps installed before signatures existed', () => {
  it('only the shell\'s bundled copy may replace one; a package claiming its appId and developer is refused, signed or not', async () => {
    const dataDir = await tempDir();
    const claimed = manifest({ developer: { id: 'superapp-samples', name: 'Samples' } });
    await writePackage(join(dataDir, 'apps', 'demo-app'), { 'manifest.json': JSON.stringify(claimed), 'index.html': 'mine' });
    const bundledDir = await tempDir();
    const { catalog } = await setup(memoryStore({ catalog: [{ appId: 'demo-app', installedAt: 1, dev: false }] }), dataDir, bundledDir);
    expect(catalog.appInfo('demo-app')!.developerId).toBe('superapp-samples');

    const unsigned = await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(claimed), 'index.html': 'steal()' });
    await expect(catalog.install(unsigned)).rejects.toThrow(
      '"demo-app" is installed as "Demo", installed before package signatures were checked, so no key can prove who made it; this package is unsigned',
    );
    const signedClaim = await signed(await keyIn(), { developer: { id: 'superapp-samples', name: 'Samples' } });
    await expect(catalog.install(signedClaim.outFile)).rejects.toThrow(`this package is signed with key ${signedClaim.fingerprint}`);
    expect(await readFile(join(dataDir, 'apps', 'demo-app', 'index.html'), 'utf8')).toBe('mine');

    const bundled = await writePackage(join(bundledDir, 'demo'), { 'manifest.json': JSON.stringify(claimed), 'index.html': 'new sample' });
    expect((await catalog.install(bundled)).dev).toBe(false);
  });
});
