import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseManifest } from '../catalog';
import { AppId, WechatProjectManifest } from '../contracts/app';
import type { KeyValueStore } from '../contracts/ports';
import { isWechatProjectFolder, localAppId } from '../wechat';
import { ProjectConfig } from '../wechat/schemas';

/** What the sample helpers report; both hosts' loggers fit. */
export interface SampleLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface SampleFolder {
  appId: string;
  folder: string;
}

/**
 * The appId a WeChat DevTools project installs under, as the install step decides it: its manifest.json,
 * else project.config.json's appid, else the local id made from its projectname. Read without compiling.
 */
async function wechatSampleAppId(folder: string): Promise<string> {
  const manifestFile = join(folder, 'manifest.json');
  if (existsSync(manifestFile)) return WechatProjectManifest.parse(JSON.parse(await readFile(manifestFile, 'utf8'))).appId;
  const config = ProjectConfig.parse(JSON.parse(await readFile(join(folder, 'project.config.json'), 'utf8')));
  const appid = config.appid?.trim();
  return appid && appid !== 'touristappid' ? AppId.parse(appid) : localAppId(config.projectname ?? 'miniprogram');
}

/**
 * Every <examplesDir>/<folder> that is a mini program, by appId: a web package (manifest.json) or a WeChat
 * DevTools project (project.config.json). A broken one is logged and skipped.
 */
export async function findSampleFolders(examplesDir: string, log: SampleLog): Promise<SampleFolder[]> {
  if (!existsSync(examplesDir)) return [];
  const found: SampleFolder[] = [];
  for (const entry of await readdir(examplesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = join(examplesDir, entry.name);
    const manifestFile = join(folder, 'manifest.json');
    try {
      if (await isWechatProjectFolder(folder)) found.push({ appId: await wechatSampleAppId(folder), folder });
      else if (existsSync(manifestFile)) found.push({ appId: parseManifest(await readFile(manifestFile, 'utf8')).appId, folder });
    } catch (error) {
      log.warn(`sample ${entry.name} skipped: ${(error as Error).message}`);
    }
  }
  return found.sort((a, b) => a.appId.localeCompare(b.appId));
}

export interface SeedOptions {
  store: KeyValueStore;
  /** the host's state key that marks this data folder as seeded */
  seededKey: string;
  /** the runtime's install command, so a sample is registered with the platform exactly like a package the user picks */
  install(source: string): Promise<unknown>;
  installed(appId: string): boolean;
  examplesDir: string;
  log: SampleLog;
}

/**
 * First start of a fresh data folder installs the samples. It happens once per data folder, so a
 * sample the user uninstalls stays uninstalled. Returns the appIds installed now; [] on every later start.
 */
export async function seedSamplesOnFirstStart(options: SeedOptions): Promise<string[]> {
  const { store, seededKey, examplesDir, log } = options;
  if (store.get(seededKey) === true) return [];
  const samples = await findSampleFolders(examplesDir, log);
  if (samples.length === 0) log.warn(`no sample mini programs in ${examplesDir}; the catalog starts empty`);
  const installed: string[] = [];
  for (const sample of samples) {
    if (options.installed(sample.appId)) continue;
    try {
      await options.install(sample.folder);
      installed.push(sample.appId);
      log.info(`installed sample ${sample.appId}`);
    } catch (error) {
      log.warn(`sample ${sample.appId} not installed: ${(error as Error).message}`);
    }
  }
  store.set(seededKey, true);
  return installed;
}
