import { z } from 'zod';
import type { KeyValueStore } from '../contracts/ports';
import { deliverNotification, type Notifier } from './merchant-notify';
import { putOwn } from './own-keys';
import { KEYS } from './records';
import { atStartup, storeDoc } from './store-doc';

const PendingNotification = z.object({ url: z.string(), body: z.record(z.string(), z.unknown()), createdAt: z.number() });
export const OutboxDoc = z.record(z.string(), PendingNotification);

/**
 * Merchant notifications, written in the same transaction as the payment they announce (so a paid
 * order always has its notification, and an unpaid one never has one), delivered only after that
 * transaction committed. A notification leaves the outbox when delivered or after its last bounded
 * retry (the merchant can always query the order); one still pending at a restart is sent again.
 */
export interface Outbox {
  /** call inside the payment's transaction */
  add(id: string, url: string, body: Record<string, unknown>, now: number): void;
  /** starts delivering everything pending that is not already on its way; call after the commit */
  flush(): void;
  /** ids still waiting (tests, diagnostics) */
  pending(): string[];
}

export function createOutbox(store: KeyValueStore, notifier: Notifier): Outbox {
  const doc = storeDoc(store, KEYS.outbox, OutboxDoc, () => ({}));
  const sending = new Set<string>();

  const finish = (id: string) => {
    sending.delete(id);
    try {
      doc.update((all) => void delete all[id]);
    } catch (e) {
      // The disk may be full now: the entry stays and is sent again after a restart, which merchants must accept anyway.
      console.warn(`[platform] could not mark notification ${id} as sent: ${(e as Error).message}`);
    }
  };

  const outbox: Outbox = {
    add(id, url, body, now) {
      doc.update((all) => putOwn(all, id, { url, body, createdAt: now }));
    },
    flush() {
      for (const [id, entry] of Object.entries(doc.read())) {
        if (sending.has(id)) continue;
        sending.add(id);
        void deliverNotification(notifier, entry.url, entry.body).then(() => finish(id));
      }
    },
    pending: () => Object.keys(doc.read()),
  };
  // what a previous run committed but had not delivered yet
  atStartup(() => outbox.flush());
  return outbox;
}
