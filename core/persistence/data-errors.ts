import { ApiError } from '../contracts/errors';

/**
 * A write the data folder could not take: the disk is full, or the folder (or its database) is
 * read-only. It is an ApiError, so an app whose call hit it gets `"<api>:fail <reason>"` with a reason
 * it can show; `userMessage` is the sentence for the shell's user. SQLite rolled the write back, so
 * nothing acknowledged before is lost and nothing half-written is left.
 */
export class DataUnavailableError extends ApiError {
  readonly kind: 'full' | 'readOnly';
  readonly userMessage: string;

  constructor(kind: 'full' | 'readOnly', where: string, detail: string) {
    super(kind === 'full' ? 'disk full: the shell could not save this, nothing was changed' : 'data folder is read-only: the shell could not save this, nothing was changed');
    this.name = 'DataUnavailableError';
    this.kind = kind;
    this.userMessage =
      kind === 'full'
        ? `Superapp Shell cannot save: the disk that holds its data folder (${where}) is full (${detail}). Free some space; everything saved before is safe.`
        : `Superapp Shell cannot save: its data folder (${where}) is read-only (${detail}). Make it writable again; everything saved before is safe.`;
  }
}

// SQLite's primary result codes (the low byte of an extended code).
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
/** SQLITE_IOERR_WRITE / _FSYNC / _TRUNCATE: what ENOSPC surfaces as when the OS, not SQLite, runs out of room */
const IOERR_NO_SPACE = new Set([SQLITE_IOERR | (3 << 8), SQLITE_IOERR | (4 << 8), SQLITE_IOERR | (6 << 8)]);

/** node:sqlite's error, or a file system error with ENOSPC/EROFS/EACCES: the kind of trouble, if it is one. */
export function dataTroubleOf(e: unknown): 'full' | 'readOnly' | undefined {
  const err = e as { errcode?: unknown; code?: unknown } | null;
  if (typeof err?.errcode === 'number') {
    const primary = err.errcode & 0xff;
    if (primary === SQLITE_FULL || IOERR_NO_SPACE.has(err.errcode)) return 'full';
    if (primary === SQLITE_READONLY || primary === SQLITE_CANTOPEN) return 'readOnly';
  }
  if (err?.code === 'ENOSPC') return 'full';
  if (err?.code === 'EROFS' || err?.code === 'EACCES' || err?.code === 'EPERM') return 'readOnly';
  return undefined;
}

/** The same error, or a DataUnavailableError when it is disk-full or read-only trouble. */
export function asDataError(e: unknown, where: string): unknown {
  if (e instanceof DataUnavailableError) return e;
  const kind = dataTroubleOf(e);
  if (!kind) return e;
  const detail = (e as { errstr?: unknown; message?: unknown }).errstr ?? (e as Error).message;
  return new DataUnavailableError(kind, where, String(detail));
}
