import { FILE_API_NAMES, WX_FILE_API_NAMES, type FileApiName } from '../../core/contracts/api-names';
import { utf8ByteLength } from '../../core/contracts/storage-quota';
import { MAX_REQUEST_BYTES } from '../../core/contracts/wire';
import { fromBase64, isBinary, toBase64 } from './base64';
import { runCallbacks, splitOptions } from './callbacks';
import type { Invoker } from './invoke';
import type { CallOutcome } from './response';
import type { WxFileSystem } from './file-system-types';

/** wx.env.USER_DATA_PATH: the root of the app's own files (the host keeps them per app, core/files) */
export const USER_DATA_PATH = 'wxfile://usr';

const UNSUPPORTED = 'not supported in this desktop shell';
/** FileSystemManager methods this shell does not have: file descriptors and archives */
const UNSUPPORTED_ASYNC = ['open', 'read', 'write', 'close', 'fstat', 'ftruncate', 'unzip', 'readZipEntry', 'readCompressedFile'] as const;
/** WeChat's Sync forms, and the asynchronous method to use instead where this shell has one */
const SYNC_FORMS: Record<string, string | undefined> = {
  accessSync: 'access', appendFileSync: 'appendFile', copyFileSync: 'copyFile', mkdirSync: 'mkdir', readdirSync: 'readdir',
  readFileSync: 'readFile', renameSync: 'rename', rmdirSync: 'rmdir', saveFileSync: 'saveFile', statSync: 'stat', truncateSync: 'truncate',
  unlinkSync: 'unlink', writeFileSync: 'writeFile', closeSync: undefined, fstatSync: undefined, ftruncateSync: undefined, openSync: undefined,
  readSync: undefined, writeSync: undefined, readCompressedFileSync: undefined,
};

/** POSIX file-type bits of Stats.mode */
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

/** WeChat's Stats: the host sends plain data, the app calls isFile()/isDirectory() on it */
class Stats {
  readonly mode: number;
  readonly size: number;
  readonly lastAccessedTime: number;
  readonly lastModifiedTime: number;
  constructor(wire: Record<string, unknown>) {
    this.mode = Number(wire['mode']);
    this.size = Number(wire['size']);
    this.lastAccessedTime = Number(wire['lastAccessedTime']);
    this.lastModifiedTime = Number(wire['lastModifiedTime']);
  }
  isFile(): boolean {
    return (this.mode & S_IFMT) === S_IFREG;
  }
  isDirectory(): boolean {
    return (this.mode & S_IFMT) === S_IFDIR;
  }
}

type Params = Record<string, unknown>;

/** An ArrayBuffer (or typed array) to write travels as base64; a string goes as it is, in its encoding. */
function prepareWrite(params: Params): Params {
  const data = params['data'];
  return isBinary(data) ? { ...params, data: toBase64(data), encoding: 'base64' } : params;
}

/** What the app gets: readFile without `encoding` gives an ArrayBuffer, stat gives Stats objects. */
function adaptResult(api: FileApiName, params: Params, result: Record<string, unknown>): Record<string, unknown> {
  if (api === 'readFile' && params['encoding'] === undefined && typeof result['data'] === 'string') return { ...result, data: fromBase64(result['data']) };
  if (api === 'stat') {
    const stats = result['stats'];
    if (Array.isArray(stats)) return { ...result, stats: stats.map((s: Params) => ({ path: s['path'], stats: new Stats(s['stats'] as Params) })) };
    if (stats && typeof stats === 'object') return { ...result, stats: new Stats(stats as Params) };
  }
  return result;
}

/**
 * A write larger than one bridge request fails here, saying so, instead of with the bridge's bare
 * "request too large": the host has every byte it was told it has, or none.
 */
function tooLarge(api: string, params: Params): string | undefined {
  if (typeof params['data'] !== 'string') return undefined;
  const bytes = utf8ByteLength(JSON.stringify(params));
  // room for the envelope around the params
  const room = MAX_REQUEST_BYTES - 512;
  if (bytes <= room) return undefined;
  return `${api}:fail data too large: ${bytes} bytes to send, this desktop shell carries at most ${room} bytes per call; write the rest with appendFile`;
}

/**
 * wx.getFileSystemManager() and wx.env. The manager's methods answer through callbacks only (WeChat:
 * "以 Promise 风格调用：不支持"); wx.saveFile, getSavedFileList, removeSavedFile and getFileInfo are on wx as
 * well, with Promise style, as in WeChat. The Sync forms throw: the logic layer reaches the host only
 * asynchronously, so each says which method to use instead.
 */
export function createFileSystemApis(invoker: Invoker): WxFileSystem & Record<(typeof WX_FILE_API_NAMES)[number], (options?: unknown) => unknown> {
  const call = (api: FileApiName, options: unknown): void => {
    const split = splitOptions(options && typeof options === 'object' ? (options as Params) : {});
    const params = api === 'writeFile' || api === 'appendFile' ? prepareWrite(split.params) : split.params;
    const refused = tooLarge(api, params);
    const pending: Promise<CallOutcome> = refused
      ? Promise.resolve({ ok: false, result: { errMsg: refused } })
      : invoker.send(api, params).then((o) => (o.ok ? { ok: true, result: { ...adaptResult(api, params, o.result), errMsg: o.result.errMsg } } : o));
    void pending.then((outcome) => runCallbacks(api, split, outcome));
  };

  const manager: Record<string, unknown> = {};
  for (const api of FILE_API_NAMES) manager[api] = (options?: unknown) => call(api, options);
  for (const name of UNSUPPORTED_ASYNC) {
    manager[name] = (options?: unknown) => {
      const split = splitOptions(options && typeof options === 'object' ? (options as Params) : {});
      void Promise.resolve().then(() => runCallbacks(name, split, { ok: false, result: { errMsg: `${name}:fail ${UNSUPPORTED}` } }));
    };
  }
  for (const [name, instead] of Object.entries(SYNC_FORMS)) {
    manager[name] = () => {
      throw new Error(`${name}:fail ${UNSUPPORTED}${instead ? `; use ${instead}` : ''}`);
    };
  }
  const frozen = Object.freeze(manager) as unknown as ReturnType<WxFileSystem['getFileSystemManager']>;

  const onWx = Object.fromEntries(WX_FILE_API_NAMES.map((api) => [api, (options?: unknown) => invoker.call(api, options)])) as Record<
    (typeof WX_FILE_API_NAMES)[number],
    (options?: unknown) => unknown
  >;
  return {
    ...onWx,
    getFileSystemManager: () => frozen,
    env: Object.freeze({ USER_DATA_PATH }),
  };
}
