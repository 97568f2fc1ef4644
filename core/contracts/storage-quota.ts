/**
 * Storage quota arithmetic shared by the host (core/storage) and the wx client's Sync mirror
 * (client/wx): both sides must refuse exactly the same writes, so the rule lives in one place.
 * WeChat's limit is 10 MB per mini program; an entry counts as the UTF-8 bytes of its key plus
 * the UTF-8 bytes of its data as JSON.
 */
export const STORAGE_LIMIT_BYTES = 10 * 1024 * 1024;
/** getStorageInfo reports sizes in KB, as WeChat does */
export const STORAGE_LIMIT_KB = STORAGE_LIMIT_BYTES / 1024;
/** the reason part of "setStorage:fail …" / "setStorageSync:fail …" past the quota */
export const STORAGE_QUOTA_REASON = 'exceed storage max size 10MB';

/** UTF-8 length of a JS string without allocating an encoded copy (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes one stored entry counts against the quota; `json` is JSON.stringify of its data. */
export function storageEntryBytes(key: string, json: string): number {
  return utf8ByteLength(key) + utf8ByteLength(json);
}

/** getStorageInfo's currentSize: KB, rounded up so that any data shows as at least 1 KB. */
export function storageSizeKb(bytes: number): number {
  return Math.ceil(bytes / 1024);
}

/**
 * Storage keeps data in its JSON form (what a JSON store would hand back anyway), so host and mirror
 * agree on what was stored and on its size. Values JSON cannot carry are refused with a reason in
 * WeChat's parameter-error wording instead of being stored as something else.
 */
export function encodeStorageData(data: unknown): { ok: true; json: string } | { ok: false; reason: string } {
  let json: string | undefined;
  try {
    json = JSON.stringify(data);
  } catch (e) {
    // a value too deep for JSON.stringify's recursion is the same refusal as one deeper than the store keeps
    if (e instanceof RangeError) return { ok: false, reason: TOO_DEEP_REASON };
    return { ok: false, reason: `parameter error: parameter.data cannot be stored as JSON (${e instanceof Error ? e.message : String(e)});` };
  }
  if (data === undefined) return { ok: false, reason: 'parameter error: parameter.data is required;' };
  if (json === undefined) {
    return { ok: false, reason: `parameter error: parameter.data should be JSON data instead of ${typeof data === 'function' ? 'Function' : 'Symbol'};` };
  }
  if (jsonDepthExceeds(json, STORAGE_MAX_DEPTH)) return { ok: false, reason: TOO_DEEP_REASON };
  return { ok: true, json };
}

/**
 * How deep stored data may nest. Everything that handles a stored value afterwards (parsing, copying, the
 * inspector, the Sync mirror) recurses, so the store sets one limit well inside what each of them can do.
 */
export const STORAGE_MAX_DEPTH = 512;
const TOO_DEEP_REASON = `parameter error: parameter.data is nested more than ${STORAGE_MAX_DEPTH} levels deep, deeper than storage keeps;`;

/** Whether objects/arrays in a JSON text nest deeper than `limit`: one pass over the text, no recursion. */
function jsonDepthExceeds(json: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
