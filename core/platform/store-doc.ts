import type { z } from 'zod';
import type { KeyValueStore } from '../contracts/ports';
import { describeZodIssues } from '../contracts/zod-issues';

/**
 * One persisted JSON document of the platform under a dot-free top-level key.
 * Every read is parsed with zod: a hand-edited or half-written state file must stop the platform
 * with a message naming the key, never be silently replaced by a fresh seed (that would lose money).
 */
export interface StoreDoc<T> {
  read(): T;
  write(value: T): void;
  /** read, change, write in one synchronous step: nothing else can run in between */
  update<R>(change: (value: T) => R): R;
}

export class CorruptStoreError extends Error {
  constructor(
    readonly key: string,
    detail: string,
  ) {
    super(
      `The platform's stored "${key}" is corrupt (${detail}). Nothing was changed: restore "${key}" in the state file ` +
        `from a backup, or delete that entry to start it afresh.`,
    );
    this.name = 'CorruptStoreError';
  }
}

export function describeIssues(error: z.ZodError): string {
  return describeZodIssues(error.issues);
}

export function storeDoc<T>(store: KeyValueStore, key: string, schema: z.ZodType<T>, seed: () => NoInfer<T>): StoreDoc<T> {
  if (key.includes('.')) throw new Error(`store key "${key}" must not contain "." (stores treat dots as paths)`);

  const write = (value: T): void => {
    // Parsing on the way out too: a bug here must fail loudly instead of persisting something unreadable.
    const checked = schema.safeParse(value);
    if (!checked.success) throw new Error(`refusing to store an invalid "${key}": ${describeIssues(checked.error)}`);
    store.set(key, checked.data);
  };

  const read = (): T => {
    const raw = store.get(key);
    if (raw === undefined) {
      // First use: seed and persist at once so that seeded secrets and ids stay stable.
      const fresh = seed();
      write(fresh);
      return fresh;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new CorruptStoreError(key, describeIssues(parsed.error));
    return parsed.data;
  };

  return {
    read,
    write,
    update(change) {
      const value = read();
      const result = change(value);
      write(value);
      return result;
    },
  };
}

/**
 * Startup work (seeding, recovery) that must not stop the whole shell when one document is corrupt:
 * the error is logged now and thrown again, with the same message, by every call that needs that key.
 */
export function atStartup(work: () => void): void {
  try {
    work();
  } catch (e) {
    if (!(e instanceof CorruptStoreError)) throw e;
    console.error(`[platform] ${e.message}`);
  }
}
