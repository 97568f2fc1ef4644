import type { CallLog } from '../contracts/services';
import type { CallRecord } from '../contracts/shell-api';
import { DEFAULT_PREVIEW_LIMITS, detachedSlice, previewJson, sizeIfSmall, type PreviewLimits } from './json-preview';

/**
 * How much the inspector's log may hold, in (approximate) bytes. Bounded by size first: a count bound alone
 * let 2,000 calls of 1 MB each take 2 GB; now older records fall off once the newest ones fill the budget.
 */
export const DEFAULT_CALL_LOG_BYTES = 4 * 1024 * 1024;
/**
 * And by count: the newest 2,000 calls. A record the log keeps outlives V8's young generation, so every kept
 * record is copied and promoted by the GC; with 4 MiB of small records (about 14,000) that cost each bridge
 * call more than the rest of the pipeline together (bench/dispatch.bench.ts).
 */
export const DEFAULT_CALL_LOG_RECORDS = 2_000;
/** What a record costs beyond its strings and previews (the object, its fields, the ring slot). */
export const RECORD_OVERHEAD_BYTES = 256;
/** Longest errMsg / internal error text kept in a record (the app got the whole errMsg). */
const MAX_TEXT = 2048;

/** What the dispatcher hands over: params and result as they were; the log keeps previews of them. */
export type NewCallRecord = Omit<CallRecord, 'seq' | 'paramsSize' | 'resultSize'>;

/** The dispatcher's side of the log: it appends, everyone else reads and subscribes. */
export interface CallRecorder extends CallLog {
  /** appends the record; the log keeps (and completes) the object it is given, so do not reuse it */
  add(record: NewCallRecord): CallRecord;
}

export interface CallLogOptions {
  maxBytes?: number;
  maxRecords?: number;
  preview?: PreviewLimits;
}

const clip = (text: string): string => (text.length > MAX_TEXT ? `${detachedSlice(text, MAX_TEXT)}…(${text.length} characters in all)` : text);

/**
 * Small plain values stay as they are; a large or deep one is replaced by its preview and its true size is
 * noted beside it. Returns what the field costs the log.
 */
function keep(record: CallRecord, field: 'params' | 'result', sizeField: 'paramsSize' | 'resultSize', limits: PreviewLimits): number {
  const size = sizeIfSmall(record[field], limits);
  if (size >= 0) return size;
  const preview = previewJson(record[field], limits);
  record[field] = preview.value;
  record[sizeField] = preview.size;
  return preview.chars;
}

export function createCallLog(options: CallLogOptions = {}): CallRecorder {
  const maxBytes = options.maxBytes ?? DEFAULT_CALL_LOG_BYTES;
  const maxRecords = options.maxRecords ?? DEFAULT_CALL_LOG_RECORDS;
  const limits = options.preview ?? DEFAULT_PREVIEW_LIMITS;
  if (!Number.isInteger(maxBytes) || maxBytes < RECORD_OVERHEAD_BYTES) {
    throw new Error(`call log size must be a whole number of bytes of at least ${RECORD_OVERHEAD_BYTES}, got ${maxBytes}`);
  }
  if (!Number.isInteger(maxRecords) || maxRecords < 1) throw new Error(`call log record count must be a whole number of at least 1, got ${maxRecords}`);
  // A fixed ring: slot `(first + i) % maxRecords` holds the i-th oldest record kept. No array grows, shrinks or
  // is copied per call; a dropped slot is cleared so its record can be collected.
  const records: Array<CallRecord | undefined> = new Array<CallRecord | undefined>(maxRecords).fill(undefined);
  const costs = new Float64Array(maxRecords);
  let first = 0;
  let count = 0;
  let bytes = 0;
  let seq = 0;
  const listeners = new Set<(record: CallRecord) => void>();

  const dropOldest = () => {
    bytes -= costs[first]!;
    records[first] = undefined;
    first = first + 1 === maxRecords ? 0 : first + 1;
    count--;
  };

  return {
    add(fields) {
      // The log takes the object over (no copy per call): the dispatcher builds it for the log alone.
      const record = fields as CallRecord;
      record.seq = ++seq;
      let cost = RECORD_OVERHEAD_BYTES + record.api.length + record.appId.length;
      cost += keep(record, 'params', 'paramsSize', limits);
      if (record.result !== undefined) cost += keep(record, 'result', 'resultSize', limits);
      if (record.errMsg !== undefined) {
        record.errMsg = clip(record.errMsg);
        cost += record.errMsg.length;
      }
      if (record.internalError !== undefined) {
        record.internalError = clip(record.internalError);
        cost += record.internalError.length;
      }
      while (count > 0 && (count === maxRecords || bytes + cost > maxBytes)) dropOldest();
      let slot = first + count;
      if (slot >= maxRecords) slot -= maxRecords;
      records[slot] = record;
      costs[slot] = cost;
      count++;
      bytes += cost;
      for (const listener of listeners) {
        // An inspector that crashes must not make the call itself fail.
        try {
          listener(record);
        } catch (e) {
          console.error('call log listener failed:', e);
        }
      }
      return record;
    },
    list() {
      const out = new Array<CallRecord>(count);
      for (let i = 0; i < count; i++) out[i] = records[(first + i) % maxRecords]!;
      return out;
    },
    clear() {
      records.fill(undefined);
      first = 0;
      count = 0;
      bytes = 0;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
