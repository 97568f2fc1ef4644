import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import { createWx, type Wx } from '../../../../client';
import { Manifest, appInfoFromManifest, type CallerIdentity } from '../../../../core/contracts/app';
import type { ServerDomains } from '../../../../core/contracts/network';
import type { Shell } from '../../../../core/contracts/services';
import { buildShell } from '../../../../core/dispatcher/build-shell';
import { createNetworkService, type NetworkLimits, type NetworkService } from '../../../../core/network/network-service';
import { createTempFiles } from '../../../../core/network/temp-files';
import type { Resolver } from '../../../../core/network/guarded-lookup';
import { memoryStore } from '../../../support/memory-store';
import { fakeOpenApi } from '../dispatcher/harness';
import { shellTransport, type ScriptedTransport } from '../../client/fake-transport';

/**
 * A real HTTPS + WSS server on 127.0.0.1 with a certificate made for this run (openssl), and a shell whose
 * network service reaches it: `localhost` and `api.test` (which the injected resolver points at 127.0.0.1)
 * are allowed loopback origins; `rebind.test` resolves to 127.0.0.1 without being allowed; `lan.test`
 * resolves to a private LAN address. Nothing leaves this machine.
 */

export interface TestCert {
  key: string;
  cert: string;
  dir: string;
}

export function makeCert(): TestCert {
  const dir = mkdtempSync(join(tmpdir(), 'net-cert-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,DNS:api.test,DNS:rebind.test,DNS:lan.test,IP:127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8'), dir };
}

export type Route = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

export interface TestServer {
  port: number;
  /** every request the server received, with its body */
  seen: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: Buffer }>;
  /** requests being held open by /hold, released by release() */
  held: ServerResponse[];
  release(): void;
  routes: Map<string, Route>;
  close(): Promise<void>;
}

export async function startServer(cert: TestCert): Promise<TestServer> {
  const routes = new Map<string, Route>();
  const seen: TestServer['seen'] = [];
  const held: ServerResponse[] = [];
  const server: Server = createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const body = Buffer.concat(parts);
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const path = new URL(req.url!, 'https://x').pathname;
      const route = routes.get(path);
      if (route) return route(req, res, body);
      if (path === '/hold') {
        held.push(res);
        return;
      }
      res.writeHead(404).end('no route');
    });
  });
  const wss = new WebSocketServer({ server, path: '/ws' });
  wss.on('connection', (socket, req) => {
    socket.on('message', (data, isBinary) => {
      if (!isBinary && data.toString() === 'bye') return socket.close(4001, 'server says bye');
      socket.send(data, { binary: isBinary });
    });
    socket.send(`hello ${req.headers['referer'] ?? ''}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    held,
    routes,
    release() {
      for (const res of held.splice(0)) res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"released":true}');
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const APP_ID = 'netapp';

export function domainsFor(port: number): ServerDomains {
  const https = [`https://localhost:${port}`, `https://api.test:${port}`, `https://rebind.test:${port}`, `https://lan.test:${port}`];
  return {
    request: https,
    downloadFile: https,
    uploadFile: https,
    socket: ['wss://localhost', 'wss://api.test', 'wss://rebind.test'],
  };
}

export const testResolver: Resolver = async (hostname) => {
  if (hostname === 'localhost' || hostname === 'api.test' || hostname === 'rebind.test') return [{ address: '127.0.0.1', family: 4 }];
  if (hostname === 'lan.test') return [{ address: '192.168.1.20', family: 4 }];
  throw Object.assign(new Error(`test resolver: no such host ${hostname}`), { code: 'ENOTFOUND' });
};

export interface NetHarness {
  shell: Shell;
  network: NetworkService;
  wx: Wx;
  transport: ScriptedTransport;
  caller: CallerIdentity;
  tempDir: string;
  close(): void;
}

export function netHarness(
  server: TestServer,
  cert: TestCert,
  options: { limits?: Partial<NetworkLimits>; trust?: boolean; hostPorts?: number[]; allowed?: string[]; domains?: ServerDomains } = {},
): NetHarness {
  const manifest = Manifest.parse({ appId: APP_ID, name: 'Net', version: '2.3.4', entry: 'index.html', domains: options.domains ?? domainsFor(server.port) });
  const caller: CallerIdentity = { appInfo: appInfoFromManifest(manifest), webViewId: 7 };
  const tempDir = mkdtempSync(join(tmpdir(), 'net-tmp-'));
  const allowed = new Set(options.allowed ?? [`https://localhost:${server.port}`, `https://api.test:${server.port}`]);
  // the transport exists only after the shell; events go to it through this late binding
  const sink: { transport?: ScriptedTransport } = {};
  const network = createNetworkService({
    manifestOf: (appId) => (appId === APP_ID ? manifest : undefined),
    allowedOrigins: () => allowed,
    hostPorts: () => options.hostPorts ?? [],
    send: (_viewId, data) => sink.transport?.emit({ v: 1, event: 'networkTask', data }),
    tempFiles: createTempFiles(tempDir),
    host: { name: 'web', version: '9.9.9' },
    resolver: testResolver,
    ...(options.trust === false ? {} : { ca: [cert.cert] }),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const shell = buildShell(
    { store: memoryStore(), prompter: { ask: async () => ({ confirmed: false }) } as never, host: { name: 'web', version: '9.9.9', platform: 'linux' }, network },
    () => fakeOpenApi(),
  );
  shell.setManifestSource((appId) => (appId === APP_ID ? manifest : undefined));
  const transport = (sink.transport = shellTransport(shell, caller));
  return { shell, network, wx: createWx(transport), transport, caller, tempDir, close: () => rmSync(tempDir, { recursive: true, force: true }) };
}

/** Runs a task API in callback style and resolves with how it ended. */
export function settle<T extends object>(start: (callbacks: { success: (r: T) => void; fail: (r: { errMsg: string; errno?: number }) => void }) => void): Promise<{ ok: true; result: T } | { ok: false; result: { errMsg: string; errno?: number } }> {
  return new Promise((resolve) => start({ success: (result) => resolve({ ok: true, result }), fail: (result) => resolve({ ok: false, result }) }));
}

export async function waitFor(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
