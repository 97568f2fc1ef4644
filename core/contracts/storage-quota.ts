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
    return { ok: false, reason: `parameter error: parameter.data cannot be stored as JSON (${e instanceof Error ? e.message : String(e)});` };
  }
  if (data === undefined) return { ok: false, reason: 'parameter error: parameter.data is required;' };
  if (json === undefined) {
    return { ok: false, reason: `parameter error: parameter.data should be JSON data instead of ${typeof data === 'function' ? 'Function' : 'Symbol'};` };
  }
  return { ok: true, json };
}
