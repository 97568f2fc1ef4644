import type { Frame, Page } from '@playwright/test';
import type { WebHost } from '../web/host';
import { percentile } from './support/load-host';
import { appFrame, firstPaint, FRAME_STORAGE_ARGS, WEB_APP, withBenchShell, WX_APP, WX_CACHE_APP, type AppFormat, type BenchRow } from './support/wechat-bench-apps';

/**
 * The WeChat-format runtime in real Chromium, side by side in one run:
 *  - launch click -> first page painted, a WeChat-format app (logic Worker + view) next to a web-format app;
 *  - tap -> setData -> DOM committed (p50/p99), next to the same update done with plain DOM in the same page
 *    (the floor: a click handler that sets textContent);
 *  - the same WeChat-format app with WeChat's initial rendering cache (app.json window "static"): launch click ->
 *    the recorded page painted, and -> its first real render painted (interactive); its first launch records
 *    the cache and is not counted.
 * Fixed iteration counts; every wait is bounded.
 */
const LAUNCHES = 8;
const TAPS = 200;
const WARMUP = 20;

/** Where one WeChat-format launch went, in ms, from the view page's own stamps (miniprogram/view/main.ts). */
interface WxStages {
  /** click -> the view page starts loading (launch command, view creation) */
  shell: number;
  /** the host builds the view page (load key, boot config, storage mirror) */
  document: number;
  /** HTML received -> view.js begins and asks for the logic Worker (wx.js, the stylesheets, view.js) */
  scripts: number;
  /** the Worker asked for -> it is ready (a new thread, logic.js with glass-easel, the app's compiled bundle) */
  logic: number;
  /** the Worker ready -> the first page's first render is in the DOM (app.js, onLaunch, the page's onLoad, its render batch) */
  render: number;
  /** first render -> the first paint after it */
  paint: number;
  /** the view's first contentful paint (often only its navigation bar) -> the first page painted */
  chromeAhead: number;
}

