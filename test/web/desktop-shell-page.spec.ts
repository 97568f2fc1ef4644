import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

/**
 * The shell UI as the desktop host runs it, in real Chromium: the built renderer (dist/renderer) with
 * window.superappShell played by a fake (what the Electron shell preload exposes), answering as main
 * would. What main does with the views is unit-tested with a mocked Electron; this is the page's side:
 * what it paints where the native app view is, where toasts go, and how it saves an export.
 * Run after `npm run build`.
 */
const ORIGIN = 'http://shell.superapp.test';
const RENDERER = join(process.cwd(), 'dist', 'renderer');
const SHOTS = join(process.cwd(), 'test-results', 'desktop-shell-page');

interface Fake {
  apps: unknown[];
  running: unknown[];
  calls: unknown[];
  savePath: string | null;
}

const SHOP = { appId: 'shop', name: 'Tea Shop', version: '1.0.0', installedAt: 1, dev: false };
const GAME = { appId: 'game', name: 'Pixel Quest', version: '1.0.0', installedAt: 2, dev: false };
const CALL = { seq: 1, at: 1_700_000_000_000, appId: 'shop', webViewId: 1, api: 'login', params: {}, outcome: 'ok', result: { errMsg: 'login:ok' }, mocked: false, ms: 3 };

/** Loads the shell page with a fake desktop host; returns helpers to read what the page asked of it. */
async function openShell(page: Page, fake: Fake) {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/$/, '/index.html');
    const type = path.endsWith('.js') ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : 'text/html';
    try {
      await route.fulfill({ status: 200, contentType: type, body: await readFile(join(RENDERER, path)) });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
  await page.addInitScript((data: Fake) => {
    const w = window as unknown as Record<string, unknown>;
    const asked: Array<{ command: string; input: Record<string, unknown> }> = [];
    const listeners: Array<(event: unknown) => void> = [];
    let running = data.running as Array<Record<string, unknown>>;
    const answers: Record<string, (input: Record<string, unknown>) => unknown> = {
      getHostInfo: () => ({ host: 'electron', version: '0.1.0', keepAlive: 3 }),
      listApps: () => data.apps,
      listRunning: () => running,
      listCalls: () => data.calls,
      listDevtools: () => ({ records: [], stacks: [] }),
      listMocks: () => [],
      setViewport: () => ({ ok: true }),
      answerSheet: () => ({ ok: true }),
      activate: () => ({ ok: true }),
      launch: (input) => {
        const app = (data.apps as Array<{ appId: string; name: string }>).find((a) => a.appId === input.appId)!;
        const launched = { viewId: running.length + 1, appId: app.appId, name: app.name, url: `superapp://${app.appId}/index.html`, active: true };
        running = [...running.map((r) => ({ ...r, active: false })), launched];
        return launched;
      },
      saveFile: () => ({ path: data.savePath }),
    };
    w.__asked = asked;
    w.__emit = (event: unknown) => listeners.forEach((l) => l(event));
    w.superappShell = {
      async call(command: string, input: Record<string, unknown>) {
        asked.push({ command, input });
        const answer = answers[command];
        if (!answer) throw { name: 'ShellCommandError', message: `the fake host has no ${command}` };
        return answer(input);
      },
      onEvent(listener: (event: unknown) => void) {
        listeners.push(listener);
        return () => undefined;
      },
    };
  }, fake);
  await page.goto(`${ORIGIN}/index.html`);
  await expect(page.getByTestId('catalog')).toBeVisible();
  return {
    asked: (command: string) =>
      page.evaluate((c) => (window as unknown as { __asked: Array<{ command: string; input: Record<string, unknown> }> }).__asked.filter((a) => a.command === c).map((a) => a.input), command),
    emit: (event: unknown) => page.evaluate((e) => (window as unknown as { __emit(e: unknown): void }).__emit(e), event),
  };
}

/** Where main would put the app view now: the last viewport the page reported. */
async function lastViewport(asked: (c: string) => Promise<Array<Record<string, unknown>>>) {
  const all = await asked('setViewport');
  return all.at(-1) as { x: number; y: number; width: number; height: number };
}

/**
 * The page as the window composites it: its screenshot with a transparent background, drawn over a stand-in
 * for the app view at the reported bounds. Returns the alpha of the page alone at (x, y), and saves the picture.
 */
