import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, shellClient, startTestHost, type TestHost } from './helpers';

/** An uploaded .zip is only needed until its install is done; it must not pile up in the data folder. */
let t: TestHost;
let port: number;

beforeAll(async () => {
  t = await startTestHost();
  port = t.host.port;
});
afterAll(() => t.close());

function zipOf(files: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve) => {
    const zip = new yazl.ZipFile();
    for (const [name, text] of Object.entries(files)) zip.addBuffer(Buffer.from(text), name);
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end();
  });
}

async function upload(body: Buffer, name: string): Promise<string> {
  const up = await http(port, {
    host: `localhost:${port}`,
    path: '/shell/upload',
    method: 'POST',
    body,
    headers: { origin: `http://localhost:${port}`, 'x-shell-token': t.host.shellToken, 'x-file-name': name },
  });
  expect(up.status).toBe(200);
  const { source } = JSON.parse(up.body) as { source: string };
  expect(existsSync(source)).toBe(true);
  return source;
}

const uploads = () => join(t.dataDir, 'uploads');
const leftInUploads = () => (existsSync(uploads()) ? readdirSync(uploads()) : []);

describe('uploaded packages', () => {
  it('are removed once their install succeeds', async () => {
    const source = await upload(await zipOf({ 'manifest.json': JSON.stringify({ appId: 'tidy', name: 'Tidy', version: '1.0.0', entry: 'index.html' }), 'index.html': '<p>tidy</p>' }), 'tidy.zip');
    const shell = await shellClient(port, t.host.shellToken);
    const installed = await shell.call('install', { source });
    expect(installed.ok).toBe(true);
    expect(existsSync(dirname(source))).toBe(false);
    expect(leftInUploads()).toEqual([]);
    // the installed copy is what runs, so it is still served
    expect((await http(port, { host: `tidy.localhost:${port}`, path: '/index.html' })).body).toContain('tidy');
    shell.socket.close();
  });

  it('are removed when their install fails too', async () => {
    const source = await upload(await zipOf({ 'manifest.json': '{ "appId": ', 'index.html': '<p>broken</p>' }), 'broken.zip');
    const shell = await shellClient(port, t.host.shellToken);
    const installed = await shell.call('install', { source });
    expect(installed.ok).toBe(false);
    expect(existsSync(dirname(source))).toBe(false);
    expect(leftInUploads()).toEqual([]);
    shell.socket.close();
  });

  it('are not what an install from any other path removes', async () => {
    const source = await upload(await zipOf({ 'manifest.json': JSON.stringify({ appId: 'kept', name: 'Kept', version: '1.0.0', entry: 'index.html' }), 'index.html': '<p>k</p>' }), 'kept.zip');
    const shell = await shellClient(port, t.host.shellToken);
    // a folder outside uploads/ (a dev folder) installs and stays where it is
    const folder = join(t.dir, 'src', 'alpha');
    expect((await shell.call('install', { source: folder })).ok).toBe(true);
    expect(existsSync(folder)).toBe(true);
    // a path that only looks like it is under uploads/ is not followed out of it
    const stateFile = join(t.dataDir, 'superapp-state.json');
    expect(existsSync(stateFile)).toBe(true);
    expect((await shell.call('install', { source: `${uploads()}/../superapp-state.json` })).ok).toBe(false);
    expect(existsSync(stateFile)).toBe(true);
    expect(existsSync(source)).toBe(true);
    expect((await shell.call('install', { source })).ok).toBe(true);
    expect(leftInUploads()).toEqual([]);
    shell.socket.close();
  });
});
