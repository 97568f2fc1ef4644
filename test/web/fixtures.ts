import { test as base, expect, type Frame, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Runtime } from '../../core/contracts/services';
import { startWebHost } from '../../web/host';
import { removeTempDirs } from './packages';

/**
 * One browser host per spec file (fresh data folder, ephemeral port), started lazily by the first
 * test of the file and stopped when the next file starts or the worker ends. Tests in a file share
 * the host's state (wallet, grants), so they read "before" values instead of assuming them.
 */
export interface HostOptions {
  keepAlive?: number;
}

export interface TestHost {
  url: string;
  port: number;
  dataDir: string;
  runtime: Runtime;
  /** the origin the browser host gives an app: http://<appId lowercased>.localhost:PORT */
  appOrigin(appId: string): string;
}

class HostKeeper {
  private current: { key: string; host: TestHost; close(): Promise<void> } | undefined;

  async forFile(file: string, options: HostOptions): Promise<TestHost> {
    const key = `${file}\n${JSON.stringify(options)}`;
    if (this.current?.key === key) return this.current.host;
    await this.stop();
    const dataDir = await mkdtemp(join(tmpdir(), 'superapp-e2e-'));
    const started = await startWebHost({ port: 0, dataDir, quiet: true, ...(options.keepAlive !== undefined ? { keepAlive: options.keepAlive } : {}) });
    const host: TestHost = {
      url: started.url,
      port: started.port,
      dataDir,
      runtime: started.runtime,
      appOrigin: (appId) => `http://${appId.toLowerCase()}.localhost:${started.port}`,
    };
    this.current = {
      key,
      host,
      close: async () => {
        await started.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
    return host;
  }

  async stop(): Promise<void> {
    const running = this.current;
    this.current = undefined;
    await running?.close();
  }
}

/** Parses "¥1,234.56" (how the shell shows money) into fen. */
export function fenFromText(text: string): number {
  const m = /¥\s*([\d,]+)\.(\d{2})/.exec(text);
  if (!m) throw new Error(`no amount like "¥1,234.56" in ${JSON.stringify(text)}`);
  return Number(m[1]!.replace(/,/g, '')) * 100 + Number(m[2]);
}

/** Formats fen the way the shell does: "¥1,234.56". */
export function yuan(fen: number): string {
  return `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** The shell UI, driven only through its test ids (the contract with renderer/). */
export class ShellPage {
  constructor(
    readonly page: Page,
    readonly host: TestHost,
  ) {}

  card(appId: string): Locator {
    return this.page.locator(`[data-testid="app-card"][data-app-id="${appId}"]`);
  }
  tab(appId: string): Locator {
    return this.page.locator(`[data-testid="tab"][data-app-id="${appId}"]`);
  }
  frameElement(appId: string): Locator {
    return this.page.locator(`iframe[data-testid="app-frame"][data-app-id="${appId}"]`);
  }
  app(appId: string): FrameLocator {
    return this.page.frameLocator(`iframe[data-testid="app-frame"][data-app-id="${appId}"]`);
  }
  sheet(kind: string): Locator {
    return this.page.locator(`[data-testid="sheet"][data-sheet-kind="${kind}"]`);
  }

  async showCatalog(): Promise<void> {
    await this.page.getByTestId('nav-catalog').click();
    await expect(this.page.getByTestId('catalog')).toBeVisible();
  }
  async showSettings(): Promise<void> {
    await this.page.getByTestId('nav-settings').click();
    await expect(this.page.getByTestId('settings')).toBeVisible();
  }
  async showInspector(): Promise<void> {
    await this.page.getByTestId('nav-inspector').click();
    await expect(this.page.getByTestId('inspector')).toBeVisible();
  }

  /** Clicks Launch on the app's catalog card and waits for its tab to be the active one. */
  async launch(appId: string): Promise<FrameLocator> {
    await this.showCatalog();
    await this.card(appId).getByTestId('launch').click();
    await expect(this.tab(appId)).toHaveAttribute('aria-selected', 'true');
    await expect(this.frameElement(appId)).toBeVisible();
    return this.app(appId);
  }

  async switchTo(appId: string): Promise<FrameLocator> {
    await this.tab(appId).click();
    await expect(this.tab(appId)).toHaveAttribute('aria-selected', 'true');
    await expect(this.frameElement(appId)).toBeVisible();
    return this.app(appId);
  }

  /** The app's frame as a script context (to act as the mini program's own code would), once wx is there. */
  async appFrame(appId: string): Promise<Frame> {
    const handle = await this.frameElement(appId).elementHandle();
    const frame = await handle?.contentFrame();
    if (!frame) throw new Error(`no frame for ${appId}`);
    await frame.waitForFunction(() => typeof (window as unknown as { wx?: unknown }).wx === 'object');
    return frame;
  }

  async viewIdOf(appId: string): Promise<number> {
    return Number(await this.tab(appId).getAttribute('data-view-id'));
  }

  /** Wallet balance in fen, as the Settings screen shows it. */
  async walletBalance(): Promise<number> {
    await this.showSettings();
    const balance = this.page.getByTestId('wallet-balance');
    await expect(balance).toHaveText(/¥[\d,]+\.\d{2}/);
    return fenFromText((await balance.textContent()) ?? '');
  }
}

/** Calls one API of the API Showcase sample and returns the element showing its errMsg. */
export async function runShowcase(
  app: FrameLocator,
  api: string,
  style: 'callback' | 'promise' | 'run' = 'promise',
  params?: Record<string, unknown>,
): Promise<Locator> {
  if (params) await app.getByTestId(`params-${api}`).fill(JSON.stringify(params));
  await app.getByTestId(`${style}-${api}`).click();
  return app.getByTestId(`errmsg-${api}`);
}

/** The raw JSON object the showcase shows under a call. */
export async function showcaseRaw(app: FrameLocator, api: string): Promise<Record<string, unknown>> {
  return JSON.parse((await app.getByTestId(`raw-${api}`).textContent()) ?? 'null') as Record<string, unknown>;
}

export const test = base.extend<{ hostOptions: HostOptions; host: TestHost; shell: ShellPage }, { hostKeeper: HostKeeper }>({
  hostKeeper: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
    async ({}, use) => {
      const keeper = new HostKeeper();
      await use(keeper);
      await keeper.stop();
      await removeTempDirs();
    },
    { scope: 'worker' },
  ],
  hostOptions: [{}, { option: true }],
  host: async ({ hostKeeper, hostOptions }, use, testInfo) => {
    await use(await hostKeeper.forFile(testInfo.file, hostOptions));
  },
  shell: async ({ page, host }, use) => {
    // Views outlive a page (they are the host's), so every test starts with no app running and no mocks.
    const running = (await host.runtime.service.handle('listRunning', {})) as Array<{ viewId: number }>;
    for (const view of running) await host.runtime.service.handle('close', { viewId: view.viewId });
    const mocks = (await host.runtime.service.handle('listMocks', {})) as Array<{ id: string }>;
    for (const mock of mocks) await host.runtime.service.handle('removeMock', { id: mock.id });
    await page.goto(host.url);
    await expect(page.getByTestId('catalog')).toBeVisible();
    await use(new ShellPage(page, host));
  },
});

export { expect };
