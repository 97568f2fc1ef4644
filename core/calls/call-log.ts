import type { CallLog } from '../contracts/services';
import type { CallRecord } from '../contracts/shell-api';

/** How many calls the inspector keeps; older ones fall off so a chatty app cannot grow memory forever. */
export const DEFAULT_CALL_LOG_CAPACITY = 2_000;

export type NewCallRecord = Omit<CallRecord, 'seq'>;

/** The dispatcher's side of the log: it appends, everyone else reads and subscribes. */
export interface CallRecorder extends CallLog {
  add(record: NewCallRecord): CallRecord;
}

export function createCallLog(capacity = DEFAULT_CALL_LOG_CAPACITY): CallRecorder {
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`call log capacity must be a positive integer, got ${capacity}`);
  // A fixed-size ring: `next` is where the following record goes; once full it overwrites the oldest.
  const ring: (CallRecord | undefined)[] = new Array(capacity);
  let next = 0;
  let size = 0;
  let seq = 0;
  const listeners = new Set<(record: CallRecord) => void>();

  return {
    add(fields) {
      const record: CallRecord = { seq: ++seq, ...fields };
      ring[next] = record;
      next = (next + 1) % capacity;
      size = Math.min(size + 1, capacity);
      for (const listener of [...listeners]) {
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
      const start = size < capacity ? 0 : next;
      const out: CallRecord[] = [];
      for (let i = 0; i < size; i++) out.push(ring[(start + i) % capacity]!);
      return out;
    },
    clear() {
      ring.fill(undefined);
      next = 0;
      size = 0;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
