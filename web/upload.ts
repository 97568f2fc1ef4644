import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, join, relative, resolve, sep } from 'node:path';
import { UploadResult } from '../core/contracts/shell-wire';
import { sendJson } from './http-util';
import { IMAGE_EXTENSIONS } from '../core/contracts/device';
import type { ChooserUploads } from '../core/contracts/device-host';

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** The folder receiveUpload makes for each upload, under <dataDir>/uploads. */
const UPLOAD_FOLDER = /^[0-9a-f]{16}$/;

function fail(res: ServerResponse, status: number, message: string, hint: string): void {
  sendJson(res, status, { message, hint });
}

/** "x-file-name" is percent-encoded by the shell UI (header values are ASCII); keep only a plain file name. */
export function uploadFileName(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string' || header.length === 0 || header.length > 512) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    return undefined;
  }
  const plain = basename(name.replace(/\\/g, '/')).replace(/[^\w.\- ()]/g, '_');
  return UPLOADABLE.test(plain) && plain.length > 4 ? plain : undefined;
}

/** A package (.zip) to install, or an image picked in a chooseImage sheet (core/device/sheet-chooser.ts). */
const UPLOADABLE = new RegExp(`\\.(zip|${IMAGE_EXTENSIONS.join('|')})$`, 'i');

/** The chooser sheet's uploads: the shell page names them by the `source` this host returned. */
export function chooserUploads(uploadsDir: string, log: (message: string) => void): ChooserUploads {
  return {
    resolve(source) {
      const folder = uploadFolderOf(source, uploadsDir);
      return folder ? { path: resolve(source), name: basename(source) } : undefined;
    },
    async release(source) {
      const folder = uploadFolderOf(source, uploadsDir);
      if (folder) await removeUpload(folder, log);
    },
  };
}

/**
 * POST /shell/upload: the shell page sends a picked .zip; it is streamed (never buffered whole) into a
 * fresh folder under <dataDir>/uploads and the path is returned as the `source` for the install command.
 * The caller has already checked the shell token and Origin.
 */
export async function receiveUpload(req: IncomingMessage, res: ServerResponse, uploadsDir: string): Promise<void> {
  const name = uploadFileName(req.headers['x-file-name']);
  if (!name) {
    fail(res, 400, 'The upload has no usable file name, or it is neither a .zip nor an image.', 'Pick a mini program package saved as .zip (or, in a chooser, an image) and try again.');
    req.resume();
    return;
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) {
    fail(res, 413, `"${name}" is larger than ${MAX_UPLOAD_BYTES / 2 ** 20} MB.`, 'Remove large media from the package, or install it from a folder with --app.');
    req.resume();
    return;
  }
  const dir = join(uploadsDir, randomBytes(8).toString('hex')); // matches UPLOAD_FOLDER
  await mkdir(dir, { recursive: true });
  const target = join(dir, name);
  const out = createWriteStream(target, { flags: 'wx' });
  let size = 0;
  let tooLarge = false;

  const finished = await new Promise<boolean>((resolve) => {
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES && !tooLarge) {
        tooLarge = true;
        req.unpipe(out);
        out.destroy();
        resolve(false);
      }
    });
    req.on('aborted', () => resolve(false));
    req.on('error', () => resolve(false));
    out.on('error', () => resolve(false));
    out.on('finish', () => resolve(!tooLarge));
    req.pipe(out);
  });

  if (!finished) {
    await rm(dir, { recursive: true, force: true });
    if (tooLarge) fail(res, 413, `"${name}" is larger than ${MAX_UPLOAD_BYTES / 2 ** 20} MB.`, 'Remove large media from the package, or install it from a folder with --app.');
    else if (!res.headersSent && !res.destroyed) fail(res, 400, `The upload of "${name}" did not complete.`, 'Try again.');
    req.resume();
    return;
  }
  if (size === 0) {
    await rm(dir, { recursive: true, force: true });
    fail(res, 400, `"${name}" is empty.`, 'Choose the .zip again; it may not have finished downloading.');
    return;
  }
  sendJson(res, 200, UploadResult.parse({ source: target }));
}

/**
 * The folder of an upload when an install's `source` is one (<uploadsDir>/<folder>/<file>), else undefined.
 * Installing copies the package into the catalog, so the upload is of no use once the install is over;
 * a path that merely leads through uploads/ ("uploads/../x") is not one.
 */
export function uploadFolderOf(source: unknown, uploadsDir: string): string | undefined {
  if (typeof source !== 'string' || source.length === 0) return undefined;
  const parts = relative(resolve(uploadsDir), resolve(source)).split(sep);
  if (parts.length !== 2 || !UPLOAD_FOLDER.test(parts[0]!) || !parts[1]) return undefined;
  return join(resolve(uploadsDir), parts[0]!);
}

/** Removes an upload's folder after its install, whatever the outcome; a failure is logged, never thrown at the install. */
export async function removeUpload(folder: string, log: (message: string) => void): Promise<void> {
  try {
    await rm(folder, { recursive: true, force: true });
  } catch (e) {
    log(`could not remove the installed upload ${folder}: ${(e as Error).message}; it is removed at the next start`);
  }
}
