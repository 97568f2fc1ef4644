import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { createCatalog } from '../../../../core/catalog';
import { SIGNATURE_FILE } from '../../../../core/catalog/package-signature';
import { localAppId } from '../../../../core/wechat/wechat-package';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- the packer is a plain .mjs script; its exports are exercised here as the CLI uses them
import { packApp } from '../../../../scripts/pack-app.mjs';
import { memoryStore } from '../../../support/memory-store';
import { tempDir, writePackage } from '../../../support/packages';

/**
 * `npm run pack:app` on a WeChat DevTools project folder (project.config.json + app.json, no manifest.json):
 * the package is signed like a web package, so the install pins the key to the appId the project names and
 * the app is not a dev app.
 */

const clock = { now: () => 1_700_000_000_000 };
const assetUrl = (appId: string, path: string) => `asset://${appId}/${path}`;

interface Packed {
  format: 'web' | 'wechat';
  manifest: { appId: string; name: string; version: string };
  appIdGenerated: boolean;
  outFile: string;
  fingerprint: string;
  files: number;
}
const pack = packApp as (folder: string, out: string, options: { keyPath: string }) => Promise<Packed>;

/** A small WeChat DevTools project of our own; `files` adds or replaces files. */
function project(config: Record<string, unknown>, files: Record<string, string> = {}): Record<string, string> {
  return {
    'project.config.json': JSON.stringify({ projectname: 'pack-check', miniprogramRoot: 'miniprogram/', compileType: 'miniprogram', ...config }),
    'miniprogram/app.json': JSON.stringify({ pages: ['pages/home/home'], window: { navigationBarTitleText: 'Pack check' } }),
    'miniprogram/app.js': 'App({})\n',
    'miniprogram/pages/home/home.js': "Page({ data: { greeting: 'signed' } })\n",
    'miniprogram/pages/home/home.wxml': '<view class="greeting">{{greeting}}</view>\n',
    'miniprogram/pages/home/home.wxss': '.greeting { color: #07c160; }\n',
    ...files,
  };
}

const APP_ID = 'wxpackcheck0001';

async function packed(keyPath: string, config: Record<string, unknown> = { appid: APP_ID }, files: Record<string, string> = {}): Promise<Packed> {
  const folder = await writePackage(await tempDir(), project(config, files));
  return pack(folder, join(await tempDir(), 'app.zip'), { keyPath });
}

async function zipNames(file: string): Promise<string[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  const names: string[] = [];
  for await (const entry of zip.eachEntry()) names.push(entry.fileName);
  zip.close();
  return names.sort();
}

async function signatureOf(file: string): Promise<{ files: Record<string, string> }> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  let text = '';
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName !== SIGNATURE_FILE) continue;
    for await (const chunk of await zip.openReadStreamPromise(entry)) text += (chunk as Buffer).toString('utf8');
  }
  zip.close();
  return JSON.parse(text) as { files: Record<string, string> };
}

async function catalogIn(dataDir?: string, store = memoryStore()) {
  const dir = dataDir ?? (await tempDir());
  return { dataDir: dir, store, catalog: await createCatalog({ dataDir: dir, store, clock, assetUrl }) };
}

const keyIn = async () => join(await tempDir(), 'keys', 'developer-key.pem');

