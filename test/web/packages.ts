import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import yazl from 'yazl';

/** Helpers that build mini program packages on disk for the install specs. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const madeDirs: string[] = [];

export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `superapp-${prefix}-`));
  madeDirs.push(dir);
  return dir;
}

/** Removes every folder tempDir made (called when the worker ends). */
export async function removeTempDirs(): Promise<void> {
  for (const dir of madeDirs.splice(0)) await rm(dir, { recursive: true, force: true });
}

/** Copies a sample folder (without its merchant backend) and rewrites fields of its manifest. */
export async function sampleCopy(sample: string, manifestPatch: Record<string, unknown>): Promise<string> {
  const folder = join(await tempDir('pkg'), sample);
  await cp(join(repoRoot, 'examples', sample), folder, { recursive: true, filter: (src) => !src.includes(`${sample}/backend`) });
  const manifestFile = join(folder, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Record<string, unknown>;
  await writeFile(manifestFile, JSON.stringify({ ...manifest, ...manifestPatch }, null, 2));
  return folder;
}

/** A .zip written byte for byte from the given entries (used for packages the CLI would refuse to build). */
export function writeZip(entries: Record<string, string>, outFile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, text] of Object.entries(entries)) zip.addBuffer(Buffer.from(text, 'utf8'), name);
    const out = createWriteStream(outFile);
    out.on('close', () => resolve(outFile));
    out.on('error', reject);
    zip.outputStream.pipe(out);
    zip.end();
  });
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node scripts/pack-app.mjs <folder> [out]` exactly as `npm run pack:app -- ...` would, with the
 * developer key in a folder of the test's own (made on first use) instead of the user's home.
 */
export async function packCli(folder: string, out?: string): Promise<CliRun> {
  const args = [join(repoRoot, 'scripts', 'pack-app.mjs'), folder, ...(out ? [out] : [])];
  const env = { ...process.env, SUPERAPP_DEVELOPER_KEY: join(await tempDir('key'), 'developer-key.pem') };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: dirname(folder), timeout: 60_000, env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}
