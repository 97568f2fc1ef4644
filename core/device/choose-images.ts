import { copyFile, rm, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { CallerIdentity } from '../contracts/app';
import { CHOSEN_FILE_MAX_BYTES, IMAGE_EXTENSIONS } from '../contracts/device';
import type { DeviceHost, PickedFile } from '../contracts/device-host';
import { ApiError, Errno } from '../contracts/errors';
import type { TempFiles } from '../network/temp-files';
import { currentCallSignal } from '../dispatcher/call-context';

export interface ChooseDeps {
  host: Pick<DeviceHost, 'pickImages'>;
  tempFiles: TempFiles;
  maxFileBytes?: number;
}

interface ChosenImage {
  url: string;
  size: number;
  width?: number;
  height?: number;
}

const IMAGE_EXT: ReadonlySet<string> = new Set(IMAGE_EXTENSIONS);
const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1).replace(/\.0$/, '')} MB`;

/**
 * The camera is not something this desktop shell offers: a call that allows only the camera fails
 * clearly instead of silently opening the album; one that allows the album gets the album.
 */
function requireAlbum(sourceType: readonly string[]): void {
  if (!sourceType.includes('album')) {
    throw new ApiError("not supported: this desktop shell has no camera; allow sourceType 'album' to choose from files", { errno: Errno.notSupported });
  }
}

/**
 * wx.chooseImage / chooseMedia (images): the host's chooser (Electron: its open dialog; browser host: a
 * trusted sheet with a file input) gives files, which are checked (count, kind, size) and copied into the
 * app's own temp area. The results are temp paths of that app, which its `<image src>` shows and uploadFile
 * sends, and which no other app can read. Files are returned as picked: 'compressed' is not applied.
 */
export function createChooseImages(deps: ChooseDeps) {
  const maxBytes = deps.maxFileBytes ?? CHOSEN_FILE_MAX_BYTES;

  const choose = async (api: 'chooseImage' | 'chooseMedia', caller: CallerIdentity, count: number): Promise<ChosenImage[]> => {
    const picked = await deps.host.pickImages({ api, count }, caller, currentCallSignal());
    if (!picked || picked.files.length === 0) {
      await picked?.release?.();
      throw ApiError.cancel();
    }
    try {
      if (picked.files.length > count) throw new ApiError(`too many files: ${picked.files.length} chosen, count allows ${count}`);
      const sizes = await Promise.all(picked.files.map(async (f) => checkFile(f, maxBytes)));
      const out: ChosenImage[] = [];
      for (const [i, file] of picked.files.entries()) {
        const temp = deps.tempFiles.create(caller.appInfo.appId, file.name);
        await copyFile(file.path, temp.file);
        out.push({ url: temp.url, size: sizes[i]!, ...(file.width && file.height ? { width: file.width, height: file.height } : {}) });
      }
      return out;
    } finally {
      await picked.release?.();
    }
  };

  return {
    async chooseImage(caller: CallerIdentity, p: { count: number; sourceType: string[] }) {
      requireAlbum(p.sourceType);
      const images = await choose('chooseImage', caller, p.count);
      return { tempFilePaths: images.map((i) => i.url), tempFiles: images.map((i) => ({ path: i.url, size: i.size })) };
    },
    async chooseMedia(caller: CallerIdentity, p: { count: number; mediaType: string[]; sourceType: string[] }) {
      if (!p.mediaType.includes('image') && !p.mediaType.includes('mix')) {
        throw new ApiError("not supported: this shell chooses images only; include 'image' in mediaType", { errno: Errno.notSupported });
      }
      requireAlbum(p.sourceType);
      const images = await choose('chooseMedia', caller, p.count);
      return {
        tempFiles: images.map((i) => ({ tempFilePath: i.url, size: i.size, fileType: 'image' as const, ...(i.width ? { width: i.width, height: i.height } : {}) })),
        type: 'image' as const,
      };
    },
  };
}

async function checkFile(file: PickedFile, maxBytes: number): Promise<number> {
  const ext = extname(file.name).slice(1).toLowerCase();
  if (!IMAGE_EXT.has(ext)) throw new ApiError(`not an image: "${file.name}" (choose ${IMAGE_EXTENSIONS.join(', ')})`);
  let size: number;
  try {
    const info = await stat(file.path);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    throw new ApiError(`file not found: "${file.name}" could not be read`);
  }
  if (size > maxBytes) throw new ApiError(`file too large: "${file.name}" is ${megabytes(size)}; each file may be at most ${megabytes(maxBytes)}`);
  return size;
}

/** Removes a folder the host made for picked files, once they were copied. */
export function releaseFolder(folder: string): () => Promise<void> {
  return () => rm(folder, { recursive: true, force: true }).catch(() => undefined);
}
