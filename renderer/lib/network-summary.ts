import type { CallRecord } from '../../core/contracts/shell-api';

const NETWORK_APIS = new Set(['request', 'downloadFile', 'uploadFile', 'connectSocket']);

function bytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * One line for a network call in the inspector: method, URL, status and bytes received
 * ("POST http://127.0.0.1:4000/login → 200 · 312 B"); undefined for every other API.
 */
export function networkSummary(record: Pick<CallRecord, 'api' | 'params' | 'result'>): string | undefined {
  if (!NETWORK_APIS.has(record.api)) return undefined;
  const params = (record.params ?? {}) as Record<string, unknown>;
  const url = typeof params['url'] === 'string' ? params['url'] : '';
  const method = record.api === 'request' ? (typeof params['method'] === 'string' ? params['method'] : 'GET') : record.api === 'uploadFile' ? 'POST' : record.api === 'connectSocket' ? 'WS' : 'GET';
  const result = (record.result ?? {}) as Record<string, unknown>;
  const status = typeof result['statusCode'] === 'number' ? ` → ${result['statusCode']}` : '';
  const profile = result['profile'] as { receivedBytedCount?: unknown } | undefined;
  const size = typeof profile?.receivedBytedCount === 'number' ? ` · ${bytes(profile.receivedBytedCount)}` : '';
  return `${method} ${url}${status}${size}`;
}
