import {
  STORAGE_LIMIT_BYTES,
  STORAGE_LIMIT_KB,
  STORAGE_QUOTA_REASON,
  encodeStorageData,
  storageEntryBytes,
  storageSizeKb,
} from '../../core/contracts/storage-quota';
import type { CreateWxOptions, WxStorageInfo } from './types';

type MirrorSource = CreateWxOptions['storageMirror'];

/**
 * The page's copy of its storage, so the Sync forms answer without a synchronous round trip.
 *
 * It applies the same quota arithmetic as the host (core/contracts/storage-quota), so a write the mirror
 * accepts is one the host accepts too. Every storage operation, Sync or async, takes a ticket when it is
 * issued; the host applies them in that order, so the mirror lets the latest-issued operation on a key
 * win. A late answer to an older async setStorage therefore cannot overwrite a newer setStorageSync.
 */
export class StorageMirror {
  private values: Map<string, unknown> | undefined;
  private readonly sizes = new Map<string, number>();
  private total = 0;
  private lastTicket = 0;
  /** ticket of the newest operation that decided each key's value */
  private readonly keyTicket = new Map<string, number>();
  private clearTicket = 0;

  constructor(private readonly source: MirrorSource) {}

  /** reserves the place of an operation in issue order */
  ticket(): number {
    return ++this.lastTicket;
  }

  private load(): Map<string, unknown> {
    if (this.values) return this.values;
    this.values = new Map();
    let initial: unknown;
    try {
      initial = typeof this.source === 'function' ? this.source() : this.source;
    } catch (e) {
      console.error('wx: the storage snapshot could not be read; the Sync storage APIs start empty', e);
    }
    if (initial !== undefined && (initial === null || typeof initial !== 'object' || Array.isArray(initial))) {
      console.error('wx: the storage snapshot is not an object; the Sync storage APIs start empty');
      initial = undefined;
    }
    for (const [key, value] of Object.entries((initial ?? {}) as Record<string, unknown>)) {
      const encoded = encodeStorageData(value);
      if (encoded.ok) this.put(key, JSON.parse(encoded.json), storageEntryBytes(key, encoded.json));
    }
    return this.values;
  }

  private put(key: string, value: unknown, size: number): void {
    this.values!.set(key, value);
    this.total += size - (this.sizes.get(key) ?? 0);
    this.sizes.set(key, size);
  }

  private drop(key: string): void {
    if (!this.values!.delete(key)) return;
    this.total -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
  }

  /** an operation issued after `ticket` already decided this key */
  private superseded(key: string, ticket: number): boolean {
    return ticket < this.clearTicket || ticket < (this.keyTicket.get(key) ?? 0);
  }

  /** setStorageSync: checks and applies at once; returns the JSON form to write through, or WeChat's reason */
  setLocal(key: string, data: unknown, ticket: number): { ok: true; stored: unknown } | { ok: false; reason: string } {
    this.load();
    const encoded = encodeStorageData(data);
    if (!encoded.ok) return encoded;
    const size = storageEntryBytes(key, encoded.json);
    if (this.total - (this.sizes.get(key) ?? 0) + size > STORAGE_LIMIT_BYTES) return { ok: false, reason: STORAGE_QUOTA_REASON };
    const stored = JSON.parse(encoded.json) as unknown;
    this.put(key, stored, size);
    this.keyTicket.set(key, ticket);
    return { ok: true, stored };
  }

  /** the host accepted an async setStorage issued at `ticket` */
  setConfirmed(key: string, data: unknown, ticket: number): void {
    this.load();
    if (this.superseded(key, ticket)) return;
    const encoded = encodeStorageData(data);
    if (!encoded.ok) return;
    this.put(key, JSON.parse(encoded.json), storageEntryBytes(key, encoded.json));
    this.keyTicket.set(key, ticket);
  }

  remove(key: string, ticket: number): void {
    this.load();
    if (this.superseded(key, ticket)) return;
    this.drop(key);
    this.keyTicket.set(key, ticket);
  }

  clear(ticket: number): void {
    const values = this.load();
    if (ticket < this.clearTicket) return;
    // Keys written by operations issued after this clear survive it, as they do on the host.
    for (const key of [...values.keys()]) if ((this.keyTicket.get(key) ?? 0) < ticket) this.drop(key);
    this.clearTicket = ticket;
  }

  has(key: string): boolean {
    return this.load().has(key);
  }

  /** a copy, so that editing the returned object does not edit storage */
  get(key: string): unknown {
    return structuredClone(this.load().get(key));
  }

  info(): WxStorageInfo {
    return { keys: [...this.load().keys()], currentSize: storageSizeKb(this.total), limitSize: STORAGE_LIMIT_KB };
  }
}
