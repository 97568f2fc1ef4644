import { openSqliteDataStore, type SqliteDataStore } from '../../core/persistence/sqlite-data-store';

/**
 * The real data store on an in-memory SQLite database: tests exercise the same transactions and rows the
 * hosts use. `initial` seeds documents as a state file would hold them; dump() lists every document.
 */
export function memoryData(initial: Record<string, unknown> = {}): SqliteDataStore & { dump(): Record<string, unknown> } {
  const data = openSqliteDataStore(':memory:');
  for (const [key, value] of Object.entries(initial)) data.set(key, value);
  return Object.assign(data, { dump: () => Object.fromEntries(data.docKeys().map((k) => [k, data.get(k)])) });
}