async function composite(page: Page, app: { x: number; y: number; width: number; height: number }, at: { x: number; y: number }, name: string): Promise<number> {
  const shot = (await page.screenshot({ omitBackground: true })).toString('base64');
  const viewer = await page.context().newPage();
  try {
    await viewer.setViewportSize(page.viewportSize()!);
    const result = await viewer.evaluate(
      async ({ shot, app, at }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${shot}`;
        await image.decode();
        const alone = document.createElement('canvas');
        alone.width = image.width;
        alone.height = image.height;
        const a = alone.getContext('2d')!;
        a.drawImage(image, 0, 0);
        const alpha = a.getImageData(at.x, at.y, 1, 1).data[3]!;
        // the window: its background, the app view, then the shell view on top (as while a sheet is open)
        const out = document.createElement('canvas');
        out.width = image.width;
        out.height = image.height;
        const o = out.getContext('2d')!;
        o.fillStyle = '#f5f6f8';
        o.fillRect(0, 0, out.width, out.height);
        o.fillStyle = '#0d7a5f';
        o.fillRect(app.x, app.y, app.width, app.height);
        o.fillStyle = '#ffffff';
        o.font = '28px sans-serif';
        o.fillText('the running app (a native view)', app.x + 40, app.y + 80);
        o.drawImage(image, 0, 0);
        return { alpha, png: out.toDataURL('image/png').slice('data:image/png;base64,'.length) };
      },
      { shot, app, at },
    );
    await import('node:fs/promises').then(async (fs) => {
      await fs.mkdir(SHOTS, { recursive: true });
      await fs.writeFile(join(SHOTS, `${name}.png`), Buffer.from(result.png, 'base64'));
    });
    return result.alpha;
  } finally {
    await viewer.close();
  }
}

test('while a sheet is open the app stays visible under it, dimmed, not hidden behind an opaque stage', async ({ page }) => {
  const host = await openShell(page, { apps: [SHOP], running: [], calls: [], savePath: null });
  await page.locator('[data-testid="app-card"][data-app-id="shop"]').getByTestId('launch').click();
  await expect.poll(async () => (await lastViewport(host.asked))?.width ?? 0).toBeGreaterThan(0);
  const app = await lastViewport(host.asked);
  const centre = { x: app.x + Math.round(app.width / 2), y: app.y + Math.round(app.height / 2) };
  // no sheet: where the app view is, the page paints nothing
  expect(await composite(page, app, centre, 'app-running')).toBe(0);

  await host.emit({ type: 'sheet', sheetId: 's1', viewId: 1, sheet: { kind: 'authorize', app: { appId: 'shop', name: 'Tea Shop' }, scope: 'scope.userInfo', label: 'your profile' } });
  await expect(page.locator('[data-testid="sheet"][data-sheet-kind="authorize"]')).toBeVisible();
  // the backdrop fades in (0.12 s): measured mid-fade it read 48 once in CI, so wait for its animation to end
  await expect.poll(() => page.locator('.modal-backdrop').evaluate((el) => el.getAnimations().filter((a) => a.playState === 'running').length)).toBe(0);
  // beside the sheet card: only the backdrop's dimming (rgba 0.45), so the app shows through, darker
  const beside = { x: app.x + 20, y: app.y + 20 };
  const alpha = await composite(page, app, beside, 'sheet-over-app');
  expect(alpha).toBeGreaterThan(90);
  expect(alpha).toBeLessThan(140);
});

test('a toast while an app runs is shown beside it: the app area gives the toasts a strip, none sits under the app', async ({ page }) => {
  const host = await openShell(page, { apps: [SHOP, GAME], running: [], calls: [], savePath: null });
  await page.locator('[data-testid="app-card"][data-app-id="game"]').getByTestId('launch').click();
  await page.getByTestId('nav-catalog').click();
  await page.locator('[data-testid="app-card"][data-app-id="shop"]').getByTestId('launch').click();
  await expect.poll(async () => (await lastViewport(host.asked))?.width ?? 0).toBeGreaterThan(0);
  const before = await lastViewport(host.asked);

  // the background app exits: the shell says so in a toast while Tea Shop is in front
  await host.emit({ type: 'appExited', viewId: 1 });
  const toast = page.getByTestId('toast');
  await expect(toast).toHaveText(/Pixel Quest exited/);
  const box = (await toast.boundingBox())!;
  await expect.poll(async () => {
    const now = await lastViewport(host.asked);
    return now.y + now.height;
  }).toBeLessThanOrEqual(Math.floor(box.y));
  const during = await lastViewport(host.asked);
  expect(during.x).toBe(before.x);
  expect(during.width).toBe(before.width);
  await composite(page, during, { x: 1, y: 1 }, 'toast-beside-app');

  // the toast goes (an info toast lasts 5 s): the app gets its whole area back
  await expect(toast).toHaveCount(0);
  await expect.poll(async () => (await lastViewport(host.asked)).height).toBe(before.height);
});

test('Export JSON in the desktop app goes through the host (save dialog in main) and says where it saved', async ({ page }) => {
  const host = await openShell(page, { apps: [SHOP], running: [], calls: [CALL], savePath: '/home/user/Downloads/calls.json' });
  await page.getByTestId('nav-inspector').click();
  await page.getByTestId('calls-export').click();
  await expect(page.getByTestId('toast')).toHaveText(/Saved 1 call to \/home\/user\/Downloads\/calls\.json/);
  const [saved] = await host.asked('saveFile');
  expect(saved!.fileName).toBe('calls.json');
  expect(JSON.parse(saved!.content as string)).toEqual([CALL]);
});

test('the first start: the window is up while the samples install, and the catalog says so', async ({ page }) => {
  const host = await openShell(page, { apps: [], running: [], calls: [], savePath: null });
  await host.emit({ type: 'installProgress', progress: { installId: 'seed-1', phase: 'copying', bytes: 10, totalBytes: 100 } });
  await expect(page.getByTestId('catalog-loading')).toHaveText(/Installing mini programs…/);
  await host.emit({ type: 'installProgress', progress: { installId: 'seed-1', phase: 'done', bytes: 100, totalBytes: 100 } });
  await expect(page.getByTestId('catalog-empty')).toBeVisible();
});
