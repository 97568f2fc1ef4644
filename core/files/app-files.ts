import { createHash, randomBytes } from 'node:crypto';
import { readFile, rm, stat as statOnDisk } from 'node:fs/promises';
import { extname } from 'node:path';
import type { FileApiName } from '../contracts/api-names';
import type { ApiParams, ApiResult } from '../contracts/apis';
import type { FileStatsWire } from '../contracts/files';
import type { Clock, DataStore, FileRow } from '../contracts/ports';
import type { TempFiles } from '../network/temp-files';
import { FileErrno, STORAGE_LIMIT_REASON, fileError } from './file-errors';
import { bytesOf, textOf } from './file-encoding';
import { parentOf, relativeTo, resolveAppPath, SAVED_FILE_PREFIX, USER_DATA_PATH, type AppPath } from './file-paths';

/**
 * WeChat's file system guide (developers.weixin.qq.com/miniprogram/dev/framework/ability/file-system.html):
 * saved files ("本地缓存文件") and user files ("本地用户文件") together may hold at most 200 MB per mini program.
 */
export const FILE_STORAGE_LIMIT_BYTES = 200 * 1024 * 1024;

/** POSIX st_mode of what Stats report (regular file rw-r--r--, directory rwxr-xr-x) */
const FILE_MODE = 0o100644;
const DIR_MODE = 0o040755;

export interface AppFilesOptions {
  clock: Clock;
  /** downloadFile's temp area: its files are readable (readFile, copyFile, saveFile...) by the app that owns them */
  tempFiles?: TempFiles;
  /** default FILE_STORAGE_LIMIT_BYTES; tests use a small one */
  limitBytes?: number;
}

/** one handler per file API: what the route of that API calls with the caller's app id */
export type AppFiles = { [N in FileApiName]: (appId: string, params: ApiParams<N>) => ApiResult<N> | Promise<ApiResult<N>> } & {
  /** uninstall: every file of the app goes */
  forgetApp(appId: string): void;
};

const seconds = (ms: number): number => Math.floor(ms / 1000);
const statsOf = (row: Pick<FileRow, 'kind' | 'size' | 'mtime'>): FileStatsWire => ({
  mode: row.kind === 'dir' ? DIR_MODE : FILE_MODE,
  size: row.size,
  // the store keeps no access time: the last write is the last access it knows of
  lastAccessedTime: seconds(row.mtime),
  lastModifiedTime: seconds(row.mtime),
});

/**
 * The host side of wx.getFileSystemManager(): each app's files as rows of the data store (so writes are
 * transactions, apps are isolated by app id, and a backup of the data file has them), with WeChat's paths,
 * results and errMsgs. Paths are resolved by file-paths.ts; whatever they do not resolve is "permission denied".
 */
