import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from '../../web/repo-root';
import { startWebHost, type WebHost } from '../../web/host';
import { ECHO, type DriverPlan, type DriverReport, type ViewTicket } from './bridge-driver';

/**
 * The host side of the load runs (bench/load.bench.ts and test/soak/load-*.soak.test.ts): a real browser
 * host in this process with N small apps, one launched view per app, and the page side in child processes
 * (bridge-driver.ts) so that this process's CPU and memory are the host's alone.
 */

export { ECHO, type DriverPlan, type DriverReport, type ViewTicket };

export interface LoadHost {
  host: WebHost;
  views: ViewTicket[];
  close(): Promise<void>;
}

function writeApp(dir: string, appId: string): string {
  const folder = join(dir, appId);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'manifest.json'),
    JSON.stringify({ appId, name: `Load ${appId}`, version: '1.0.0', entry: 'index.html', permissions: { openApi: [], customApi: ['echo'] } }),
  );
  writeFileSync(join(folder, 'index.html'), '<!doctype html><html><head><title>load</title></head><body>load</body></html>');
  return folder;
}

function get(port: number, url: string): Promise<string> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: u.pathname + u.search, headers: { Host: u.host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Launches the app and reads its view's bridge ticket from the served page, as the page's wx.js would. */
async function launchView(host: WebHost, appId: string): Promise<ViewTicket> {
  const { url, viewId } = (await host.runtime.service.handle('launch', { appId })) as { url: string; viewId: number };
  const page = await get(host.port, url);
  const boot = /<script type="application\/json" id="__superapp_boot__">(.*?)<\/script>/.exec(page);
  if (!boot) throw new Error(`no boot config in the page of ${appId}: ${page.slice(0, 200)}`);
  const config = JSON.parse(boot[1]!) as { token: string; wsUrl: string };
  return { appId, viewId, token: config.token, wsUrl: config.wsUrl, origin: new URL(url).origin };
}

export async function startLoadHost(apps: number): Promise<LoadHost> {
  const dir = mkdtempSync(join(tmpdir(), 'load-host-'));
  const appIds = Array.from({ length: apps }, (_, i) => `load-${String(i + 1).padStart(2, '0')}`);
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>shell</title>');
  const wxScriptFile = join(dir, 'wx.js');
  writeFileSync(wxScriptFile, '/* wx */');
  const host = await startWebHost({
    port: 0,
    dataDir: join(dir, 'data'),
    apps: appIds.map((id) => writeApp(join(dir, 'src'), id)),
    keepAlive: apps + 1,
    quiet: true,
    examplesDir: null,
    backends: false,
    rendererDir,
    wxScriptFile,
  });
  const views: ViewTicket[] = [];
  for (const appId of appIds) views.push(await launchView(host, appId));
  return {
    host,
    views,
    async close() {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface DriverRun {
  /** resolves when a flood plan has its first burst out */
  ready: Promise<void>;
  report: Promise<DriverReport>;
  stop(): void;
}

/** Starts the page side of one plan in its own process. */
export function runDriver(plan: DriverPlan): DriverRun {
  const script = join(findRepoRoot(), 'bench', 'support', 'bridge-driver.ts');
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (markReady = r));
  const report = new Promise<DriverReport>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('ready\n')) markReady();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last) as DriverReport);
      } catch {
        reject(new Error(`bridge driver (${plan.kind}) exited with ${code} without a report: ${out.slice(-500)}`));
      }
      markReady();
    });
  });
  child.stdin.write(`${JSON.stringify(plan)}\n`);
  return {
    ready,
    report,
    stop: () => {
      if (child.stdin.writable) child.stdin.end('stop\n');
    },
  };
}

/** Samples this process's RSS every 20 ms until stopped (where it started, how high it went) and its CPU time. */
export function watchHost(): { stop(): { startMb: number; peakMb: number; endMb: number; cpuS: number } } {
  const mb = () => process.memoryUsage.rss() / (1024 * 1024);
  const startMb = mb();
  const cpu = process.cpuUsage();
  let peakMb = startMb;
  const timer = setInterval(() => (peakMb = Math.max(peakMb, mb())), 20);
  return {
    stop() {
      clearInterval(timer);
      const endMb = mb();
      const used = process.cpuUsage(cpu);
      return { startMb, peakMb: Math.max(peakMb, endMb), endMb, cpuS: (used.user + used.system) / 1e6 };
    },
  };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
