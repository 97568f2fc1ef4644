import { defineConfig } from '@playwright/test';
import { serialSuite } from '../playwright-suite';

/**
 * The desktop app itself, driven through Playwright's Electron support (_electron.launch). Run it with
 * `node test/electron/run.mjs` (npm run test:electron): that script finds the Electron binary, adds
 * xvfb-run when there is no display, and skips with one line when no binary exists.
 * One worker: each spec file launches its own app with a fresh user-data folder.
 */
export default defineConfig({
  ...serialSuite('electron', { test: 90_000, expect: 15_000 }),
  use: { actionTimeout: 15_000, trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
