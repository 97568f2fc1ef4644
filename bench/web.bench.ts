import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { startWebHost, type WebHost } from '../web/host';
import { percentile } from './support/load-host';
import { launchBenchBrowser } from './support/bench-browser';

/**
 * Browser host, in real Chromium:
 *  - round trip of a no-op wx call (getStorageInfo, invokeNativePlugin echo) against a raw echo frame over
 *    the same WebSocket: the ratio is what the bridge (envelope, dispatcher, zod, call log) costs on top
 *    of the transport;
 *  - click on Launch in the shell UI until the mini program's first paint in its iframe.
 * Fixed iteration counts; every wait has a bound.
 */

const WARMUP = 50;
const ROUND_TRIPS = 400;
const LAUNCHES = 20;
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
  const page = '<!doctype html><html><head><title>bench</title></head><body><h1>Bench</h1><script src="app.js"></script></body></html>';
  writeFileSync(join(folder, 'index.html'), page);
  // The launch floor: the same page from the same server, loaded as a plain file (no view, no boot config, no wx)
  writeFileSync(join(folder, 'floor.html'), page);
  // The first contentful paint as the page itself sees it, relative to its own time origin.
  writeFileSync(
    join(folder, 'app.js'),
    `window.__appStart = performance.now();\n` +
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
      const kinds = {
        storage: () => w.wx.getStorageInfo(),
        plugin: () => w.wx.invokeNativePlugin({ api_name: 'echo', data: {} }),
        raw: () => w.__superappBridge.echo(null),
      };
      const out: Record<'storage' | 'plugin' | 'raw', number[]> = { storage: [], plugin: [], raw: [] };
      // interleaved, so a change in machine load during the run hits all three alike
      for (let i = 0; i < warmup + n; i++) {
        for (const key of ['storage', 'plugin', 'raw'] as const) {
          const t0 = performance.now();
          await kinds[key]();
          if (i >= warmup) out[key].push(performance.now() - t0);
        }
      }
      return out;
    },
    { warmup: WARMUP, n: ROUND_TRIPS },
  );
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

/** Where one click -> first paint went, in ms (all in the shell page's clock, epoch-based). */
interface LaunchSample {
  total: number;
  /** click -> the frame starts loading: the launch command, view creation, the iframe in the stage */
  shell: number;
  /** frame start -> its HTML received: the host building the page (view load key, boot config, storage mirror) */
  document: number;
  /** fetching /__superapp__/wx.js (0 for the floor) */
  wxFetch: number;
  /** HTML received -> DOM interactive: parsing, running wx.js (fetch included) and the page's own script */
  scripts: number;
  /** of `scripts`: HTML received -> the page's own script starts (wx.js fetched and run; app.js fetched meanwhile) */
  beforeApp: number;
  /** fetching the page's own app.js (both pages fetch it; it loads in parallel with wx.js) */
  appFetch: number;
  /** DOM interactive -> first contentful paint */
  paint: number;
}

