import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { WebHost } from '../web/host';
import { percentile } from './support/load-host';
import { firstPaint, WEB_APP, withBenchShell, WX_APP, type AppFormat, type BenchRow } from './support/wechat-bench-apps';

/**
 * Memory one open app adds, a WeChat-format app (view page + logic Worker + glass-easel) next to a web-format
 * app, alternated in one run. Chromium gives each app origin (<label>.localhost) a renderer process of its own
 * (site isolation), and a dedicated Worker lives in its page's renderer, so the app's cost is that process:
 * its PSS (proportional set size, /proc/<pid>/smaps_rollup: shared library pages split between the processes
 * sharing them) once the first page has painted and the app has been idle for a moment. The whole browser's
 * PSS before and after the launch is reported too (it also counts what the shell page and the GPU and network
 * processes grew by). performance.measureUserAgentSpecificMemory needs cross-origin isolation, which app views
 * do not have, and CDP's JSHeapUsedSize sees the page's isolate but not the Worker's: both would undercount.
 * Chromium keeps a spare renderer ready for the next site, which would take the app and be replaced by a
 * fresh empty one (the "new" process would then be that empty spare): the bench turns the spare off.
 * Linux only (/proc); fixed counts, every wait bounded.
 */
const NO_SPARE_RENDERER = ['--disable-features=SpareRendererForSitePerProcess'];
const ROUNDS = 5;
const IDLE_MS = 1500;

interface ChromiumProcess {
  pid: number;
  renderer: boolean;
  pssKb: number;
}

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process ended while we looked
  }
};

/** every process below this one (the browser and its children), with its PSS */
function chromiumProcesses(): ChromiumProcess[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN;
    if (Number.isFinite(ppid)) parents.set(Number(entry), ppid);
  }
  const below = (pid: number): boolean => {
    for (let p = parents.get(pid), hops = 0; p !== undefined && hops < 64; p = parents.get(p), hops++) if (p === process.pid) return true;
    return false;
  };
  const out: ChromiumProcess[] = [];
  for (const pid of parents.keys()) {
    if (!below(pid)) continue;
    const rollup = read(`/proc/${pid}/smaps_rollup`);
    const pss = rollup ? Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) : 0;
    const cmdline = read(`/proc/${pid}/cmdline`) ?? '';
    if (!cmdline.includes('chromium') && !cmdline.includes('chrome')) continue;
    out.push({ pid, renderer: cmdline.includes('--type=renderer'), pssKb: pss });
  }
  return out;
}

const totalKb = (list: ChromiumProcess[]) => list.reduce((sum, p) => sum + p.pssKb, 0);

async function closeAll(page: Page, host: WebHost): Promise<void> {
  for (const r of (await host.runtime.service.handle('listRunning', {})) as Array<{ viewId: number }>) await host.runtime.service.handle('close', { viewId: r.viewId });
  // wait until no renderer beyond the shell's is left (a closed app's process exits shortly after)
  for (let i = 0; i < 100 && chromiumProcesses().filter((p) => p.renderer).length > 1; i++) await page.waitForTimeout(50);
}

/** one launch: the PSS of the renderer(s) the app brought, and how much the whole browser grew */
async function measureOpenApp(page: Page, host: WebHost, appId: string, format: AppFormat): Promise<{ appKb: number; browserKb: number }> {
  await closeAll(page, host);
  await page.getByTestId('nav-catalog').click();
  const launch = page.locator(`[data-testid="app-card"][data-app-id="${appId}"]`).getByTestId('launch');
  await launch.waitFor({ timeout: 10_000 });
  await page.waitForTimeout(IDLE_MS);
  const before = chromiumProcesses();
  await launch.click();
  await firstPaint(page, appId, format);
  await page.waitForTimeout(IDLE_MS);
  const after = chromiumProcesses();
  const known = new Set(before.map((p) => p.pid));
  const added = after.filter((p) => p.renderer && !known.has(p.pid));
  if (added.length === 0) throw new Error(`${appId} did not get a renderer process of its own; this bench cannot attribute its memory`);
  return { appKb: totalKb(added), browserKb: totalKb(after) - totalKb(before) };
}

export async function run(): Promise<BenchRow[]> {
  if (process.platform !== 'linux') return [{ name: 'memory per open app: needs Linux /proc (not run)', value: 0, unit: '' }];
  return withBenchShell('wechat-memory-bench', async (page, host) => {
    const web: Array<{ appKb: number; browserKb: number }> = [];
    const wechat: Array<{ appKb: number; browserKb: number }> = [];
    // alternate the two formats so both see the same machine and the same browser age
    for (let round = 0; round < ROUNDS; round++) {
      web.push(await measureOpenApp(page, host, WEB_APP, 'web'));
      wechat.push(await measureOpenApp(page, host, WX_APP, 'wechat'));
    }
    const mb = (kb: number) => kb / 1024;
    const p50 = (list: Array<{ appKb: number; browserKb: number }>, key: 'appKb' | 'browserKb') => percentile(list.map((s) => s[key]), 50);
    return [
      { name: `app renderer PSS p50, web format (${web.length})`, value: mb(p50(web, 'appKb')), unit: 'MB' },
      { name: `app renderer PSS p50, WeChat format (${wechat.length})`, value: mb(p50(wechat, 'appKb')), unit: 'MB' },
      { name: 'app renderer PSS WeChat / web (p50)', value: p50(wechat, 'appKb') / p50(web, 'appKb'), unit: 'x' },
      { name: 'WeChat runtime adds per open app (p50 difference)', value: mb(p50(wechat, 'appKb') - p50(web, 'appKb')), unit: 'MB' },
      { name: 'whole browser PSS growth p50, web format', value: mb(p50(web, 'browserKb')), unit: 'MB' },
      { name: 'whole browser PSS growth p50, WeChat format', value: mb(p50(wechat, 'browserKb')), unit: 'MB' },
    ];
  }, NO_SPARE_RENDERER);
}
