import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WxDownloadProgress, WxDownloadSuccess, WxUploadProgress, WxUploadSuccess } from '../../../../client';
import { TEMP_URL_PREFIX } from '../../../../core/network/temp-files';
import { APP_ID, makeCert, netHarness, settle, startServer, type NetHarness, type TestCert, type TestServer } from './support';

let cert: TestCert;
let server: TestServer;
let h: NetHarness;
const FILE = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));

beforeAll(async () => {
  cert = makeCert();
  server = await startServer(cert);
  server.routes.set('/photo.png', (_req, res) => res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': String(FILE.length) }).end(FILE));
  server.routes.set('/missing.png', (_req, res) => res.writeHead(404).end('gone'));
  server.routes.set('/upload', (req, res, body) => {
    const type = req.headers['content-type'] ?? '';
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`${type.split(';')[0]} ${body.length} ${body.includes(FILE) ? 'file-intact' : 'file-broken'} ${body.includes('name="note"') ? 'has-note' : ''}`);
  });
});

afterAll(async () => {
  await server.close();
  rmSync(cert.dir, { recursive: true, force: true });
});

afterEach(() => h?.close());

const url = (path: string) => `https://localhost:${server.port}${path}`;

describe('wx.downloadFile and wx.uploadFile through the host', () => {
  it('download -> temp file served to its app only -> upload: a round trip with progress both ways', async () => {
    h = netHarness(server, cert);
    const downloadProgress: WxDownloadProgress[] = [];
    const download = await settle<WxDownloadSuccess>((cb) => {
      const task = h.wx.downloadFile({ url: url('/photo.png'), ...cb });
      task.onProgressUpdate((p) => downloadProgress.push(p));
    });
    expect(download.ok).toBe(true);
    const { tempFilePath, statusCode, errMsg } = download.result as WxDownloadSuccess;
    expect({ statusCode, errMsg }).toEqual({ statusCode: 200, errMsg: 'downloadFile:ok' });
    expect(tempFilePath).toMatch(/^\/__superapp__\/tmp\/tmp_[0-9a-f]{32}\.png$/);
    expect(downloadProgress.length).toBeGreaterThan(2);
    expect(downloadProgress.at(-1)).toEqual({ progress: 100, totalBytesWritten: FILE.length, totalBytesExpectedToWrite: FILE.length });
    expect(downloadProgress.map((p) => p.progress)).toEqual([...downloadProgress.map((p) => p.progress)].sort((a, b) => a - b));

    const file = await h.network.tempFile(APP_ID, tempFilePath);
    expect(file && readFileSync(file).equals(FILE)).toBe(true);
    expect(await h.network.tempFile('someone-else', tempFilePath)).toBeUndefined();
    expect(await h.network.tempFile(APP_ID, `${TEMP_URL_PREFIX}../../etc/passwd`)).toBeUndefined();

    const uploadProgress: WxUploadProgress[] = [];
    const upload = await settle<WxUploadSuccess>((cb) => {
      const task = h.wx.uploadFile({ url: url('/upload'), filePath: tempFilePath, name: 'photo', formData: { note: 'hello' }, ...cb });
      task.onProgressUpdate((p) => uploadProgress.push(p));
    });
    expect(upload.result).toMatchObject({ statusCode: 200, errMsg: 'uploadFile:ok', data: expect.stringMatching(/^multipart\/form-data \d+ file-intact has-note$/) });
    const last = uploadProgress.at(-1)!;
    expect(last.progress).toBe(100);
    expect(last.totalBytesSent).toBe(last.totalBytesExpectedToSend);
    expect(last.totalBytesSent).toBeGreaterThan(FILE.length);
    expect(server.seen.at(-1)?.headers.referer).toBe(`https://servicewechat.superapp.invalid/${APP_ID}/2.3.4/page-frame.html`);

    // uninstall wipes the app's temp files
    await h.network.forgetApp(APP_ID);
    expect(existsSync(file!)).toBe(false);
  });

  it('a 404 download still succeeds with its statusCode, as in WeChat; filePath is refused', async () => {
    h = netHarness(server, cert);
    const r = await settle<WxDownloadSuccess>((cb) => h.wx.downloadFile({ url: url('/missing.png'), ...cb }));
    expect(r.result).toMatchObject({ statusCode: 404, errMsg: 'downloadFile:ok' });
    const withPath = await settle<WxDownloadSuccess>((cb) => h.wx.downloadFile({ url: url('/photo.png'), filePath: 'x.png', ...cb } as never));
    expect(withPath.result).toMatchObject({ errMsg: 'downloadFile:fail parameter error: filePath is not supported; use the tempFilePath of the result' });
  });

  it('refuses a download over the cap, an undeclared domain, and an upload of a file that is not a temp file of the app', async () => {
    h = netHarness(server, cert, { limits: { maxDownloadBytes: 10_000 } });
    const big = await settle<WxDownloadSuccess>((cb) => h.wx.downloadFile({ url: url('/photo.png'), ...cb }));
    expect(big.result).toEqual({ errMsg: 'downloadFile:fail response too large: more than 10000 bytes' });
    const foreign = await settle<WxDownloadSuccess>((cb) => h.wx.downloadFile({ url: 'https://cdn.elsewhere.test/a.png', ...cb }));
    expect(foreign.result).toEqual({ errMsg: 'downloadFile:fail url not in domain list', errno: 600002 });
    const up = await settle<WxUploadSuccess>((cb) => h.wx.uploadFile({ url: url('/upload'), filePath: '/etc/passwd', name: 'f', ...cb }));
    expect(up.result).toEqual({ errMsg: 'uploadFile:fail file not found: /etc/passwd (uploadFile sends a tempFilePath of this app, e.g. from downloadFile)' });
  });

  it('aborts a download', async () => {
    h = netHarness(server, cert);
    server.routes.set('/trickle.bin', (_req, res) => {
      res.writeHead(200, { 'Content-Length': '1000000' });
      res.write(Buffer.alloc(1000));
    });
    const r = await settle<WxDownloadSuccess>((cb) => {
      const task = h.wx.downloadFile({ url: url('/trickle.bin'), ...cb });
      task.onProgressUpdate(() => task.abort());
    });
    expect(r.result).toEqual({ errMsg: 'downloadFile:fail abort' });
  });
});
