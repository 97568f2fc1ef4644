import { createWriteStream } from 'node:fs';
import { lstat, mkdir, open, readdir, copyFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import yauzl from 'yauzl';
import { ShellCommandError } from '../contracts/services';
import { PROJECT_CONFIG } from '../wechat/project-reader';

/** Limits that keep a hostile or broken package from filling the disk. */
export const PACKAGE_LIMITS = { maxBytes: 200 * 1024 * 1024, maxFiles: 5000 } as const;

/**
 * manifest.json is read whole into memory before the package limits above are checked, so it has a
 * small limit of its own: a real manifest is a few hundred bytes, and a zip entry of a few KiB can
 * unpack to gigabytes.
 */
export const MAX_MANIFEST_BYTES = 64 * 1024;

function manifestTooBig(what: string): ShellCommandError {
  return new ShellCommandError(
    `manifest.json ${what}; a manifest may be at most ${MAX_MANIFEST_BYTES} bytes (64 KiB)`,
    'Keep manifest.json to the documented fields (appId, name, version, entry, icon, description, developer, permissions) and install again.',
  );
}

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
      // .wx-build is the shell's own compiled output: never taken from a package
      if (dirent.name === 'node_modules' || dirent.name === '.git' || dirent.name === '.wx-build') continue;
      out.push(...(await listFolder(root, rel)));
    } else if (dirent.isFile()) {
      out.push({ path: rel, size: (await lstat(join(root, rel))).size });
    }
  }
  return out;
}

/**
 * A WeChat DevTools project (project.config.json at its root, or in the zip's one top folder) or a web
 * package (manifest.json). Read before anything else, so each format gets its own install path.
 */
export async function packageFormat(source: string): Promise<'web' | 'wechat'> {
  const info = await lstat(source).catch(() => undefined);
  if (!info) throw new ShellCommandError(`Nothing found at "${source}"`, 'Pick a mini program folder or a .zip file.');
  if (info.isDirectory()) {
    const config = await lstat(join(source, PROJECT_CONFIG)).catch(() => undefined);
    return config?.isFile() ? 'wechat' : 'web';
  }
  const zip = await openZip(source);
  try {
    const { entries, prefix } = await zipEntries(zip);
    return entries.some((e) => e.fileName === `${prefix}${PROJECT_CONFIG}`) ? 'wechat' : 'web';
  } finally {
    zip.close();
  }
}

export async function readManifestText(source: string): Promise<string> {
  const info = await lstat(source).catch(() => undefined);
  if (!info) throw new ShellCommandError(`Nothing found at "${source}"`, 'Pick a mini program folder or a .zip file.');
  if (info.isDirectory()) return readFolderManifest(join(source, 'manifest.json'), source);
  const zip = await openZip(source);
  try {
    const { entries, prefix } = await zipEntries(zip);
    const manifest = entries.find((e) => e.fileName === `${prefix}manifest.json`);
    if (!manifest) throw new ShellCommandError('The .zip has no manifest.json', 'Put manifest.json at the root of the zip (or inside one top folder).');
    // The declared size is checked before a single byte is inflated; the count below does not trust it.
    if (manifest.uncompressedSize > MAX_MANIFEST_BYTES) throw manifestTooBig(`unpacks to ${manifest.uncompressedSize} bytes`);
    const stream = await zip.openReadStreamPromise(manifest);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > MAX_MANIFEST_BYTES) {
        stream.destroy();
        throw manifestTooBig(`unpacks to more than ${MAX_MANIFEST_BYTES} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    zip.close();
  }
}

/**
 * A folder's manifest.json: a regular file (a symlink would not be copied with the package, and could
 * point at a device such as /dev/zero), its size checked before reading, and reading capped anyway in
 * case the file grows in between.
 */
async function readFolderManifest(file: string, source: string): Promise<string> {
  const info = await lstat(file).catch(() => undefined);
  if (!info) throw new ShellCommandError(`"${source}" has no manifest.json`, 'A mini program folder needs manifest.json at its root.');
  if (!info.isFile()) {
    throw new ShellCommandError(`manifest.json in "${source}" is not a regular file (a symlink or a device)`, 'Make manifest.json a regular file in the package folder.');
  }
  if (info.size > MAX_MANIFEST_BYTES) throw manifestTooBig(`is ${info.size} bytes`);
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(MAX_MANIFEST_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_MANIFEST_BYTES) throw manifestTooBig(`is more than ${MAX_MANIFEST_BYTES} bytes`);
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await handle.close();
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
  const hasRootManifest = entries.some((e) => e.fileName === 'manifest.json' || e.fileName === PROJECT_CONFIG);
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
