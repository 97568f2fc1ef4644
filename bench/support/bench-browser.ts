import { chromium, type BrowserContext } from '@playwright/test';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Chromium as the launch benches run it: with a profile on disk (`profileDir`, removed by the caller), as a
 * user's own browser has and as Electron's persistent app partitions do. Playwright's default profile lives in
 * memory, and Chromium keeps no V8 code cache for such a profile, so every launch there compiled wx.js and the
 * runtime again, which no user's launch does.
 */
export function launchBenchBrowser(profileDir: string, extraArgs: string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, { executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs], viewport: { width: 1280, height: 800 } });
}
