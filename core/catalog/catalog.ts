import { randomBytes } from 'node:crypto';
import { access, readFile, rename, rm, mkdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { Manifest } from '../contracts/app';
import type { Clock, KeyValueStore } from '../contracts/ports';
import type { Catalog } from '../contracts/services';
import { ShellCommandError } from '../contracts/services';
import type { CatalogEntry, InstallPreview, InstallProgress } from '../contracts/shell-api';
import { currentBuildDir, writeBuild } from '../wechat/build-output';
import { prepareWechatApp } from '../wechat/wechat-package';
import { describeIssues } from './manifest-errors';
import { copyPackage, packageFormat, readManifestText, type Progress } from './package-reader';
import { verifyPackageFolder } from './package-signature';
import { appInfoOf, assertMayUpdate, Publisher, publisherOf } from './publisher';
import { resolveInside } from './safe-path';

const STORE_KEY = 'catalog';
const Installed = z.array(
  z.object({
    appId: z.string(),
    installedAt: z.number(),
    dev: z.boolean().default(false),
    source: z.string().optional(),
    /** who signed it (the pinned key), or bundled / unsigned; absent for apps installed before signatures */
    publisher: Publisher.optional(),
  }),
);
type Installed = z.infer<typeof Installed>;

export interface CatalogOptions {
  dataDir: string;
  store: KeyValueStore;
  clock: Clock;
  assetUrl: (appId: string, path: string) => string;
  /** the host's own samples folder: unsigned packages from there install as bundled, not as dev apps */
  bundledDir?: string;
}

export function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ShellCommandError(`manifest.json is not valid JSON: ${(e as Error).message}`, 'Fix the JSON syntax and install again.');
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    throw new ShellCommandError(describeIssues(parsed.error).join('\n'), 'Fix these fields in manifest.json and install again; nothing was installed.');
  }
  return parsed.data;
}

