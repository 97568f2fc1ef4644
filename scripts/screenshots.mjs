#!/usr/bin/env node
// README screenshots: starts the browser host on a free port with a fresh data folder, drives the real
// shell UI in Chromium at 1280x800 and writes docs/screenshots/{catalog,app,payment-sheet,settings,inspector}.png.
//   npm run screenshots        (builds first; needs dist/web/server.js and dist/renderer/)
/* global clearTimeout, document -- Node's timer API; document only inside page.waitForFunction, which runs in the browser */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'docs', 'screenshots');
const server = join(root, 'dist', 'web', 'server.js');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const STEP_TIMEOUT = 15_000;

/** Starts `node dist/web/server.js --port 0 --quiet` and resolves with the URL it prints. */
function startHost(dataDir) {
  const child = spawn(process.execPath, [server, '--port', '0', '--data-dir', dataDir, '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the host printed no URL within 30 s${stderr ? `:\n${stderr}` : ''}`)), 30_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/\S+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited with code ${code} before printing its URL${stderr ? `:\n${stderr}` : ''}`));
    });
  });
  return { child, url };
}

async function main() {
  if (!existsSync(server)) throw new Error('dist/web/server.js is missing: run `npm run build` first (or `npm run screenshots`, which builds).');
  mkdirSync(outDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'superapp-screens-'));
  const host = startHost(dataDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const url = await host.url;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(STEP_TIMEOUT);
    const shot = async (name) => {
      // finished animations: a sheet caught mid fade-in would show the app through it
      await page.screenshot({ path: join(outDir, name), animations: 'disabled' });
      console.log(`screenshots: docs/screenshots/${name}`);
    };
    const byId = (id) => page.locator(`[data-testid="${id}"]`);

    await page.goto(url);
    await byId('catalog').waitFor();
    await page.locator('[data-testid="app-card"]').first().waitFor();
    // icons are files of each app's package: wait until they are painted, not just requested
    await page.waitForFunction(() => [...document.images].every((img) => img.complete));
    await shot('catalog.png');

    await page.locator('[data-testid="app-card"][data-app-id="shop"] [data-testid="launch"]').click();
    const shop = page.frameLocator('iframe[data-testid="app-frame"][data-app-id="shop"]');
    // the WeChat-format Tea Shop: its WXML ids reach the DOM
    await shop.locator('#signin-status', { hasText: 'Signed in as' }).waitFor({ timeout: 30_000 });
    await shop.locator('#buy-oolong').waitFor();
    await shot('app.png');

    await shop.locator('#buy-oolong').click();
    const sheet = page.locator('[data-testid="sheet"][data-sheet-kind="payment"]');
    await sheet.waitFor();
    // Pay is armed a moment after the sheet appears; show the sheet as the user acts on it
    await sheet.locator('[data-testid="sheet-confirm"]:enabled').waitFor();
    await shot('payment-sheet.png');
    await sheet.locator('[data-testid="sheet-confirm"]').click();
    await shop.locator('#order-status', { hasText: 'SUCCESS' }).waitFor();

    await byId('nav-settings').click();
    await byId('settings').waitFor();
    await byId('payment-row').first().waitFor();
    await shot('settings.png');

    await byId('nav-inspector').click();
    await byId('inspector').waitFor();
    const firstRow = page.locator('[data-testid="call-row"]').first();
    await firstRow.waitFor();
    await firstRow.click();
    await byId('call-detail').waitFor();
    await shot('inspector.png');
  } finally {
    await browser.close();
    host.child.kill('SIGTERM');
    await new Promise((resolve) => (host.child.exitCode !== null ? resolve() : host.child.once('exit', resolve)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`screenshots: ${e.message}`);
  process.exitCode = 1;
});