const WX_STAGES = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const p = window.__wxPerf;
  if (!nav || !p || p.logicReady === undefined || p.firstRender === undefined || p.firstPagePaint === undefined || p.firstPaint === undefined) return undefined;
  return { origin: performance.timeOrigin, responseEnd: nav.responseEnd, viewStart: p.viewStart, logicReady: p.logicReady, firstRender: p.firstRender, pagePaint: p.firstPagePaint - performance.timeOrigin, fcp: p.firstPaint - performance.timeOrigin };
})()`;

async function wxStages(page: Page, appId: string, clickedAt: number): Promise<WxStages | undefined> {
  const frame = await appFrame(page, appId);
  const t = frame ? ((await frame.evaluate(WX_STAGES).catch(() => undefined)) as Record<string, number> | undefined) : undefined;
  if (!t) return undefined;
  return {
    shell: t['origin']! - clickedAt,
    document: t['responseEnd']!,
    scripts: t['viewStart']! - t['responseEnd']!,
    logic: t['logicReady']! - t['viewStart']!,
    render: t['firstRender']! - t['logicReady']!,
    paint: t['pagePaint']! - t['firstRender']!,
    chromeAhead: t['pagePaint']! - t['fcp']!,
  };
}

/** click on the catalog's Launch -> the app's first contentful paint, both in epoch ms (and, for the WeChat format, where it went) */
async function measureLaunches(
  page: Page,
  host: WebHost,
  appId: string,
  format: AppFormat,
  stages: WxStages[] = [],
  /** runs after each launch painted, before the app is closed (epoch ms of the click) */
  afterLaunch?: (clickedAt: number) => Promise<void>,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < LAUNCHES; i++) {
    await page.getByTestId('nav-catalog').click();
    const launch = page.locator(`[data-testid="app-card"][data-app-id="${appId}"]`).getByTestId('launch');
    await launch.waitFor({ timeout: 10_000 });
    await page.evaluate(() => document.addEventListener('click', () => ((window as unknown as { __clickAt: number }).__clickAt = performance.timeOrigin + performance.now()), { capture: true, once: true }));
    await launch.click();
    const painted = await firstPaint(page, appId, format);
    const clickedAt = await page.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt);
    samples.push(painted - clickedAt);
    if (format === 'wechat') {
      const where = await wxStages(page, appId, clickedAt);
      if (where) stages.push(where);
    }
    await afterLaunch?.(clickedAt);
    for (const r of (await host.runtime.service.handle('listRunning', {})) as Array<{ viewId: number }>) await host.runtime.service.handle('close', { viewId: r.viewId });
  }
  return samples;
}

/** Launches of the rendering-cache app: click -> cached page painted, and -> first real page painted (interactive). */
interface CacheLaunches {
  cached: number[];
  interactive: number[];
  /** launches after the first that showed no cache (should stay 0) */
  missed: number;
  launches: number;
}

const CACHE_STAMPS = `(() => {
  const p = window.__wxPerf;
  let stored = false;
  try { stored = Object.keys(localStorage).some((k) => k.startsWith('__wxInitialRenderingCache:page:')); } catch {}
  return { cachePaint: p && p.cachePaint, stored };
})()`;

async function measureCacheLaunches(page: Page, host: WebHost, into: CacheLaunches): Promise<void> {
  const stamps: Array<number | undefined> = [];
  const interactive = await measureLaunches(page, host, WX_CACHE_APP, 'wechat', [], async (clickedAt) => {
    const frame = await appFrame(page, WX_CACHE_APP);
    const read = async () => (frame ? ((await frame.evaluate(CACHE_STAMPS).catch(() => undefined)) as { cachePaint?: number; stored: boolean } | undefined) : undefined);
    const first = into.launches === 0 && stamps.length === 0;
    // the very first launch records the page once the view is idle: a user's first session outlasts that
    for (let i = 0; first && i < 300 && !(await read())?.stored; i++) await page.waitForTimeout(10);
    const cachePaint = (await read())?.cachePaint;
    stamps.push(cachePaint === undefined ? undefined : cachePaint - clickedAt);
  });
  interactive.forEach((ms, i) => {
    if (into.launches++ === 0) return; // the first launch ever: nothing was recorded yet
    into.interactive.push(ms);
    const cached = stamps[i];
    if (cached === undefined) into.missed++;
    else into.cached.push(cached);
  });
}

/** taps inside the app's page, timed until the DOM changed: through the runtime, then with plain DOM */
async function measureTaps(frame: Frame): Promise<{ runtime: number[]; plain: number[] }> {
  return frame.evaluate(
    async ({ warmup, n }) => {
      const timeUntilMutation = (target: Node, act: () => void) =>
        new Promise<number>((resolve, reject) => {
          const t0 = performance.now();
          const timer = setTimeout(() => reject(new Error('no DOM change within 5 s')), 5000);
          const observer = new MutationObserver(() => {
            observer.disconnect();
            clearTimeout(timer);
            resolve(performance.now() - t0);
          });
          observer.observe(target, { childList: true, characterData: true, subtree: true });
          act();
        });
      const run = async (target: HTMLElement) => {
        const out: number[] = [];
        for (let i = 0; i < warmup + n; i++) {
          const ms = await timeUntilMutation(target, () => target.click());
          if (i >= warmup) out.push(ms);
        }
        return out;
      };
      const counter = document.querySelector('.wx-page-frame:not([hidden]) #count') as HTMLElement;
      const plain = document.createElement('div');
      plain.textContent = '0';
      plain.addEventListener('click', () => (plain.textContent = String(Number(plain.textContent) + 1)));
      document.body.append(plain);
      return { runtime: await run(counter), plain: await run(plain) };
    },
    { warmup: WARMUP, n: TAPS },
  );
}

export async function run(): Promise<BenchRow[]> {
  return withBenchShell('wechat-bench', async (page, host) => {
    // alternate the two formats so both see the same machine load
    const web: number[] = [];
    const wechat: number[] = [];
    const stages: WxStages[] = [];
    const cache: CacheLaunches = { cached: [], interactive: [], missed: 0, launches: 0 };
    for (let round = 0; round < 2; round++) {
      web.push(...(await measureLaunches(page, host, WEB_APP, 'web')));
      wechat.push(...(await measureLaunches(page, host, WX_APP, 'wechat', stages)));
      await measureCacheLaunches(page, host, cache);
    }
    if (stages.length > 0) {
      const keys = ['shell', 'document', 'scripts', 'logic', 'render', 'paint', 'chromeAhead'] as const;
      console.log(`  where a WeChat-format launch goes, p50 ms: ${keys.map((k) => `${k} ${percentile(stages.map((s) => s[k]), 50).toFixed(1)}`).join(', ')}`);
      console.log(
        '    shell = click -> view page starts; document = host builds the page; scripts = HTML -> view.js begins (wx.js, styles, view.js);\n' +
          '    logic = view.js asks for the Worker -> it is ready (new thread, logic.js + glass-easel, app bundle);\n' +
          '    render = ready -> first page rendered (app.js, onLaunch, onLoad, first batch); paint = -> first paint after it;\n' +
          '    chromeAhead = how long the navigation bar was on screen before the page (the first contentful paint)',
      );
    }
    await page.getByTestId('nav-catalog').click();
    await page.locator(`[data-testid="app-card"][data-app-id="${WX_APP}"]`).getByTestId('launch').click();
    let frame: Frame | undefined;
    for (let i = 0; i < 400 && !frame; i++) {
      const candidate = await appFrame(page, WX_APP);
      if (candidate && (await candidate.locator('.wx-page-frame:not([hidden]) #count').count().catch(() => 0))) frame = candidate;
      else await page.waitForTimeout(25);
    }
    if (!frame) throw new Error('the WeChat-format bench app did not render');
    const taps = await measureTaps(frame);
    const rows: BenchRow[] = [
      { name: `launch -> first paint p50, web format (${web.length})`, value: percentile(web, 50), unit: 'ms' },
      { name: `launch -> first page painted p50, WeChat format (${wechat.length})`, value: percentile(wechat, 50), unit: 'ms' },
      { name: 'launch WeChat / web (p50)', value: percentile(wechat, 50) / percentile(web, 50), unit: 'x' },
      { name: `WeChat-format first page painted from the initial rendering cache / web-format launch (p50, ${cache.cached.length} launches after the first, ${cache.missed} without cache)`, value: cache.cached.length ? percentile(cache.cached, 50) / percentile(web, 50) : NaN, unit: 'x' },
      { name: '… until its first real render (interactive) / web-format launch (p50)', value: percentile(cache.interactive, 50) / percentile(web, 50), unit: 'x' },
      { name: 'launch -> cached page painted p50, WeChat format with initial rendering cache', value: cache.cached.length ? percentile(cache.cached, 50) : NaN, unit: 'ms' },
      { name: 'launch -> first real page painted p50, WeChat format with initial rendering cache', value: percentile(cache.interactive, 50), unit: 'ms' },
      { name: `tap -> setData -> DOM p50 (${TAPS})`, value: percentile(taps.runtime, 50), unit: 'ms' },
      { name: 'tap -> setData -> DOM p99', value: percentile(taps.runtime, 99), unit: 'ms' },
      { name: 'tap -> plain DOM update p50 (floor)', value: percentile(taps.plain, 50), unit: 'ms' },
      { name: 'tap -> plain DOM update p99 (floor)', value: percentile(taps.plain, 99), unit: 'ms' },
    ];
    return rows;
  }, FRAME_STORAGE_ARGS, { cacheApp: true });
}
