import { runCallbacks, splitOptions } from '../../client/wx/callbacks';

/** FileSystemManager's methods with callbacks, and their synchronous forms (WeChat's API list). */
const ASYNC_METHODS = [
  'access', 'appendFile', 'close', 'copyFile', 'fstat', 'ftruncate', 'getFileInfo', 'getSavedFileList', 'mkdir', 'open', 'read',
  'readCompressedFile', 'readFile', 'readZipEntry', 'readdir', 'removeSavedFile', 'rename', 'rmdir', 'saveFile', 'stat', 'truncate',
  'unlink', 'unzip', 'write', 'writeFile',
] as const;
const SYNC_METHODS = [
  'accessSync', 'appendFileSync', 'closeSync', 'copyFileSync', 'fstatSync', 'ftruncateSync', 'mkdirSync', 'openSync', 'readCompressedFileSync',
  'readSync', 'readdirSync', 'readFileSync', 'renameSync', 'rmdirSync', 'saveFileSync', 'statSync', 'truncateSync', 'unlinkSync',
  'writeFileSync', 'writeSync',
] as const;

const reason = 'not supported in this desktop shell';

/**
 * wx.getFileSystemManager and wx.env: this shell has no per-app file system yet. Apps call
 * `wx.getFileSystemManager()` at a module's top level and read `wx.env.USER_DATA_PATH` to build paths, so the
 * manager exists and every method fails clearly instead of the page stopping with "is not a function": with
 * callbacks, fail then complete {errMsg: "<method>:fail not supported in this desktop shell"}; the Sync forms
 * throw an Error with that message, as WeChat's Sync methods throw theirs. canIUse answers false for it.
 */
export function fileSystemStubApis(): Record<string, unknown> {
  const manager: Record<string, unknown> = {};
  for (const name of ASYNC_METHODS) {
    manager[name] = (options?: unknown) => {
      const split = splitOptions(options && typeof options === 'object' ? (options as Record<string, unknown>) : {});
      void Promise.resolve().then(() => runCallbacks(name, split, { ok: false, result: { errMsg: `${name}:fail ${reason}` } }));
    };
  }
  for (const name of SYNC_METHODS) {
    manager[name] = () => {
      throw new Error(`${name}:fail ${reason}`);
    };
  }
  const frozen = Object.freeze(manager);
  return {
    getFileSystemManager: () => frozen,
    env: Object.freeze({ USER_DATA_PATH: 'wxfile://usr' }),
  };
}

/** for canIUse: present, so that a call fails clearly, but not usable */
export const FILE_SYSTEM_STUBS: ReadonlySet<string> = new Set(['getFileSystemManager']);
