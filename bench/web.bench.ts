import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { startWebHost, type WebHost } from '../web/host';

/**
 * Browser host, in real Chromium:
 *  - round trip of a no-op wx call (getStorageInfo, invokeNativePlugin echo) against a raw echo frame over
 *    the same WebSocket: the ratio is what the bridge (envelope, dispatcher, zod, call log) costs on top
 *    of the transport;
 *  - click on Launch in the shell UI until the mini program's first paint in its iframe.
 * Fixed iteration counts; every wait has a bound.
 */

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const WARMUP = 50;
const ROUND_TRIPS = 400;
const LAUNCHES = 10;
const APP_ID = 'bench-app';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
}

function writeBenchApp(dir: string): string {
  const folder = join(dir, APP_ID);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'manifest.json'),
    JSON.stringify({ appId: APP_ID, name: 'Bench App', version: '1.0.0', entry: 'index.html', permissions: { openApi: [], customApi: ['echo'] } }),
  );
  writeFileSync(join(folder, 'index.html'), '<!doctype html><html><head><title>bench</title></head><body><h1>Bench</h1><script src="app.js"></script></body></html>');
  // The first contentful paint as the page itself sees it, relative to its own time origin.
  writeFileSync(
    join(folder, 'app.js'),
    `new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__firstPaint = performance.timeOrigin + e.startTime; }).observe({ type: 'paint', buffered: true });`,
  );
  return folder;
}

/** Runs the timing loops inside the page, so the numbers carry no Playwright overhead. */
async function measureInPage(frame: Frame | Page): Promise<Record<'storage' | 'plugin' | 'raw', number[]>> {
  return frame.evaluate(
    async ({ warmup, n }) => {
      type Wx = { getStorageInfo(): Promise<unknown>; invokeNativePlugin(o: unknown): Promise<unknown> };
      const w = window as unknown as { wx: Wx; __superappBridge: { echo(p: unknown): Promise<unknown> } };
      const time = async (fn: () => Promise<unknown>) => {
        for (let i = 0; i < warmup; i++) await fn();
        const out: number[] = [];
        for (let i = 0; i < n; i++) {
          const t0 = performance.now();
          await fn();
          out.push(performance.now() - t0);
        }
        return out;
      };
      return {
        storage: await time(() => w.wx.getStorageInfo()),
        plugin: await time(() => w.wx.invokeNativePlugin({ api_name: 'echo', data: {} })),
        raw: await time(() => w.__superappBridge.echo(null)),
      };
    },
    { warmup: WARMUP, n: ROUND_TRIPS },
  );
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** The shell channel from Node, as the shell page would use it (token from the page, shell Origin). */
async function shellCommand(host: WebHost, command: string, input: unknown): Promise<unknown> {
  const ws = new WebSocket(`ws://localhost:${host.port}/ws/shell?token=${host.shellToken}`, { origin: `http://localhost:${host.port}` });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${command}: no answer in 10 s`)), 10_000);
      ws.on('message', (data) => {
        const m = JSON.parse(data.toString()) as { kind: string; id?: number; ok?: boolean; output?: unknown; error?: { message: string } };
        if (m.kind !== 'result' || m.id !== 1) return;
        clearTimeout(timer);
        if (m.ok) resolve(m.output);
        else reject(new Error(`${command}: ${m.error?.message}`));
      });
      ws.send(JSON.stringify({ kind: 'call', id: 1, command, input }));
    });
  } finally {
    ws.close();
  }
}

async function measureLaunch(browser: Browser, host: WebHost): Promise<number[] | string> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(host.url);
    const card = page.locator('article, li, section, div').filter({ hasText: 'Bench App' }).filter({ has: page.getByRole('button', { name: 'Launch' }) }).last();
    try {
      await card.getByRole('button', { name: 'Launch' }).waitFor({ timeout: 10_000 });
    } catch {
      return `the shell UI showed no Launch button for Bench App${errors.length ? ` (page error: ${errors[0]})` : ''}`;
    }
    const samples: number[] = [];
    for (let i = 0; i < LAUNCHES; i++) {
      // Stamp the click in the page's own clock (epoch ms) so it compares with the frame's paint time.
      await page.evaluate(() => {
        document.addEventListener('click', () => ((window as unknown as { __clickAt: number }).__clickAt = performance.timeOrigin + performance.now()), { capture: true, once: true });
      });
      await card.getByRole('button', { name: 'Launch' }).click();
      let painted: number | undefined;
      const deadline = Date.now() + 10_000;
      while (painted === undefined && Date.now() < deadline) {
        const frame = page.frames().find((f) => f.url().startsWith(`http://${APP_ID}.localhost:`));
        painted = frame ? await frame.evaluate(() => (window as unknown as { __firstPaint?: number }).__firstPaint).catch(() => undefined) : undefined;
        if (painted === undefined) await page.waitForTimeout(5);
      }
      if (painted === undefined) return 'the launched app never painted within 10 s';
      const clicked = await page.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt);
      samples.push(painted - clicked);
      const running = (await shellCommand(host, 'listRunning', {})) as Array<{ viewId: number }>;
      for (const r of running) await shellCommand(host, 'close', { viewId: r.viewId });
      await page.locator(`iframe[src*="${APP_ID}.localhost"]`).waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
      // back to the catalog view if the UI switched to the app
      await page.getByRole('button', { name: 'Catalog' }).first().click().catch(() => undefined);
    }
    return samples;
  } finally {
    await page.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'web-bench-'));
  const host = await startWebHost({ port: 0, dataDir: join(dir, 'data'), apps: [writeBenchApp(dir)], examplesDir: null, backends: false, quiet: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const { url, viewId } = (await shellCommand(host, 'launch', { appId: APP_ID })) as { url: string; viewId: number };
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => typeof (window as unknown as { wx?: unknown }).wx === 'object', undefined, { timeout: 10_000 });
    const samples = await measureInPage(page);
    await page.close();
    await shellCommand(host, 'close', { viewId });

    const rows: BenchRow[] = [];
    for (const [key, label] of [['storage', 'wx.getStorageInfo'], ['plugin', 'wx.invokeNativePlugin echo'], ['raw', 'raw WebSocket echo']] as const) {
      rows.push({ name: `${label} round trip p50`, value: percentile(samples[key], 50), unit: 'ms' });
      rows.push({ name: `${label} round trip p99`, value: percentile(samples[key], 99), unit: 'ms' });
    }
    // Chromium coarsens performance.now() to 0.1 ms outside cross-origin isolation, so the ratio also
    // comes from the totals of all calls, which that rounding does not distort.
    const ratio = percentile(samples.storage, 50) / percentile(samples.raw, 50);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const meanRatio = sum(samples.storage) / sum(samples.raw);
    rows.push({ name: 'wx call / raw echo (p50)', value: ratio, unit: 'x' });
    rows.push({ name: 'wx call / raw echo (mean)', value: meanRatio, unit: 'x' });
    console.log(`  bridge overhead: a no-op wx call takes ${ratio.toFixed(2)}x (p50), ${meanRatio.toFixed(2)}x (mean) a raw echo on the same socket`);

    const launch = await measureLaunch(browser, host);
    if (typeof launch === 'string') console.log(`  launch time skipped: ${launch}`);
    else rows.push({ name: `launch click -> first paint p50 (${launch.length} launches)`, value: percentile(launch, 50), unit: 'ms' });
    return rows;
  } finally {
    await browser.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
