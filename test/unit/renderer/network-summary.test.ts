import { describe, expect, it } from 'vitest';
import { networkSummary } from '../../../renderer/lib/network-summary';

describe('inspector line of a network call', () => {
  it('shows method, URL, status and bytes received', () => {
    expect(
      networkSummary({ api: 'request', params: { url: 'http://127.0.0.1:4000/login', method: 'POST' }, result: { statusCode: 200, profile: { sendBytesCount: 9, receivedBytedCount: 312 } } }),
    ).toBe('POST http://127.0.0.1:4000/login → 200 · 312 B');
    expect(networkSummary({ api: 'downloadFile', params: { url: 'https://cdn.example.com/a.png' }, result: { statusCode: 200, profile: { receivedBytedCount: 72_000 } } })).toBe(
      'GET https://cdn.example.com/a.png → 200 · 70.3 KB',
    );
    // a failed call has no result: the URL still shows
    expect(networkSummary({ api: 'request', params: { url: 'https://undeclared.example.com/' }, result: undefined })).toBe('GET https://undeclared.example.com/');
    expect(networkSummary({ api: 'login', params: {}, result: {} })).toBeUndefined();
  });
});
