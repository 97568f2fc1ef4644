/**
 * Keyed access to the platform's stored documents. They are plain JSON objects whose keys come from
 * outside (appIds from manifests, out_trade_no from merchant servers, codes from requests), so a plain
 * `doc[key]` would "find" Object.prototype's members for keys such as "constructor" or "toString" and
 * treat a function as a stored entry. Every lookup here sees own properties only.
 */

/**
 * The one key a JSON document cannot hold as an entry: assigning it changes the object's prototype, and
 * zod drops it when the document is parsed. Callers refuse it before anything is stored under it.
 */
export const UNSTORABLE_KEY = '__proto__';

export function ownEntry<T>(doc: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(doc, key) ? doc[key] : undefined;
}

export function putOwn<T>(doc: Record<string, T>, key: string, value: T): void {
  // A silent prototype change would lose the entry (an order, a registration) without any error.
  if (key === UNSTORABLE_KEY) throw new Error(`refusing to store an entry under "${UNSTORABLE_KEY}": callers must reject that key first`);
  doc[key] = value;
}

/** The entry under `key`, first created with `make` when the document has no entry of its own there. */
export function ownEntryOrCreate<T>(doc: Record<string, T>, key: string, make: () => T): T {
  const found = ownEntry(doc, key);
  if (found !== undefined) return found;
  const made = make();
  putOwn(doc, key, made);
  return made;
}
