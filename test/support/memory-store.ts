import type { KeyValueStore } from '../../core/contracts/ports';

/** An in-memory KeyValueStore that round-trips values through JSON, as the real stores do. */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { dump(): Record<string, unknown> } {
  const data = new Map<string, string>(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]));
  return {
    get: (key) => (data.has(key) ? JSON.parse(data.get(key)!) : undefined),
    set: (key, value) => void data.set(key, JSON.stringify(value)),
    delete: (key) => void data.delete(key),
    dump: () => Object.fromEntries([...data].map(([k, v]) => [k, JSON.parse(v)])),
  };
}