function isInside(path: string, dir: string | undefined): boolean {
  if (!dir) return false;
  const rel = relative(resolve(dir), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function previewOf(
  manifest: Manifest,
  extra: Pick<InstallPreview, 'format' | 'appIdGenerated' | 'capabilitySource' | 'notes'> & { replaces: Manifest | undefined },
): InstallPreview {
  return {
    format: extra.format,
    appId: manifest.appId,
    appIdGenerated: extra.appIdGenerated,
    name: manifest.name,
    version: manifest.version,
    ...(manifest.developer ? { developer: manifest.developer.name } : {}),
    openApi: manifest.permissions.openApi,
    customApi: manifest.permissions.customApi,
    capabilitySource: extra.capabilitySource,
    notes: extra.notes,
    ...(extra.replaces ? { replaces: extra.replaces.name } : {}),
  };
}

export async function createCatalog(options: CatalogOptions): Promise<Catalog> {
  const appsDir = join(options.dataDir, 'apps');
  await mkdir(appsDir, { recursive: true });
  const manifests = new Map<string, Manifest>();

  const readInstalled = (): Installed => {
    const raw = options.store.get(STORE_KEY) ?? [];
    const parsed = Installed.safeParse(raw);
    if (!parsed.success) throw new Error(`The stored catalog ("${STORE_KEY}") is corrupt: ${parsed.error.message}. Move the state file aside to start over.`);
    return parsed.data;
  };
  const writeInstalled = (list: Installed) => options.store.set(STORE_KEY, list);

  // Load manifests of what is installed; an app whose folder vanished is dropped from the list, not fatal.
  const kept: Installed = [];
  for (const item of readInstalled()) {
    try {
      manifests.set(item.appId, parseManifest(await readFile(join(appsDir, item.appId, 'manifest.json'), 'utf8')));
      kept.push(item);
    } catch (e) {
      console.error(`catalog: skipping ${item.appId}: ${(e as Error).message}`);
    }
  }
  writeInstalled(kept);

  const toEntry = (item: Installed[number]): CatalogEntry => {
    const m = manifests.get(item.appId)!;
    return {
      appId: m.appId,
      name: m.name,
      version: m.version,
      description: m.description,
      developer: m.developer?.name,
      iconUrl: m.icon ? options.assetUrl(m.appId, m.icon) : undefined,
      installedAt: item.installedAt,
      dev: item.dev,
      ...(item.publisher?.kind === 'unsigned' ? { unsigned: true } : {}),
      ...(item.publisher?.kind === 'signed' ? { keyFingerprint: item.publisher.fingerprint } : {}),
    };
  };

  /** Refuses a package whose appId clashes with an installed app only in letter case; returns the app it replaces, if any. */
  const checkIdentity = (manifest: Manifest): Manifest | undefined => {
    const clash = [...manifests.keys()].find((id) => id !== manifest.appId && id.toLowerCase() === manifest.appId.toLowerCase());
    if (clash) {
      throw new ShellCommandError(`appId "${manifest.appId}" differs from installed "${clash}" only in letter case`, 'App origins are case-insensitive: choose a distinct appId.');
    }
    return manifests.get(manifest.appId);
  };

  /**
   * Who signed the copy about to be installed (checked on the copy, so nothing can change between the
   * check and the install), and whether it may replace the installed app of the same appId.
   */
  const checkPublisher = async (source: string, staging: string, manifest: Manifest): Promise<Publisher> => {
    const publisher = publisherOf(await verifyPackageFolder(staging), isInside(source, options.bundledDir));
    const installed = manifests.get(manifest.appId);
    const item = readInstalled().find((i) => i.appId === manifest.appId);
    if (installed) assertMayUpdate({ manifest: installed, publisher: item?.publisher, dev: item?.dev ?? false }, { manifest, publisher });
    return publisher;
  };

  /** A web package: its manifest is checked before a byte is copied, its entry and icon after. */
  const stageWebPackage = async (source: string, staging: string, onCopy: Progress): Promise<{ manifest: Manifest; publisher: Publisher }> => {
    const manifest = parseManifest(await readManifestText(source));
    if (manifest.format === 'wechat') {
      throw new ShellCommandError('manifest.json: format: "wechat" is set by the shell for WeChat DevTools projects', 'Remove "format" from manifest.json; a WeChat project has project.config.json at its root.');
    }
    checkIdentity(manifest);
    await copyPackage(source, staging, onCopy);
    for (const [field, file] of [['entry', manifest.entry], ['icon', manifest.icon]] as const) {
      if (file && !(await resolveInside(staging, file))) {
        throw new ShellCommandError(`manifest.json: ${field}: "${file}" is not a file in the package`, `Add ${file} to the package or fix "${field}".`);
      }
    }
    return { manifest, publisher: await checkPublisher(source, staging, manifest) };
  };

  /**
   * A WeChat DevTools project, installed as it is: copied, read and compiled in the staging folder (a
   * package with any problem installs nothing), then its registration is written as the app's
   * manifest.json and the compiled bundle beside it (docs/wechat-format.md).
   */
  const stageWechatPackage = async (source: string, staging: string, onCopy: Progress): Promise<{ manifest: Manifest; publisher: Publisher }> => {
    await copyPackage(source, staging, onCopy);
    const prepared = await prepareWechatApp(staging);
    checkIdentity(prepared.manifest);
    // verified before the shell writes its manifest and build into the copy
    const publisher = await checkPublisher(source, staging, prepared.manifest);
    const icon = prepared.manifest.icon;
    if (icon && !(await resolveInside(staging, icon))) {
      throw new ShellCommandError(`manifest.json: icon: "${icon}" is not a file in the package`, `Add ${icon} to the package or fix "icon".`);
    }
    await writeFile(join(staging, 'manifest.json'), JSON.stringify(prepared.manifest, null, 2));
    await writeBuild(staging, prepared.compiled, options.clock);
    return { manifest: prepared.manifest, publisher };
  };

  // Installs of the same appId run one after another so a folder swap never races another.
  let queue: Promise<unknown> = Promise.resolve();

  const install: Catalog['install'] = (source, onProgress, installOptions) => {
    const run = queue.then(async () => {
      const installId = randomBytes(6).toString('hex');
      const report = (phase: InstallProgress['phase'], bytes = 0, totalBytes = 0) =>
        onProgress?.({ installId, phase, bytes, totalBytes });
      report('reading');
      try {
        const format = await packageFormat(source);
        const staging = join(appsDir, `.staging-${installId}`);
        let manifest: Manifest;
        let publisher: Publisher;
        try {
          const onCopy: Progress = (bytes, total) => report('copying', bytes, total);
          ({ manifest, publisher } = format === 'wechat' ? await stageWechatPackage(source, staging, onCopy) : await stageWebPackage(source, staging, onCopy));
          const finalDir = join(appsDir, manifest.appId);
          const old = join(appsDir, `.old-${installId}`);
          const existed = await access(finalDir).then(() => true, () => false);
          if (existed) await rename(finalDir, old);
          await rename(staging, finalDir);
          if (existed) await rm(old, { recursive: true, force: true });
        } catch (e) {
          await rm(staging, { recursive: true, force: true });
          throw e;
        }
        manifests.set(manifest.appId, manifest);
        const list = readInstalled().filter((i) => i.appId !== manifest.appId);
        const item = {
          appId: manifest.appId,
          installedAt: options.clock.now(),
          // an unsigned package is only ever a dev app
          dev: (installOptions?.dev ?? false) || publisher.kind === 'unsigned',
          source: installOptions?.dev ? source : undefined,
          publisher,
        };
        writeInstalled([...list, item]);
        report('done');
        return toEntry(item);
      } catch (e) {
        report('failed');
        if (e instanceof ShellCommandError) throw e;
        throw new ShellCommandError(`Could not install "${source}": ${(e as Error).message}`, 'Check that the file is readable and the disk has room.');
      }
    });
    queue = run.catch(() => undefined);
    return run;
  };

  /** What a package would install as, without installing it: a WeChat project is compiled in a scratch folder. */
  const preview: Catalog['preview'] = async (source) => {
    try {
      if ((await packageFormat(source)) === 'web') {
        const manifest = parseManifest(await readManifestText(source));
        const replaces = checkIdentity(manifest);
        return previewOf(manifest, { format: 'web', appIdGenerated: false, capabilitySource: 'manifest', notes: [], replaces });
      }
      const scratch = join(appsDir, `.preview-${randomBytes(6).toString('hex')}`);
      try {
        await copyPackage(source, scratch, () => undefined);
        const prepared = await prepareWechatApp(scratch);
        const replaces = checkIdentity(prepared.manifest);
        return previewOf(prepared.manifest, { format: 'wechat', ...prepared, replaces });
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    } catch (e) {
      if (e instanceof ShellCommandError) throw e;
      throw new ShellCommandError(`Could not read "${source}": ${(e as Error).message}`, 'Check that the file is readable.');
    }
  };

  return {
    list: () => readInstalled().filter((i) => manifests.has(i.appId)).map(toEntry),
    manifest: (appId) => manifests.get(appId),
    appInfo(appId) {
      const m = manifests.get(appId);
      return m && appInfoOf(m, readInstalled().find((i) => i.appId === appId)?.publisher);
    },
    install,
    preview,
    async wechatBuild(appId) {
      return manifests.get(appId)?.format === 'wechat' ? currentBuildDir(join(appsDir, appId)) : undefined;
    },
    async uninstall(appId) {
      if (!manifests.has(appId)) throw new ShellCommandError(`"${appId}" is not installed`, 'Refresh the catalog.');
      manifests.delete(appId);
      writeInstalled(readInstalled().filter((i) => i.appId !== appId));
      await rm(join(appsDir, appId), { recursive: true, force: true });
    },
    async resolveFile(appId, urlPath) {
      if (!manifests.has(appId)) return undefined;
      return resolveInside(join(appsDir, appId), urlPath);
    },
  };
}
