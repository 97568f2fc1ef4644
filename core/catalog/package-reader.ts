import { createWriteStream } from 'node:fs';
import { lstat, mkdir, readdir, readFile, copyFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import yauzl from 'yauzl';
import { ShellCommandError } from '../contracts/services';

/** Limits that keep a hostile or broken package from filling the disk. */
export const PACKAGE_LIMITS = { maxBytes: 200 * 1024 * 1024, maxFiles: 5000 } as const;

export type Progress = (bytes: number, totalBytes: number) => void;

interface FileEntry {
  /** posix path inside the package */
  path: string;
  size: number;
}

function assertSafeEntry(path: string): void {
  const parts = path.split('/');
  if (path.startsWith('/') || path.includes('\\') || path.includes('\0') || parts.includes('..') || /^[A-Za-z]:/.test(path)) {
    throw new ShellCommandError(`The package contains an unsafe path "${path}"`, 'Package files must stay inside the package folder.');
  }
}

function assertWithinLimits(files: FileEntry[]): number {
  const total = files.reduce((n, f) => n + f.size, 0);
  if (files.length > PACKAGE_LIMITS.maxFiles) {
    throw new ShellCommandError(`The package has ${files.length} files; the limit is ${PACKAGE_LIMITS.maxFiles}`, 'Remove build leftovers such as node_modules.');
  }
  if (total > PACKAGE_LIMITS.maxBytes) {
    throw new ShellCommandError(`The package is ${Math.ceil(total / 1048576)} MB; the limit is 200 MB`, 'Remove large assets or load them from a server.');
  }
  return total;
}

/** Regular files below a folder. Symlinks are skipped: a package is copied, never linked to the outside. */
async function listFolder(root: string, prefix = ''): Promise<FileEntry[]> {
  const out: FileEntry[] = [];
  for (const dirent of await readdir(join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${dirent.name}` : dirent.name;
    if (dirent.isDirectory()) {
      if (dirent.name === 'node_modules' || dirent.name === '.git') continue;
      out.push(...(await listFolder(root, rel)));
    } else if (dirent.isFile()) {
      out.push({ path: rel, size: (await lstat(join(root, rel))).size });
    }
  }
  return out;
}

export async function readManifestText(source: string): Promise<string> {
  const info = await lstat(source).catch(() => undefined);
  if (!info) throw new ShellCommandError(`Nothing found at "${source}"`, 'Pick a mini program folder or a .zip file.');
  if (info.isDirectory()) {
    return readFile(join(source, 'manifest.json'), 'utf8').catch(() => {
      throw new ShellCommandError(`"${source}" has no manifest.json`, 'A mini program folder needs manifest.json at its root.');
    });
  }
  const zip = await openZip(source);
  try {
    const { entries, prefix } = await zipEntries(zip);
    const manifest = entries.find((e) => e.fileName === `${prefix}manifest.json`);
    if (!manifest) throw new ShellCommandError('The .zip has no manifest.json', 'Put manifest.json at the root of the zip (or inside one top folder).');
    const stream = await zip.openReadStreamPromise(manifest);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    zip.close();
  }
}

async function openZip(source: string): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.openPromise(source, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true });
  } catch (e) {
    throw new ShellCommandError(`"${source}" is not a readable .zip (${(e as Error).message})`, 'Pick a mini program folder or a .zip made with `npm run pack:app`.');
  }
}

/** Entries of a zip, and the single top folder they share, if any ("app/manifest.json" is accepted). */
async function zipEntries(zip: yauzl.ZipFile): Promise<{ entries: yauzl.Entry[]; prefix: string }> {
  const entries: yauzl.Entry[] = [];
  for await (const entry of zip.eachEntry()) {
    if (!entry.fileName.endsWith('/')) entries.push(entry);
    if (entries.length > PACKAGE_LIMITS.maxFiles) break;
  }
  const hasRootManifest = entries.some((e) => e.fileName === 'manifest.json');
  const tops = new Set(entries.map((e) => e.fileName.split('/')[0]));
  const prefix = !hasRootManifest && tops.size === 1 && entries.every((e) => e.fileName.includes('/')) ? `${[...tops][0]}/` : '';
  return { entries, prefix };
}

function counting(onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
}

/** Copies a folder or extracts a .zip into `target` (which must not exist yet), reporting bytes copied. */
export async function copyPackage(source: string, target: string, onProgress: Progress): Promise<void> {
  const info = await lstat(source);
  await mkdir(target, { recursive: true });
  let done = 0;
  if (info.isDirectory()) {
    const files = await listFolder(source);
    files.forEach((f) => assertSafeEntry(f.path));
    const total = assertWithinLimits(files);
    onProgress(0, total);
    for (const file of files) {
      const to = join(target, ...file.path.split('/'));
      await mkdir(dirname(to), { recursive: true });
      await copyFile(join(source, ...file.path.split('/')), to);
      done += file.size;
      onProgress(done, total);
    }
    return;
  }
  const zip = await openZip(source);
  try {
    const { entries, prefix } = await zipEntries(zip);
    const files = entries
      .filter((e) => e.fileName.startsWith(prefix))
      .map((e) => ({ entry: e, path: posix.normalize(e.fileName.slice(prefix.length)), size: e.uncompressedSize }));
    files.forEach((f) => assertSafeEntry(f.path));
    const total = assertWithinLimits(files);
    onProgress(0, total);
    for (const file of files) {
      const to = join(target, ...file.path.split('/'));
      await mkdir(dirname(to), { recursive: true });
      const stream = await zip.openReadStreamPromise(file.entry);
      await pipeline(stream, counting((n) => { done += n; onProgress(done, total); }), createWriteStream(to, { flags: 'wx' }));
    }
  } finally {
    zip.close();
  }
}
