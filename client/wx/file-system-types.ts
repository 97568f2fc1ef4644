import type { WxCallbacks } from './callback-types';

type Method<P, S = Record<string, unknown>> = (options: P & WxCallbacks<S & { errMsg: string }>) => void;

/** what stat gives: WeChat's Stats (times in seconds) */
export interface WxFileStats {
  mode: number;
  size: number;
  lastAccessedTime: number;
  lastModifiedTime: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

type Encoding = 'ascii' | 'base64' | 'binary' | 'hex' | 'ucs2' | 'ucs-2' | 'utf16le' | 'utf-16le' | 'utf-8' | 'utf8' | 'latin1';

/** wx.getFileSystemManager()'s methods this shell implements (callback style only, as in WeChat) */
export interface WxFileSystemManager {
  access: Method<{ path: string }>;
  readFile: Method<{ filePath: string; encoding?: Encoding; position?: number; length?: number }, { data: string | ArrayBuffer }>;
  writeFile: Method<{ filePath: string; data: string | ArrayBuffer; encoding?: Encoding }>;
  appendFile: Method<{ filePath: string; data: string | ArrayBuffer; encoding?: Encoding }>;
  unlink: Method<{ filePath: string }>;
  mkdir: Method<{ dirPath: string; recursive?: boolean }>;
  rmdir: Method<{ dirPath: string; recursive?: boolean }>;
  readdir: Method<{ dirPath: string }, { files: string[] }>;
  stat: Method<{ path: string; recursive?: boolean }, { stats: WxFileStats | Array<{ path: string; stats: WxFileStats }> }>;
  rename: Method<{ oldPath: string; newPath: string }>;
  copyFile: Method<{ srcPath: string; destPath: string }>;
  truncate: Method<{ filePath: string; length?: number }>;
  getFileInfo: Method<{ filePath: string; digestAlgorithm?: 'md5' | 'sha1' | 'sha256' }, { size: number; digest: string }>;
  saveFile: Method<{ tempFilePath: string; filePath?: string }, { savedFilePath: string }>;
  getSavedFileList: Method<Record<string, unknown>, { fileList: Array<{ filePath: string; size: number; createTime: number }> }>;
  removeSavedFile: Method<{ filePath: string }>;
  /** every other FileSystemManager member WeChat has: fails with "<name>:fail not supported in this desktop shell" */
  readonly [unsupported: string]: unknown;
}

export interface WxFileSystem {
  getFileSystemManager(): WxFileSystemManager;
  env: { readonly USER_DATA_PATH: string };
}
