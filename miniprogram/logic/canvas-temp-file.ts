import { toBase64 } from '../../client/wx/base64';
import { sizeText, TEMP_WRITE_API, TEMP_WRITE_CHUNK_BYTES, TEMP_WRITE_MAX_BYTES } from '../../core/contracts/temp-write-limits';
import { failReason, RuntimeApiError } from './runtime-apis';

/** a host API through the Worker's wx, Promise style: resolves with the success object, rejects with the fail object */
export type HostCall = (api: string, params: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** the bytes cut in the pieces one bridge request can carry (at least one piece, so an empty file is made too) */
export function piecesOf(bytes: Uint8Array, size = TEMP_WRITE_CHUNK_BYTES): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < bytes.byteLength; at += size) pieces.push(bytes.subarray(at, at + size));
  return pieces.length > 0 ? pieces : [bytes];
}

/**
 * Stores canvasToTempFilePath's encoded image as a temp file of the app, through the host (__writeTempFile,
 * core/contracts/temp-write-limits.ts), and gives its path: what downloadFile's and chooseImage's paths are,
 * so <image>, the file APIs and uploadFile take it. Too large an image fails before anything is sent; a
 * failure half way asks the host to remove what it got, so a failed call leaves no file behind.
 */
export async function storeTempImage(bytes: Uint8Array, fileType: 'png' | 'jpg', call: HostCall): Promise<string> {
  if (bytes.byteLength > TEMP_WRITE_MAX_BYTES) {
    throw new RuntimeApiError(`file too large: the image is ${bytes.byteLength} bytes, a temp file may hold at most ${sizeText(TEMP_WRITE_MAX_BYTES)}`);
  }
  const pieces = piecesOf(bytes);
  let tempFilePath: string | undefined;
  for (const [i, piece] of pieces.entries()) {
    const params: Record<string, unknown> = { data: toBase64(piece), fileType, last: i === pieces.length - 1, ...(tempFilePath ? { tempFilePath } : {}) };
    try {
      const result = await call(TEMP_WRITE_API, params);
      tempFilePath = String(result['tempFilePath']);
    } catch (fail) {
      // the host removes the file itself when it refuses a piece; this is for a piece that never arrived
      if (tempFilePath) await call(TEMP_WRITE_API, { data: '', fileType, tempFilePath, discard: true }).catch(() => undefined);
      throw new RuntimeApiError(failReason(fail));
    }
  }
  return tempFilePath!;
}
