/**
 * __writeTempFile: the internal bridge call that puts bytes made in the page (canvasToTempFilePath's encoded
 * image) into the app's temp area (core/network/temp-files.ts), so the result is a temp path every file API,
 * uploadFile and <image> accept. It is not a WeChat API: nothing in a mini program's typings names it.
 * This module has no zod: the logic Worker imports it (the schemas are in temp-writes.ts).
 *
 * A bridge request is at most MAX_REQUEST_BYTES of JSON, so the bytes travel as base64 in pieces of at most
 * TEMP_WRITE_CHUNK_BYTES: the first call makes the file and answers its path, each later one (with that
 * tempFilePath) appends to it, `last: false` keeps it open for more. A file stops growing at
 * TEMP_WRITE_MAX_BYTES; a call over it, or one the disk cannot take, removes the file.
 */
export const TEMP_WRITE_API = '__writeTempFile';

/** raw bytes per call: as base64 (4/3) plus the envelope, well under the 1 MiB request limit */
export const TEMP_WRITE_CHUNK_BYTES = 512 * 1024;
/** one file at most: a 4096 x 4096 poster as PNG stays far below it, and a runaway loop cannot fill the disk */
export const TEMP_WRITE_MAX_BYTES = 64 * 1024 * 1024;

/** files one app may have begun and not finished at once: a page that never finishes cannot pile them up */
export const TEMP_WRITE_MAX_UNFINISHED = 4;

/** a size in the failure messages: "64 MB", "1.5 MB", or bytes below a megabyte */
export function sizeText(bytes: number): string {
  return bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1).replace(/\.0$/, '')} MB` : `${bytes} bytes`;
}