export function createAppFiles(data: DataStore, options: AppFilesOptions): AppFiles {
  const rows = data.files;
  const limit = options.limitBytes ?? FILE_STORAGE_LIMIT_BYTES;
  const now = () => options.clock.now();

  const entry = (appId: string, path: string): FileRow | undefined =>
    path === USER_DATA_PATH ? { path, kind: 'dir', size: 0, mtime: now(), ctime: 0 } : rows.get(appId, path);
  const isDir = (appId: string, path: string | undefined): boolean => path !== undefined && entry(appId, path)?.kind === 'dir';

  /** refuses a write that would take the app past its quota (`replaced`: bytes the write frees) */
  const makeRoom = (appId: string, added: number, replaced = 0): void => {
    if (rows.totalBytes(appId) - replaced + added > limit) throw fileError(STORAGE_LIMIT_REASON, FileErrno.storageLimitExceeded);
  };

  /** a file the app may read: its own usr or saved file, or one of its temp files; undefined when there is none */
  const readBytes = async (appId: string, where: AppPath, onDirectory: () => Error): Promise<Uint8Array | undefined> => {
    if (where.kind === 'temp') {
      const file = await options.tempFiles?.resolve(appId, where.url);
      return file === undefined ? undefined : new Uint8Array(await readFile(file));
    }
    if (where.kind === 'denied') return undefined;
    if (isDir(appId, where.path)) throw onDirectory();
    return rows.read(appId, where.path);
  };

  /** the usr path of a write, or the failure: `denied` for anything outside usr, `missing` when its folder is not there */
  const writable = (appId: string, raw: string, denied: () => Error, missing: () => Error): string => {
    const where = resolveAppPath(raw);
    if (where.kind !== 'usr' || where.path === USER_DATA_PATH) {
      if (where.kind === 'usr') throw fileError(`illegal operation on a directory, open ${raw}`, FileErrno.illegalOnDirectory);
      throw denied();
    }
    const parent = entry(appId, parentOf(where.path)!);
    if (!parent) throw missing();
    if (parent.kind !== 'dir') throw fileError(`not a directory, open ${raw}`, FileErrno.notADirectory);
    if (isDir(appId, where.path)) throw fileError(`illegal operation on a directory, open ${raw}`, FileErrno.illegalOnDirectory);
    return where.path;
  };

  const putFile = (appId: string, path: string, bytes: Uint8Array): void => {
    data.transaction(() => {
      makeRoom(appId, bytes.byteLength, rows.get(appId, path)?.size ?? 0);
      rows.putFile(appId, path, bytes, now());
    });
  };

  const denied = (raw: string) => () => fileError(`permission denied, open ${raw}`, FileErrno.permissionDenied);

  return {
    async access(appId, { path }) {
      const where = resolveAppPath(path);
      if (where.kind === 'denied') throw denied(path)();
      const found = where.kind === 'temp' ? (await options.tempFiles?.resolve(appId, where.url)) !== undefined : entry(appId, where.path) !== undefined;
      if (!found) throw fileError(`no such file or directory ${path}`, FileErrno.noSuchFile);
      return {};
    },

    async readFile(appId, { filePath, encoding, position, length }) {
      const where = resolveAppPath(filePath);
      if (where.kind === 'denied') throw denied(filePath)();
      const bytes = await readBytes(appId, where, () => fileError(`illegal operation on a directory, open ${filePath}`, FileErrno.illegalOnDirectory));
      if (!bytes) throw fileError(`no such file or directory, open ${filePath}`, FileErrno.noSuchFile);
      // WeChat: the range read is [position, position + length), position within [0, size - 1], length within [1, size]
      const start = position ?? 0;
      if (position !== undefined && position > 0 && position >= bytes.byteLength) throw fileError('value of offset is out of range', FileErrno.offsetOutOfRange);
      if (length !== undefined && start + length > bytes.byteLength) throw fileError('value of length is out of range', FileErrno.lengthOutOfRange);
      return { data: textOf(bytes.subarray(start, length === undefined ? undefined : start + length), encoding) };
    },

    writeFile(appId, { filePath, data: text, encoding }) {
      const path = writable(appId, filePath, denied(filePath), () => fileError(`no such file or directory, open ${filePath}`, FileErrno.noSuchFile));
      putFile(appId, path, bytesOf(text, encoding));
      return {};
    },

    appendFile(appId, { filePath, data: text, encoding }) {
      const missing = () => fileError(`no such file or directory, open ${filePath}`, FileErrno.noSuchFile);
      const path = writable(appId, filePath, denied(filePath), missing);
      const added = bytesOf(text, encoding);
      data.transaction(() => {
        const old = rows.read(appId, path);
        if (!old) throw missing();
        makeRoom(appId, added.byteLength);
        const joined = new Uint8Array(old.byteLength + added.byteLength);
        joined.set(old);
        joined.set(added, old.byteLength);
        rows.putFile(appId, path, joined, now());
      });
      return {};
    },

    unlink(appId, { filePath }) {
      const where = resolveAppPath(filePath);
      if (where.kind !== 'usr' && where.kind !== 'saved') throw denied(filePath)();
      const row = entry(appId, where.path);
      if (!row) throw fileError(`no such file or directory ${filePath}`, FileErrno.noSuchFile);
      if (row.kind === 'dir') throw fileError(`operation not permitted, unlink ${filePath}`, FileErrno.operationNotPermitted);
      rows.removeTree(appId, where.path);
      return {};
    },

    mkdir(appId, { dirPath, recursive }) {
      const where = resolveAppPath(dirPath);
      if (where.kind !== 'usr') throw denied(dirPath)();
      const existing = entry(appId, where.path);
      // like mkdir -p, a recursive mkdir of a folder that is already there succeeds
      if (existing && (existing.kind !== 'dir' || !recursive)) throw fileError(`file already exists ${dirPath}`, FileErrno.alreadyExists);
      if (existing) return {};
      const missing: string[] = [];
      for (let path: string | undefined = where.path; path !== undefined; path = parentOf(path)) {
        const row = entry(appId, path);
        if (row?.kind === 'file') throw fileError(`not a directory ${dirPath}`, FileErrno.notADirectory);
        if (row) break;
        missing.unshift(path);
      }
      if (missing.length > 1 && !recursive) throw fileError(`no such file or directory ${dirPath}`, FileErrno.noSuchFile);
      data.transaction(() => {
        for (const path of missing) rows.putDir(appId, path, now());
      });
      return {};
    },

    rmdir(appId, { dirPath, recursive }) {
      const where = resolveAppPath(dirPath);
      // the root of the app's files stays: removing it would leave the app nowhere to write
      if (where.kind !== 'usr' || where.path === USER_DATA_PATH) throw denied(dirPath)();
      const row = entry(appId, where.path);
      if (!row) throw fileError(`no such file or directory ${dirPath}`, FileErrno.noSuchFile);
      if (row.kind !== 'dir') throw fileError(`not a directory ${dirPath}`, FileErrno.notADirectory);
      if (!recursive && rows.list(appId, `${where.path}/`).length > 0) throw fileError('directory not empty', FileErrno.directoryNotEmpty);
      rows.removeTree(appId, where.path);
      return {};
    },

    readdir(appId, { dirPath }) {
      const where = resolveAppPath(dirPath);
      if (where.kind !== 'usr') throw denied(dirPath)();
      const row = entry(appId, where.path);
      if (!row) throw fileError(`no such file or directory ${dirPath}`, FileErrno.noSuchFile);
      if (row.kind !== 'dir') throw fileError(`not a directory ${dirPath}`, FileErrno.notADirectory);
      const prefix = `${where.path}/`;
      const files = rows.list(appId, prefix).map((r) => r.path.slice(prefix.length)).filter((name) => !name.includes('/'));
      return { files };
    },

    async stat(appId, { path, recursive }) {
      const where = resolveAppPath(path);
      if (where.kind === 'denied') throw denied(path)();
      if (where.kind === 'temp') {
        const file = await options.tempFiles?.resolve(appId, where.url);
        if (file === undefined) throw fileError(`no such file or directory ${path}`, FileErrno.noSuchFile);
        const info = await statOnDisk(file);
        return { stats: statsOf({ kind: 'file', size: info.size, mtime: info.mtimeMs }) };
      }
      const row = entry(appId, where.path);
      if (!row) throw fileError(`no such file or directory ${path}`, FileErrno.noSuchFile);
      if (!recursive || row.kind !== 'dir') return { stats: statsOf(row) };
      // WeChat: with recursive on a folder, an array of { path (relative to `path`, "/" for itself), stats }
      const below = rows.list(appId, `${where.path}/`);
      return { stats: [row, ...below].map((r) => ({ path: relativeTo(where.path, r.path), stats: statsOf(r) })) };
    },

    rename(appId, { oldPath, newPath }) {
      const reason = (what: string) => `${what}, rename ${oldPath} -> ${newPath}`;
      const from = resolveAppPath(oldPath);
      const to = resolveAppPath(newPath);
      if ((from.kind !== 'usr' && from.kind !== 'saved') || from.path === USER_DATA_PATH || to.kind !== 'usr' || to.path === USER_DATA_PATH) {
        throw fileError(reason('permission denied'), FileErrno.permissionDenied);
      }
      const source = entry(appId, from.path);
      if (!source || !isDir(appId, parentOf(to.path))) throw fileError(reason('no such file or directory'), FileErrno.noSuchFile);
      if (to.path === from.path) return {};
      if (to.path.startsWith(`${from.path}/`)) throw fileError(reason('invalid argument'), FileErrno.invalidArgument);
      const target = entry(appId, to.path);
      if (target?.kind === 'file' && source.kind === 'dir') throw fileError(reason('not a directory'), FileErrno.notADirectory);
      if (target?.kind === 'dir' && source.kind === 'file') throw fileError(reason('illegal operation on a directory'), FileErrno.illegalOnDirectory);
      if (target?.kind === 'dir' && rows.list(appId, `${to.path}/`).length > 0) throw fileError('directory not empty', FileErrno.directoryNotEmpty);
      data.transaction(() => {
        // POSIX rename: a file, or an empty folder, at the new path is replaced
        if (target) rows.removeTree(appId, to.path);
        rows.moveTree(appId, from.path, to.path);
      });
      return {};
    },

    async copyFile(appId, { srcPath, destPath }) {
      const reason = (what: string) => `${what}, copyFile ${srcPath} -> ${destPath}`;
      const source = resolveAppPath(srcPath);
      if (source.kind === 'denied') throw fileError(reason('permission denied'), FileErrno.permissionDenied);
      const bytes = await readBytes(appId, source, () => fileError(reason('illegal operation on a directory'), FileErrno.illegalOnDirectory));
      if (!bytes) throw fileError(reason('no such file or directory'), FileErrno.noSuchFile);
      const path = writable(
        appId,
        destPath,
        () => fileError(reason('permission denied'), FileErrno.permissionDenied),
        () => fileError(reason('no such file or directory'), FileErrno.noSuchFile),
      );
      putFile(appId, path, bytes);
      return {};
    },

    truncate(appId, { filePath, length = 0 }) {
      const where = resolveAppPath(filePath);
      if (where.kind !== 'usr') throw denied(filePath)();
      if (isDir(appId, where.path)) throw fileError(`illegal operation on a directory, open ${filePath}`, FileErrno.illegalOnDirectory);
      const old = rows.read(appId, where.path);
      if (!old) throw fileError(`no such file or directory ${filePath}`, FileErrno.noSuchFile);
      // a longer length pads with zero bytes, as ftruncate does
      const next = new Uint8Array(length);
      next.set(old.subarray(0, Math.min(length, old.byteLength)));
      putFile(appId, where.path, next);
      return {};
    },

    async getFileInfo(appId, { filePath, digestAlgorithm = 'md5' }) {
      const where = resolveAppPath(filePath);
      if (where.kind === 'denied') throw denied(filePath)();
      const bytes = await readBytes(appId, where, () => fileError(`illegal operation on a directory, open ${filePath}`, FileErrno.illegalOnDirectory));
      if (!bytes) throw fileError('file not exist', FileErrno.noSuchFile);
      return { size: bytes.byteLength, digest: createHash(digestAlgorithm).update(bytes).digest('hex') };
    },

    async saveFile(appId, { tempFilePath, filePath }) {
      const source = resolveAppPath(tempFilePath);
      const file = source.kind === 'temp' ? await options.tempFiles?.resolve(appId, source.url) : undefined;
      if (file === undefined) throw fileError('tempFilePath file not exist', FileErrno.noSuchFile);
      const bytes = new Uint8Array(await readFile(file));
      let target: string;
      if (filePath === undefined) {
        const ext = extname(source.kind === 'temp' ? source.url : '').toLowerCase();
        target = `${SAVED_FILE_PREFIX}${randomBytes(16).toString('hex')}${/^\.[a-z0-9]{1,10}$/.test(ext) ? ext : ''}`;
      } else {
        const where = resolveAppPath(filePath);
        const folder = where.kind === 'usr' ? parentOf(where.path) : undefined;
        target = writable(
          appId,
          filePath,
          () => fileError(`permission denied, open "${filePath}"`, FileErrno.permissionDenied),
          () => fileError(`no such file or directory "${folder ?? filePath}"`, FileErrno.noSuchFile),
        );
      }
      putFile(appId, target, bytes);
      // WeChat moves the temp file: once saved, tempFilePath no longer works
      await rm(file, { force: true });
      return { savedFilePath: target };
    },

    getSavedFileList(appId) {
      const fileList = rows.list(appId, SAVED_FILE_PREFIX).map((r) => ({ filePath: r.path, size: r.size, createTime: seconds(r.ctime) }));
      return { fileList };
    },

    removeSavedFile(appId, { filePath }) {
      const where = resolveAppPath(filePath);
      if (where.kind !== 'saved' && where.kind !== 'usr') throw denied(filePath)();
      if (entry(appId, where.path)?.kind !== 'file') throw fileError('file not exist', FileErrno.noSuchFile);
      rows.removeTree(appId, where.path);
      return {};
    },

    forgetApp(appId) {
      rows.clear(appId);
    },
  };
}
