import { appendFile, rm } from 'node:fs/promises';
import { ApiError } from '../contracts/errors';
import { sizeText, TEMP_WRITE_MAX_BYTES, TEMP_WRITE_MAX_UNFINISHED } from '../contracts/temp-write-limits';
import type { WriteTempFileParams } from '../contracts/temp-writes';
import type { TempFiles } from '../network/temp-files';

export interface TempWritesOptions {
  /** default TEMP_WRITE_MAX_BYTES; tests use a small one */
  maxBytes?: number;
  /** how a piece reaches the disk (default fs appendFile); tests put a full disk here */
  append?: (file: string, bytes: Uint8Array) => Promise<void>;
}

interface Unfinished {
  file: string;
  size: number;
}

/** what the disk said, in words a developer can act on */
function diskReason(e: unknown, bytes: number): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC') return `no space left on device: ${bytes} bytes could not be stored`;
  if (code === 'EDQUOT') return `disk quota exceeded: ${bytes} bytes could not be stored`;
  return `the file could not be written (${typeof code === 'string' ? code : e instanceof Error ? e.message : String(e)})`;
}

/**
 * __writeTempFile (core/contracts/temp-write-limits.ts): bytes the page made, written into the app's own
 * temp area, the one downloadFile and chooseImage fill, so the path works wherever theirs do. A file the
 * page is still writing is known here only (appId + path): later pieces may go to it, and to no other file.
 * Whatever fails (too large, full disk) removes the file, so a failed call leaves nothing behind.
 */
export function createTempWrites(tempFiles: TempFiles, options: TempWritesOptions = {}) {
  const maxBytes = options.maxBytes ?? TEMP_WRITE_MAX_BYTES;
  const append = options.append ?? ((file, bytes) => appendFile(file, bytes));
  const unfinished = new Map<string, Unfinished>();
  const keyOf = (appId: string, url: string) => `${appId}\n${url}`;

  const drop = async (key: string, entry: Unfinished): Promise<void> => {
    unfinished.delete(key);
    await rm(entry.file, { force: true }).catch(() => undefined);
  };

  return {
    async write(appId: string, p: WriteTempFileParams): Promise<{ tempFilePath: string; size: number }> {
      let url: string;
      let entry: Unfinished;
      if (p.tempFilePath === undefined) {
        if (p.discard) throw new ApiError('parameter error: discard needs the tempFilePath of an unfinished file');
        const open = [...unfinished.keys()].filter((k) => k.startsWith(`${appId}\n`)).length;
        if (open >= TEMP_WRITE_MAX_UNFINISHED) throw new ApiError(`too many unfinished temp files: ${open} are being written, finish or discard one first`);
        const made = tempFiles.create(appId, `image.${p.fileType}`);
        url = made.url;
        entry = { file: made.file, size: 0 };
        unfinished.set(keyOf(appId, url), entry);
      } else {
        url = p.tempFilePath;
        const found = unfinished.get(keyOf(appId, url));
        if (!found) throw new ApiError(`file not found: ${url} is not a temp file this app is still writing`);
        entry = found;
      }
      const key = keyOf(appId, url);
      if (p.discard) {
        await drop(key, entry);
        return { tempFilePath: url, size: 0 };
      }
      const bytes = Buffer.from(p.data, 'base64');
      if (entry.size + bytes.byteLength > maxBytes) {
        await drop(key, entry);
        throw new ApiError(`file too large: more than ${sizeText(maxBytes)}, the most one temp file may hold`);
      }
      try {
        await append(entry.file, bytes);
      } catch (e) {
        await drop(key, entry);
        throw new ApiError(diskReason(e, entry.size + bytes.byteLength));
      }
      entry.size += bytes.byteLength;
      if (p.last) unfinished.delete(key);
      return { tempFilePath: url, size: entry.size };
    },
  };
}

export type TempWrites = ReturnType<typeof createTempWrites>;
