/**
 * Payment notifications to the merchant's notify_url. Delivery never blocks or changes the payment
 * the user already made: failures are logged and retried a bounded number of times, then dropped
 * (the merchant can always ask /v1/pay/orderquery).
 */

export type Notifier = (url: string, body: Record<string, unknown>) => Promise<void>;

/** Waits before the 2nd, 3rd and 4th attempt. */
export const NOTIFY_RETRY_DELAYS_MS = [2_000, 10_000, 30_000] as const;
const NOTIFY_TIMEOUT_MS = 5_000;

export const postJsonNotifier: Notifier = async (url, body) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`notify_url answered HTTP ${res.status}`);
};

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    // A pending retry must not keep the host process alive on quit.
    (t as { unref?: () => void }).unref?.();
  });

/** Resolves true once delivered, false after the last failed attempt. Never rejects. */
export async function deliverNotification(
  notifier: Notifier,
  url: string,
  body: Record<string, unknown>,
  log: (message: string) => void = (m) => console.warn(m),
): Promise<boolean> {
  const attempts = NOTIFY_RETRY_DELAYS_MS.length + 1;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await notifier(url, body);
      return true;
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      const next = NOTIFY_RETRY_DELAYS_MS[attempt - 1];
      log(
        `[platform] payment notification for ${String(body.out_trade_no)} to ${url} failed (attempt ${attempt}/${attempts}): ${why}` +
          (next === undefined ? '; giving up, the merchant can query the order' : `; retrying in ${next / 1000}s`),
      );
      if (next === undefined) return false;
      await sleep(next);
    }
  }
  return false;
}
