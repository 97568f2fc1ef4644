import { randomBytes } from 'node:crypto';
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CompiledApp } from './compile-project';
import { WORKER_BUNDLE_FILE } from './worker-bundle';

/** Beside the installed package (docs/wechat-format.md section 1): `<app folder>/.wx-build/<sourceHash>/`. */
export const BUILD_FOLDER = '.wx-build';
const CURRENT_FILE = 'current.json';
const Current = z.object({ sourceHash: z.string().regex(/^[0-9a-f]{64}$/) });

const exists = (path: string) => access(path).then(() => true, () => false);

/** Writes a file by renaming a finished temporary one over it, so a reader never sees half of it. */
async function replaceFile(path: string, text: string): Promise<void> {
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, text);
  await rename(temp, path);
}

/**
 * Writes a compiled app under `<appDir>/.wx-build/<sourceHash>/` (a temporary folder renamed into place,
 * or nothing when that hash is built already), then points `current.json` at it and removes older builds.
 * Only a finished build is ever current: a compile that failed never got here.
 */
export async function writeBuild(appDir: string, compiled: CompiledApp, clock: { now(): number }): Promise<string> {
  const buildRoot = join(appDir, BUILD_FOLDER);
  await mkdir(buildRoot, { recursive: true });
  const target = join(buildRoot, compiled.sourceHash);
  if (!(await exists(join(target, 'build.json')))) {
    const temp = join(buildRoot, `.tmp-${randomBytes(6).toString('hex')}`);
    await mkdir(temp);
    try {
      await writeFile(join(temp, 'logic.js'), compiled.logicJs);
      await writeFile(join(temp, 'logic.js.map'), compiled.logicMap);
      await writeFile(join(temp, 'app.css'), compiled.appCss);
      if (compiled.workers) {
        await writeFile(join(temp, WORKER_BUNDLE_FILE), compiled.workers.js);
        await writeFile(join(temp, `${WORKER_BUNDLE_FILE}.map`), compiled.workers.map);
      }
      const buildJson = { v: 1, sourceHash: compiled.sourceHash, compiledAt: clock.now(), files: compiled.files, warnings: compiled.capabilities.notes };
      await writeFile(join(temp, 'build.json'), JSON.stringify(buildJson, null, 2));
      await rm(target, { recursive: true, force: true });
      await rename(temp, target);
    } catch (e) {
      await rm(temp, { recursive: true, force: true });
      throw e;
    }
  }
  await replaceFile(join(buildRoot, CURRENT_FILE), JSON.stringify({ sourceHash: compiled.sourceHash }));
  for (const name of await readdir(buildRoot)) {
    if (name !== compiled.sourceHash && name !== CURRENT_FILE && !name.endsWith('.tmp')) await rm(join(buildRoot, name), { recursive: true, force: true });
  }
  return target;
}

/** The folder of the app's current build, or undefined when it has none (not a WeChat-format app, or never built). */
export async function currentBuildDir(appDir: string): Promise<string | undefined> {
  const buildRoot = join(appDir, BUILD_FOLDER);
  const text = await readFile(join(buildRoot, CURRENT_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let parsed;
  try {
    parsed = Current.safeParse(JSON.parse(text));
  } catch {
    return undefined;
  }
  if (!parsed.success) return undefined;
  const dir = join(buildRoot, parsed.data.sourceHash);
  return (await exists(join(dir, 'build.json'))) ? dir : undefined;
}
