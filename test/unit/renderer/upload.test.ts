import { describe, expect, it } from 'vitest';
import { uploadPackage, type FetchFn } from '../../../renderer/transport/upload';

const zip = (name: string, bytes = 4) => Object.assign(new Blob([new Uint8Array(bytes)]), { name });

function fetchReturning(status: number, body: unknown) {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  const fetchFn: FetchFn = async (url, init) => {
    requests.push({ url, headers: init.headers });
    return { ok: status < 400, status, json: async () => body };
  };
  return { fetchFn, requests };
}

describe('uploadPackage', () => {
  it('posts the raw zip with the token and file name and returns the source id', async () => {
    const { fetchFn, requests } = fetchReturning(200, { source: 'upload:abc' });
    await expect(uploadPackage(zip('My App.zip'), 'tok', fetchFn)).resolves.toBe('upload:abc');
    expect(requests).toEqual([{ url: '/shell/upload', headers: { 'x-shell-token': 'tok', 'x-file-name': 'My%20App.zip', 'content-type': 'application/zip' } }]);
  });

  it('refuses files that are not a non-empty .zip before sending anything', async () => {
    const { fetchFn, requests } = fetchReturning(200, { source: 'x' });
    await expect(uploadPackage(zip('app.tar'), 't', fetchFn)).rejects.toThrow('"app.tar" is not a .zip file.');
    await expect(uploadPackage(zip('app.zip', 0), 't', fetchFn)).rejects.toThrow('"app.zip" is empty.');
    expect(requests).toEqual([]);
  });

  it("shows the host's message and hint when it rejects the upload", async () => {
    const { fetchFn } = fetchReturning(413, { message: 'Package is larger than 50 MB', hint: 'Remove unused assets' });
    await expect(uploadPackage(zip('big.zip'), 't', fetchFn)).rejects.toMatchObject({ message: 'Package is larger than 50 MB', hint: 'Remove unused assets' });
    const plain = fetchReturning(500, 'oops');
    await expect(uploadPackage(zip('a.zip'), 't', plain.fetchFn)).rejects.toThrow('Upload of "a.zip" failed (HTTP 500).');
  });

  it('says the host is unreachable when the request itself fails', async () => {
    const down: FetchFn = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(uploadPackage(zip('a.zip'), 't', down)).rejects.toThrow('Could not upload "a.zip": the shell host did not answer.');
  });
});
