/**
 * HTTP Range requests (RFC 9110 §14) for package files, shared by both hosts so a mini program's
 * <video> or <audio> seeks the same way everywhere (Chromium's media player asks for byte ranges and
 * cannot seek in a response that ignores them). Only ONE range is honoured: a multi-range request
 * would need a multipart/byteranges body, and the spec lets a server answer it with the whole file.
 */

/** Inclusive byte offsets, as Content-Range writes them. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Reads a Range header against a file of `size` bytes:
 * - `{ start, end }` for one satisfiable range ("bytes=a-b", "bytes=a-", "bytes=-n"), end clamped to the file;
 * - `'unsatisfiable'` when it is well formed but selects no byte (start past the end, "bytes=-0", empty file): a 416;
 * - `undefined` when there is no header, several ranges, another unit or anything malformed: the whole file, a 200
 *   (the spec says to ignore a Range header the server does not understand rather than refuse the request).
 */
export function parseByteRange(header: string | null | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  // Digits beyond 2^53 cannot be offsets of a real file; treat them as garbage rather than round them.
  const firstPos = first === '' ? undefined : Number(first);
  const lastPos = last === '' ? undefined : Number(last);
  if ((firstPos !== undefined && !Number.isSafeInteger(firstPos)) || (lastPos !== undefined && !Number.isSafeInteger(lastPos))) return undefined;

  if (firstPos === undefined) {
    // suffix range: the last n bytes (all of them when n exceeds the size)
    const length = lastPos!;
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  // "bytes=5-2" is invalid syntax, not an unsatisfiable range: ignored like any other malformed header
  if (lastPos !== undefined && lastPos < firstPos) return undefined;
  if (firstPos >= size) return 'unsatisfiable';
  return { start: firstPos, end: Math.min(lastPos ?? size - 1, size - 1) };
}

/**
 * The range a host should serve for a request, or undefined for the whole file. Ranges apply to GET only
 * (a HEAD answers as the full GET would). A request with If-Range gets the whole file: the hosts send no
 * ETag or Last-Modified for package files, so no validator the client holds can be shown to still match.
 */
export function requestedByteRange(
  request: { method: string; range: string | null | undefined; ifRange: string | null | undefined },
  size: number,
): ByteRange | 'unsatisfiable' | undefined {
  if (request.method !== 'GET' || request.ifRange) return undefined;
  return parseByteRange(request.range, size);
}

export function contentRange(range: ByteRange, size: number): string {
  return `bytes ${range.start}-${range.end}/${size}`;
}

/** The Content-Range of a 416: which size the client should have asked within. */
export function unsatisfiedRange(size: number): string {
  return `bytes */${size}`;
}
