import type { CallLog } from '../contracts/services';
import type { CallRecord } from '../contracts/shell-api';
import { DEFAULT_PREVIEW_LIMITS, detachedSlice, previewJson, sizeIfSmall, type PreviewLimits } from './json-preview';

/**
 * How much the inspector's log may hold, in (approximate) bytes. Bounded by size, not count: a count bound
 * let 2,000 calls of 1 MB each take 2 GB; now older records fall off once the newest ones fill the budget.
 */
export const DEFAULT_CALL_LOG_BYTES = 4 * 1024 * 1024;
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
  const limits = options.preview ?? DEFAULT_PREVIEW_LIMITS;
  if (!Number.isInteger(maxBytes) || maxBytes < RECORD_OVERHEAD_BYTES) {
    throw new Error(`call log size must be a whole number of bytes of at least ${RECORD_OVERHEAD_BYTES}, got ${maxBytes}`);
  }
  // A queue with a moving head: records are appended at the end and dropped from the front.
  let records: CallRecord[] = [];
  let costs: number[] = [];
  let head = 0;
  let bytes = 0;
  let seq = 0;
  const listeners = new Set<(record: CallRecord) => void>();

  const dropOldest = () => {
    while (bytes > maxBytes && head < records.length) {
      bytes -= costs[head]!;
      records[head] = undefined as unknown as CallRecord;
      head++;
    }
    // compact once the dropped front is the larger part, so the arrays stay proportional to what is kept
    if (head > 1024 && head * 2 > records.length) {
      records = records.slice(head);
      costs = costs.slice(head);
      head = 0;
    }
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
      records.push(record);
      costs.push(cost);
      bytes += cost;
      dropOldest();
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
      return records.slice(head);
    },
    clear() {
      records = [];
      costs = [];
      head = 0;
      bytes = 0;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
