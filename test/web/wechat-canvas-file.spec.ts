import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator } from '@playwright/test';
import { colours } from './screen-colours';
import { TEMP_WRITE_CHUNK_BYTES } from '../../core/contracts/temp-write-limits';
import { expect, test } from './fixtures';
import { installWithBackend, visiblePage } from './wechat-fixture-install';

/**
 * "Draw a poster, then upload or save it": the fixture (test/fixtures/wechat/canvas-file) draws a red/blue
 * poster on a type="2d" canvas and a green badge on a legacy canvas-id canvas. canvasToTempFilePath's path is
 * a temp file of the app on the host, so the same path shows in <image>, reads back through the file system
 * manager, goes out with uploadFile to this test's loopback server, and saveFile keeps it.
 */

test.describe.configure({ timeout: 180_000 });

const APP_ID = 'wxcanvasfile0001';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const TEMP_PNG = /^\/__superapp__\/tmp\/tmp_[0-9a-f]{32}\.png$/;
let server: Server;
let backend = '';
let received: Buffer = Buffer.alloc(0);

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      received = Buffer.concat(parts);
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`got ${received.length} bytes`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  backend = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test.beforeEach(({ host }) => installWithBackend(host, { appId: APP_ID, fixture: 'canvas-file', configFile: 'config.js', origins: [backend] }, backend));

async function logOf(view: Locator): Promise<Record<string, unknown>> {
  const text = (await view.locator('#log').textContent()) ?? '';
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const near = (actual: number[], expected: [number, number, number], tolerance = 40) => actual.slice(0, 3).every((v, i) => Math.abs(v - expected[i]!) <= tolerance);

test('canvasToTempFilePath gives a temp file path: <image> shows it, readFile reads the PNG, uploadFile sends it, saveFile keeps it', async ({ shell, host, page }) => {
  const app = await shell.launch(APP_ID);
  const view = visiblePage(app);
  await expect.poll(() => logOf(view), { timeout: 30_000 }).toHaveProperty('buffer');
  const [bufferWidth, bufferHeight] = (await logOf(view))['buffer'] as [number, number];

  await view.locator('#make').click();
  await expect.poll(() => logOf(view)).toMatchObject({ exported: 'canvasToTempFilePath:ok', path: expect.stringMatching(TEMP_PNG) });
  const path = (await logOf(view))['path'] as string;

  // (a) the <image> shows the poster: red on the left, blue on the right
  await expect.poll(() => logOf(view)).toMatchObject({ shown: [bufferWidth, bufferHeight] });
  const [left, right] = await colours(page, view.locator('#shown'), [[30, 40], [90, 40]]);
  expect(near(left!, [255, 0, 0]), `left of the exported poster: ${left}`).toBe(true);
  expect(near(right!, [0, 0, 255]), `right of the exported poster: ${right}`).toBe(true);

  // (b) the file system manager reads it as an ArrayBuffer of a PNG of the canvas's buffer size
  await expect.poll(() => logOf(view)).toHaveProperty('poster');
  const onDisk = readFileSync((await host.runtime.network.service.tempFile(APP_ID, path))!);
  expect((await logOf(view))['poster']).toEqual({ arrayBuffer: true, head: PNG_SIGNATURE, size: onDisk.length, ihdr: [bufferWidth, bufferHeight] });
  expect([...onDisk.subarray(0, 8)]).toEqual(PNG_SIGNATURE);

  // (c) uploadFile sends exactly those bytes to the app's server, as a multipart file part
  await view.locator('#upload').click();
  await expect.poll(() => logOf(view)).toMatchObject({ uploaded: 'uploadFile:ok', status: 200 });
  expect((await logOf(view))['reply']).toBe(`got ${received.length} bytes`);
  const body = received.toString('latin1');
  expect(body).toContain('name="poster"');
  expect(body).toContain('name="kind"');
  expect(received.indexOf(onDisk), 'the upload carries the PNG bytes unchanged').toBeGreaterThan(0);

  // a jpg is a jpg file; the legacy canvas-id canvas gives a temp PNG at the asked size
  await view.locator('#make-jpg').click();
  await expect.poll(() => logOf(view)).toMatchObject({ jpg: 'canvasToTempFilePath:ok', jpgPath: expect.stringMatching(/^\/__superapp__\/tmp\/tmp_[0-9a-f]{32}\.jpg$/) });
  await expect.poll(() => (logOf(view) as Promise<{ jpgFile?: { head: number[] } }>).then((l) => l.jpgFile?.head.slice(0, 3))).toEqual([0xff, 0xd8, 0xff]);
  await view.locator('#make-badge').click();
  await expect.poll(() => logOf(view)).toMatchObject({ badge: 'canvasToTempFilePath:ok', badgePath: expect.stringMatching(TEMP_PNG) });
  await expect.poll(() => logOf(view)).toMatchObject({ badgeFile: { arrayBuffer: true, head: PNG_SIGNATURE, ihdr: [30, 20] } });

  await page.screenshot({ path: 'test-results/web/canvas-file.png' });

  // saveFile keeps it in the app's own files (and, as in WeChat, the temp path is used up)
  await view.locator('#save').click();
  await expect.poll(() => logOf(view)).toMatchObject({ saved: 'saveFile:ok', savedFilePath: expect.stringMatching(/^wxfile:\/\/store_[0-9a-f]{32}\.png$/) });
  expect(await host.runtime.network.service.tempFile(APP_ID, path)).toBeUndefined();
});

test('an image larger than one bridge request arrives whole: getFileInfo\'s size and md5 are those of the file the host wrote', async ({ shell, host }) => {
  const app = await shell.launch(APP_ID);
  const view = visiblePage(app);
  await expect.poll(() => logOf(view), { timeout: 30_000 }).toHaveProperty('buffer');
  await view.locator('#make-big').click();
  await expect.poll(() => logOf(view), { timeout: 30_000 }).toHaveProperty('bigInfo');
  const log = await logOf(view);
  expect(log['big']).toBe('canvasToTempFilePath:ok');
  const onDisk = readFileSync((await host.runtime.network.service.tempFile(APP_ID, log['bigPath'] as string))!);
  expect(onDisk.length, 'the noise image needs several pieces').toBeGreaterThan(2 * TEMP_WRITE_CHUNK_BYTES);
  expect([...onDisk.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(log['bigInfo']).toEqual({ size: onDisk.length, digest: createHash('md5').update(onDisk).digest('hex') });
  // the pixels survived: the PNG decodes to the 720 x 720 the canvas had
  expect([onDisk.readUInt32BE(16), onDisk.readUInt32BE(20)]).toEqual([720, 720]);
});