describe('pack:app on a WeChat DevTools project', () => {
  it('signs every file of the project (no manifest.json needed) under the appid of project.config.json', async () => {
    const p = await packed(await keyIn());
    expect(p.format).toBe('wechat');
    expect(p.manifest).toMatchObject({ appId: APP_ID, name: 'pack-check', version: '1.0.0' });
    expect(p.appIdGenerated).toBe(false);
    const projectFiles = Object.keys(project({})).sort();
    expect(await zipNames(p.outFile)).toEqual([...projectFiles, SIGNATURE_FILE].sort());
    expect(Object.keys((await signatureOf(p.outFile)).files).sort()).toEqual(projectFiles);
    expect(p.files).toBe(projectFiles.length);
  });

  it('installs as a signed app (not a dev app) whose developer is its key, with its WeChat build', async () => {
    const { catalog, dataDir } = await catalogIn();
    const p = await packed(await keyIn());
    const entry = await catalog.install(p.outFile);
    expect(entry).toMatchObject({ appId: APP_ID, name: 'pack-check', dev: false, keyFingerprint: p.fingerprint });
    expect(entry.unsigned).toBeUndefined();
    expect(catalog.manifest(APP_ID)?.format).toBe('wechat');
    expect(catalog.appInfo(APP_ID)?.developerId).toBe(`key:${p.fingerprint}`);
    expect(await catalog.wechatBuild(APP_ID)).toBeDefined();
    expect(await readFile(join(dataDir, 'apps', APP_ID, 'miniprogram', 'pages', 'home', 'home.wxml'), 'utf8')).toContain('{{greeting}}');
  });

  it('pins the key: an update signed with it installs; another key or no signature is refused and the installed app is kept', async () => {
    const { catalog, dataDir, store } = await catalogIn();
    const mine = await keyIn();
    const first = await packed(mine);
    await catalog.install(first.outFile);
    const update = await packed(mine, { appid: APP_ID }, { 'miniprogram/pages/home/home.js': "Page({ data: { greeting: 'updated' } })\n" });
    expect((await catalog.install(update.outFile)).keyFingerprint).toBe(first.fingerprint);
    const home = join(dataDir, 'apps', APP_ID, 'miniprogram', 'pages', 'home', 'home.js');
    expect(await readFile(home, 'utf8')).toContain("'updated'");

    // someone else's project claiming the same appid, signed with their own key
    const theirs = await packed(await keyIn(), { appid: APP_ID, projectname: 'Free Game' }, { 'miniprogram/pages/home/home.js': "Page({ data: { greeting: 'steal' } })\n" });
    await expect(catalog.install(theirs.outFile)).rejects.toThrow(
      `"${APP_ID}" is installed as "pack-check", signed with key ${first.fingerprint}; this package is signed with another key, ${theirs.fingerprint}`,
    );
    // the same project folder, unsigned
    const unsigned = await writePackage(await tempDir(), project({ appid: APP_ID }, { 'miniprogram/pages/home/home.js': "Page({ data: { greeting: 'unsigned' } })\n" }));
    await expect(catalog.install(unsigned)).rejects.toThrow(`"${APP_ID}" is installed as "pack-check", signed with key ${first.fingerprint}; this package is not signed with that key`);
    expect(await readFile(home, 'utf8')).toContain("'updated'");

    // the pin survives a restart
    const restarted = await catalogIn(dataDir, store);
    await expect(restarted.catalog.install(theirs.outFile)).rejects.toThrow('this package is signed with another key');
    expect(restarted.catalog.list()[0]).toMatchObject({ appId: APP_ID, keyFingerprint: first.fingerprint, dev: false });
  });

  it('a project without an appid is packed under the local appId the install gives it, and says so', async () => {
    const p = await packed(await keyIn(), { appid: 'touristappid', projectname: 'no-appid-project' });
    expect(p.appIdGenerated).toBe(true);
    expect(p.manifest.appId).toBe(localAppId('no-appid-project'));
    const { catalog } = await catalogIn();
    expect(await catalog.install(p.outFile)).toMatchObject({ appId: localAppId('no-appid-project'), dev: false, keyFingerprint: p.fingerprint });
  });

  it('a project that does not compile is refused with each place named, and no .zip is written', async () => {
    const folder = await writePackage(await tempDir(), project({ appid: APP_ID }, { 'miniprogram/app.json': JSON.stringify({ pages: ['pages/missing/missing'] }) }));
    const out = join(await tempDir(), 'app.zip');
    const error = (await pack(folder, out, { keyPath: await keyIn() }).catch((e: unknown) => e)) as { lines: string[]; problems: number };
    expect(error.lines[0]).toMatch(/^The mini program does not compile \(1 problem\):$/);
    expect(error.lines.join('\n')).toContain('pages/missing/missing');
    expect(error.problems).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
