import { z } from 'zod';

/**
 * The wire shapes of wx.getFileSystemManager()'s methods (one bridge API each, named as WeChat names the method,
 * so the dispatcher's "<api>:fail ..." is WeChat's errMsg). Binary data travels as base64: the client turns an
 * ArrayBuffer into `data` + encoding "base64" and a readFile without `encoding` back into an ArrayBuffer.
 */

/** readFile's and writeFile's encodings, as WeChat lists them (FileSystemManager.readFile, writeFile) */
export const FILE_ENCODINGS = ['ascii', 'base64', 'binary', 'hex', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'utf-8', 'utf8', 'latin1'] as const;
export const FileEncoding = z.enum(FILE_ENCODINGS);
export type FileEncoding = z.infer<typeof FileEncoding>;

const Path = z.string().min(1, 'path must be a non-empty string').max(4096);
const Empty = z.object({}).loose();

/** What a Stats object carries on the wire; the client adds isFile()/isDirectory(). Times in seconds, as WeChat reports them. */
export const FileStatsWire = z.object({ mode: z.number(), size: z.number(), lastAccessedTime: z.number(), lastModifiedTime: z.number() });
export type FileStatsWire = z.infer<typeof FileStatsWire>;

export const fileApiSchemas = {
  access: { params: z.object({ path: Path }), result: Empty },
  readFile: {
    params: z.object({
      filePath: Path,
      encoding: FileEncoding.optional(),
      position: z.number().int().nonnegative().optional(),
      length: z.number().int().positive().optional(),
    }),
    // without `encoding` the bytes come as base64 and the client hands the app an ArrayBuffer
    result: z.object({ data: z.string() }),
  },
  writeFile: { params: z.object({ filePath: Path, data: z.string(), encoding: FileEncoding.optional() }), result: Empty },
  appendFile: { params: z.object({ filePath: Path, data: z.string(), encoding: FileEncoding.optional() }), result: Empty },
  unlink: { params: z.object({ filePath: Path }), result: Empty },
  mkdir: { params: z.object({ dirPath: Path, recursive: z.boolean().optional() }), result: Empty },
  rmdir: { params: z.object({ dirPath: Path, recursive: z.boolean().optional() }), result: Empty },
  readdir: { params: z.object({ dirPath: Path }), result: z.object({ files: z.array(z.string()) }) },
  stat: {
    params: z.object({ path: Path, recursive: z.boolean().optional() }),
    result: z.object({ stats: z.union([FileStatsWire, z.array(z.object({ path: z.string(), stats: FileStatsWire }))]) }),
  },
  rename: { params: z.object({ oldPath: Path, newPath: Path }), result: Empty },
  copyFile: { params: z.object({ srcPath: Path, destPath: Path }), result: Empty },
  truncate: { params: z.object({ filePath: Path, length: z.number().int().nonnegative().optional() }), result: Empty },
  getFileInfo: {
    params: z.object({ filePath: Path, digestAlgorithm: z.enum(['md5', 'sha1', 'sha256']).optional() }),
    result: z.object({ size: z.number(), digest: z.string() }),
  },
  saveFile: { params: z.object({ tempFilePath: Path, filePath: Path.optional() }), result: z.object({ savedFilePath: z.string() }) },
  getSavedFileList: {
    params: Empty,
    result: z.object({ fileList: z.array(z.object({ filePath: z.string(), size: z.number(), createTime: z.number() })) }),
  },
  removeSavedFile: { params: z.object({ filePath: Path }), result: Empty },
} as const;
