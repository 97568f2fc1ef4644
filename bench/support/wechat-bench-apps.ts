import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { launchBenchBrowser } from './bench-browser';
import { startWebHost, type WebHost } from '../../web/host';

/** What the WeChat-format benches share: the two apps they compare, finding a painted app. */
export const WEB_APP = 'bench-web';
export const WX_APP = 'wxrtbench00001';
// bench files are bundled to dist/bench/ and run from there
export const WX_FIXTURE = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'wechat', 'rt-bench');

/** the bench app again, its app.json window asking for WeChat's initial rendering cache ("static") */
export const WX_CACHE_APP = 'wxrtbenchirc01';
/**
 * The browser host shows an app in a cross-site frame, and Debian's Chromium (third-party cookie phase-out)
 * gives such a frame no storage, so no rendering cache; Chrome as shipped and Electron's top-level app views do.
 */
export const FRAME_STORAGE_ARGS = ['--disable-features=TrackingProtection3pcd'];

export type BenchRow = { name: string; value: number; unit: string };
export type AppFormat = 'web' | 'wechat';

/** a one-page web-format app that records its first contentful paint, as the WeChat runtime does */
export function writeWebApp(dir: string): string {
  const folder = join(dir, WEB_APP);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ appId: WEB_APP, name: 'Bench Web', version: '1.0.0', entry: 'index.html', permissions: { openApi: [], customApi: [] } }));
  writeFileSync(join(folder, 'index.html'), '<!doctype html><html><head><title>bench</title></head><body><h1>Bench</h1><div>0</div><script src="app.js"></script></body></html>');
  writeFileSync(
    join(folder, 'app.js'),
    `new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') window.__firstPaint = performance.timeOrigin + e.startTime; }).observe({ type: 'paint', buffered: true });`,
  );
  return folder;
}

/**
 * A copy of the bench app (test/fixtures/wechat/rt-bench) that differs only in its appid and in app.json's
 * `window.initialRenderingCache: "static"`: same page, same code, so its launches compare with the plain one's.
 */
export function writeCacheApp(dir: string): string {
  const folder = join(dir, 'rt-bench-cache');
  cpSync(WX_FIXTURE, folder, { recursive: true });
  const appJson = JSON.parse(readFileSync(join(folder, 'app.json'), 'utf8')) as { window?: Record<string, unknown> };
  appJson.window = { ...appJson.window, initialRenderingCache: 'static' };
  writeFileSync(join(folder, 'app.json'), JSON.stringify(appJson));
  const project = JSON.parse(readFileSync(join(folder, 'project.config.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(folder, 'project.config.json'), JSON.stringify({ ...project, appid: WX_CACHE_APP, projectname: 'rt-bench-cache' }));
  return folder;
}

export async function appFrame(page: Page, appId: string): Promise<Frame | undefined> {
  return page.frames().find((f) => f.url().startsWith(`http://${appId.toLowerCase()}.localhost:`));
}

/** the app's first contentful paint (epoch ms), polled for up to 10 s */
export async function firstPaint(page: Page, appId: string, format: AppFormat): Promise<number> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const frame = await appFrame(page, appId);
    const painted = frame
      ? await frame
          .evaluate((f) => {
            // the web page's first contentful paint is its content; the WeChat view's may be only its navigation
            // bar, so for it: the first paint after the first page's render was applied
            const w = window as unknown as { __firstPaint?: number; __wxPerf?: { firstPagePaint?: number } };
            return f === 'web' ? w.__firstPaint : w.__wxPerf?.firstPagePaint;
          }, format)
          .catch(() => undefined)
      : undefined;
    if (painted !== undefined) return painted;
    await page.waitForTimeout(5);
  }
  throw new Error(`${appId} never painted within 10 s`);
}

/**
 * A browser host with both bench apps installed (and with `cacheApp`, the rendering-cache copy) and Chromium
 * showing the shell at 1280x800; everything is closed and removed when `body` ends.
 */
export async function withBenchShell<T>(prefix: string, body: (page: Page, host: WebHost) => Promise<T>, extraArgs: string[] = [], options: { cacheApp?: boolean } = {}): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const host = await startWebHost({ port: 0, dataDir: join(dir, 'data'), apps: [writeWebApp(dir)], examplesDir: null, backends: false, quiet: true });
  const browser = await launchBenchBrowser(join(dir, 'profile'), extraArgs);
  try {
    await host.runtime.service.handle('install', { source: WX_FIXTURE });
    if (options.cacheApp) await host.runtime.service.handle('install', { source: writeCacheApp(dir) });
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(host.url);
    return await body(page, host);
  } finally {
    await browser.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
