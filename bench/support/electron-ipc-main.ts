/**
 * Electron main process of bench/electron-ipc.bench.ts (bundled by it; needs the Electron binary). One hidden
 * window on a loopback page; the real IPC adapter (main/ipc-adapter.ts) carries wx calls into a real shell,
 * and a bare ipcMain.handle echo on the same IPC gives the floor. The page times both, interleaved, and the
 * result goes to stdout as one JSON line.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
// eslint-disable-next-line no-restricted-imports -- the IPC bench runs its own Electron main process
import { app, BrowserWindow, ipcMain } from 'electron';
import { appInfoFromManifest, Manifest } from '../../core/contracts/app';
import { createShell } from '../../core/shell';
import { registerIpcHandlers } from '../../main/ipc-adapter';

const ROUNDS = 2_000;
const WARMUP = 200;

const page = `<!doctype html><title>ipc bench</title><script>
(async () => {
  const { invoke } = window.benchIpc;
  const out = { call: [], echo: [] };
  for (let i = 0; i < ${WARMUP + ROUNDS}; i++) {
    let t = performance.now();
    await invoke('bridge:call', { v: 1, id: i + 1, api: 'getStorageInfo', params: {} });
    if (i >= ${WARMUP}) out.call.push(performance.now() - t);
    t = performance.now();
    await invoke('bench:echo', { v: 1, echo: null });
    if (i >= ${WARMUP}) out.echo.push(performance.now() - t);
  }
  await invoke('bench:done', out);
})();
</script>`;

async function main(): Promise<void> {
  await app.whenReady();
  const server = createServer((_req, res) => res.end(page)).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const manifest = Manifest.parse({ appId: 'bench-app', name: 'Bench', version: '1.0.0', entry: 'index.html', permissions: { openApi: [], customApi: [] } });
  const data = new Map<string, unknown>();
  const shell = createShell({
    store: { get: (k) => data.get(k), set: (k, v) => void data.set(k, v), delete: (k) => void data.delete(k) },
    prompter: { ask: async () => ({ confirmed: false }) },
    host: { name: 'electron', version: 'bench', platform: process.platform },
  });
  shell.setManifestSource((appId) => (appId === manifest.appId ? manifest : undefined));
  const caller = { appInfo: appInfoFromManifest(manifest), webViewId: 1 };
  const win = new BrowserWindow({ show: false, webPreferences: { preload: join(__dirname, 'preload.cjs'), sandbox: true, contextIsolation: true } });
  registerIpcHandlers({
    ipcMain,
    viewForWebContents: (id) => (id === win.webContents.id ? { viewId: 1, origin } : undefined),
    shell: () => undefined,
    dispatchFromView: (_viewId, raw) => shell.dispatch(raw, caller),
    bridgeReady: () => undefined,
    reportFromView: () => ({ ok: true }),
    handleCommand: async () => undefined,
    log: { info: () => undefined, warn: (m: string) => console.error(m), error: (m: string) => console.error(m) },
  });
  ipcMain.handle('bench:echo', (_event, message: unknown) => message);
  ipcMain.handle('bench:done', (_event, out: unknown) => {
    process.stdout.write(`${JSON.stringify(out)}\n`);
    setImmediate(() => app.exit(0));
  });
  setTimeout(() => app.exit(2), 120_000).unref();
  await win.loadURL(`${origin}/`);
}

void main();