const FRAME_TIMING = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const wx = performance.getEntriesByType('resource').find((e) => e.name.includes('/__superapp__/wx.js'));
  const app = performance.getEntriesByType('resource').find((e) => e.name.includes('/app.js'));
  const fcp = window.__firstPaint;
  if (!nav || fcp === undefined) return undefined;
  return { origin: performance.timeOrigin, responseEnd: nav.responseEnd, interactive: nav.domInteractive, fcp: fcp - performance.timeOrigin, wxFetch: wx ? wx.responseEnd - wx.startTime : 0, appStart: window.__appStart, appFetch: app ? app.responseEnd - app.startTime : 0 };
})()`;

interface FrameTiming {
  origin: number;
  responseEnd: number;
  interactive: number;
  fcp: number;
  wxFetch: number;
  /** when the page's own script began, in the frame's clock */
  appStart: number;
  appFetch: number;
}

async function frameTiming(page: Page, urlPart: string): Promise<FrameTiming | undefined> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().includes(urlPart));
    const timing = frame ? await frame.evaluate(FRAME_TIMING).catch(() => undefined) : undefined;
    if (timing) return timing as FrameTiming;
    await page.waitForTimeout(5);
  }
  return undefined;
}

function sampleOf(clickedAt: number, t: FrameTiming): LaunchSample {
  return {
    total: t.origin + t.fcp - clickedAt,
    shell: t.origin - clickedAt,
    document: t.responseEnd,
    wxFetch: t.wxFetch,
    scripts: t.interactive - t.responseEnd,
    beforeApp: t.appStart - t.responseEnd,
    appFetch: t.appFetch,
    paint: t.fcp - t.interactive,
  };
}

/** Stamps the next click in the shell page's own clock (epoch ms), to compare with the frame's paint time. */
async function stampNextClick(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.addEventListener('click', () => ((window as unknown as { __clickAt: number }).__clickAt = performance.timeOrigin + performance.now()), { capture: true, once: true });
  });
}

/**
 * Launch (click on Launch -> the app's first paint) against its floor measured in the same run: the same
 * shell page inserting a frame, on a click, for the same trivial page from the same server but without a
 * view (no launch command, no boot config, no wx.js). Floor and launch alternate, so load drift hits both.
 */
async function measureLaunch(browser: BrowserContext, host: WebHost): Promise<{ launch: LaunchSample[]; floor: LaunchSample[] } | string> {
  const page = await browser.newPage();
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
    const floorUrl = `http://${APP_ID}.localhost:${host.port}/floor.html`;
    await page.evaluate((src) => {
      const button = document.createElement('button');
      button.textContent = 'Floor';
      button.style.cssText = 'position:fixed;right:4px;bottom:4px;z-index:2147483647';
      button.addEventListener('click', () => {
        const frame = document.createElement('iframe');
        frame.src = `${src}?t=${Date.now()}`;
        frame.className = 'bench-floor';
        frame.style.cssText = 'position:fixed;left:0;top:0;width:600px;height:400px;border:0;z-index:2147483646';
        document.body.append(frame);
      });
      document.body.append(button);
    }, floorUrl);
    const launch: LaunchSample[] = [];
    const floor: LaunchSample[] = [];
    for (let i = 0; i < LAUNCHES; i++) {
      await stampNextClick(page);
      await page.getByRole('button', { name: 'Floor' }).click();
      const floorTiming = await frameTiming(page, 'floor.html');
      if (!floorTiming) return 'the floor page never painted within 10 s';
      floor.push(sampleOf(await page.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt), floorTiming));
      await page.evaluate(() => document.querySelectorAll('iframe.bench-floor').forEach((f) => f.remove()));

      await stampNextClick(page);
      await card.getByRole('button', { name: 'Launch' }).click();
      const timing = await frameTiming(page, `${APP_ID}.localhost:${host.port}/index.html`);
      if (!timing) return 'the launched app never painted within 10 s';
      launch.push(sampleOf(await page.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt), timing));
      const running = (await shellCommand(host, 'listRunning', {})) as Array<{ viewId: number }>;
      for (const r of running) await shellCommand(host, 'close', { viewId: r.viewId });
      await page.locator(`iframe[src*="${APP_ID}.localhost"]:not(.bench-floor)`).waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
      // back to the catalog view if the UI switched to the app
      await page.getByRole('button', { name: 'Catalog' }).first().click().catch(() => undefined);
    }
    return { launch, floor };
  } finally {
    await page.close();
  }
}

function median(samples: LaunchSample[], key: keyof LaunchSample): number {
  return percentile(samples.map((s) => s[key]), 50);
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'web-bench-'));
  const host = await startWebHost({ port: 0, dataDir: join(dir, 'data'), apps: [writeBenchApp(dir)], examplesDir: null, backends: false, quiet: true });
  const browser = await launchBenchBrowser(join(dir, 'profile'));
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
    rows.push({ name: 'wx call / raw echo (p50), target <= 1.15', value: ratio, unit: 'x' });
    rows.push({ name: 'wx call / raw echo (mean), target <= 1.3', value: meanRatio, unit: 'x' });
    console.log(`  bridge overhead: a no-op wx call takes ${ratio.toFixed(2)}x (p50), ${meanRatio.toFixed(2)}x (mean) a raw echo on the same socket`);

    const launched = await measureLaunch(browser, host);
    if (typeof launched === 'string') {
      console.log(`  launch time skipped: ${launched}`);
      return rows;
    }
    const { launch, floor } = launched;
    rows.push({ name: `launch click -> first paint p50 (${launch.length} launches)`, value: median(launch, 'total'), unit: 'ms' });
    rows.push({ name: 'launch floor: shell frame for a trivial page, p50', value: median(floor, 'total'), unit: 'ms' });
    rows.push({ name: 'launch / floor (p50), target <= 1.3', value: median(launch, 'total') / median(floor, 'total'), unit: 'x' });
    const parts = (['shell', 'document', 'wxFetch', 'scripts', 'beforeApp', 'appFetch', 'paint'] as const).map(
      (key) => `${key} ${median(launch, key).toFixed(1)} (floor ${median(floor, key).toFixed(1)})`,
    );
    console.log(`  where a launch goes, p50 ms: ${parts.join(', ')}`);
    console.log('    shell = click -> frame starts (launch command, view creation); document = host builds the page (load key, boot config, storage mirror);');
    console.log('    wxFetch = /__superapp__/wx.js fetch; scripts = HTML received -> DOM interactive (wx.js + page script), of which');
    console.log("    beforeApp = until the page's own script starts (wx.js fetched and run, app.js fetched meanwhile: appFetch); paint = interactive -> first paint");
    return rows;
  } finally {
    await browser.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
