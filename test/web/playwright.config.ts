import { defineConfig } from '@playwright/test';
import { serialSuite } from '../playwright-suite';

/**
 * End-to-end suite through the browser host in real Chromium (Debian's, Playwright cannot download
 * its own here). Each spec file gets its own host on an ephemeral port with a fresh data folder
 * (see fixtures.ts); one worker, because the host, Chromium and the other engineers share two cores.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  ...serialSuite('web', { test: 60_000, expect: 10_000 }),
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
});
