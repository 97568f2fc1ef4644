import { _electron, expect, test as base, type ElectronApplication, type Locator, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * One desktop app per spec file, on a fresh user-data folder (SUPERAPP_USER_DATA), so the samples
 * are seeded and the wallet is new. Pages are found by URL: the shell is superapp://shell.superapp/,
 * each mini program is its own WebContentsView at superapp://<appId>/.
 */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHELL_PREFIX = 'superapp://shell.superapp/';

/** The first window whose URL satisfies `match`, waiting for it to appear (views load after launch). */
export async function pageWhere(app: ElectronApplication, match: (url: string) => boolean, timeoutMs = 30_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = app.windows().find((p) => !p.isClosed() && match(p.url()));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no window matched; open: ${app.windows().map((p) => p.url()).join(', ')}`);
    await app.waitForEvent('window', { timeout: 1_000 }).catch(() => undefined);
  }
}

export class Desktop {
  constructor(
    readonly app: ElectronApplication,
    readonly shell: Page,
  ) {}

  card(appId: string): Locator {
    return this.shell.locator(`[data-testid="app-card"][data-app-id="${appId}"]`);
  }
  tab(appId: string): Locator {
    return this.shell.locator(`[data-testid="tab"][data-app-id="${appId}"]`);
  }
  sheet(kind: string): Locator {
    return this.shell.locator(`[data-testid="sheet"][data-sheet-kind="${kind}"]`);
  }

  async showCatalog(): Promise<void> {
    await this.shell.getByTestId('nav-catalog').click();
    await expect(this.shell.getByTestId('catalog')).toBeVisible();
  }

  async showSettings(): Promise<void> {
    await this.shell.getByTestId('nav-settings').click();
    await expect(this.shell.getByTestId('settings')).toBeVisible();
  }

  /** Launch from the catalog card; resolves with the app's own page once wx is on it. */
  async launch(appId: string): Promise<Page> {
    await this.showCatalog();
    await this.card(appId).getByTestId('launch').click();
    await expect(this.tab(appId)).toHaveAttribute('aria-selected', 'true');
    const page = await pageWhere(this.app, (url) => url.startsWith(`superapp://${appId.toLowerCase()}/`));
    await page.waitForFunction(() => typeof (window as unknown as { wx?: unknown }).wx === 'object');
    return page;
  }

  /** Live webContents showing an app's origin, counted in the main process. */
  async liveWebContents(appId: string): Promise<number> {
    return this.app.evaluate(
      ({ webContents }, origin) => webContents.getAllWebContents().filter((wc) => !wc.isDestroyed() && wc.getURL().startsWith(origin)).length,
      `superapp://${appId.toLowerCase()}/`,
    );
  }

  /** Wallet balance in fen, as Settings shows it ("¥1,234.56"). */
  async walletBalance(): Promise<number> {
    await this.showSettings();
    const text = (await this.shell.getByTestId('wallet-balance').textContent()) ?? '';
    const m = /¥\s*([\d,]+)\.(\d{2})/.exec(text);
    if (!m) throw new Error(`no amount in ${JSON.stringify(text)}`);
    return Number(m[1]!.replace(/,/g, '')) * 100 + Number(m[2]);
  }
}

export const test = base.extend<{ desktop: Desktop }, { desktopApp: Desktop }>({
  desktopApp: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
    async ({}, use) => {
      const executablePath = process.env.SUPERAPP_ELECTRON_BIN;
      if (!executablePath) throw new Error('SUPERAPP_ELECTRON_BIN is not set: run this suite through test/electron/run.mjs');
      const userData = await mkdtemp(join(tmpdir(), 'superapp-electron-e2e-'));
      const app = await _electron.launch({
        executablePath,
        args: [ROOT, '--disable-gpu'],
        // Playwright passes --no-sandbox on Linux unless this is set; the app enforces the sandbox, so test it
        // sandboxed. Root is the exception: Chromium will not start a sandboxed renderer as root.
        chromiumSandbox: process.getuid?.() !== 0,
        env: { ...process.env, SUPERAPP_USER_DATA: userData, SUPERAPP_EXAMPLES_DIR: join(ROOT, 'examples') },
        timeout: 60_000,
      });
      try {
        const shell = await pageWhere(app, (url) => url.startsWith(SHELL_PREFIX));
        await expect(shell.getByTestId('catalog')).toBeVisible();
        await use(new Desktop(app, shell));
      } finally {
        await app.close().catch(() => undefined);
        await rm(userData, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  desktop: async ({ desktopApp }, use) => {
    // every test starts with no mini program running
    for (const tab of await desktopApp.shell.locator('[data-testid="tab"]').all()) await tab.getByTestId('tab-close').click();
    await expect(desktopApp.shell.locator('[data-testid="tab"]')).toHaveCount(0);
    await use(desktopApp);
  },
});

export { expect };
