import type { Page } from '@playwright/test';
import { expect, runShowcase, test, type ShellPage } from './fixtures';

/** The shell's pages fit the window at the two sizes people use most: no sideways scrolling anywhere. */
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
] as const;

const PANELS = ['catalog', 'settings', 'inspector'] as const;

async function show(shell: ShellPage, panel: (typeof PANELS)[number]): Promise<void> {
  if (panel === 'catalog') await shell.showCatalog();
  else if (panel === 'settings') await shell.showSettings();
  else await shell.showInspector();
}

/** Widths that would mean a horizontal scrollbar: the document's and the shown panel's own. */
async function overflow(page: Page, panel: string): Promise<{ doc: number; win: number; panel: number; panelClient: number }> {
  return page.evaluate((testid) => {
    const el = document.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!;
    return { doc: document.scrollingElement!.scrollWidth, win: window.innerWidth, panel: el.scrollWidth, panelClient: el.clientWidth };
  }, panel);
}

test.beforeEach(async ({ shell }) => {
  // Real content in every panel: calls (with a long errMsg, one expanded), a running app, a wallet.
  const app = await shell.launch('api-showcase');
  await expect(await runShowcase(app, 'login')).toHaveText('login:ok');
  await expect(await runShowcase(app, 'getStorage', 'promise', { key: 'a-rather-long-storage-key-that-nobody-stored-here' })).toHaveText(/^getStorage:fail/);
  await shell.showInspector();
  await shell.page.getByTestId('call-row').first().click();
  await expect(shell.page.getByTestId('call-detail')).toBeVisible();
});

for (const size of SIZES) {
  test(`at ${size.width}x${size.height} the catalog, settings and inspector have no horizontal overflow`, async ({ shell, page }) => {
    await page.setViewportSize(size);
    for (const panel of PANELS) {
      await show(shell, panel);
      const widths = await overflow(page, panel);
      expect(widths.win).toBe(size.width);
      expect(widths.doc, `${panel}: document scrollWidth`).toBeLessThanOrEqual(widths.win);
      expect(widths.panel, `${panel}: panel scrollWidth`).toBeLessThanOrEqual(widths.panelClient);
    }
  });

  test(`at ${size.width}x${size.height} the inspector toolbar is one line`, async ({ shell, page }) => {
    await page.setViewportSize(size);
    await shell.showInspector();
    const controls = ['filter-app', 'filter-api', 'filter-outcome', 'calls-summary', 'calls-clear', 'calls-export'];
    const boxes = await Promise.all(controls.map(async (id) => (await page.getByTestId(id).boundingBox())!));
    const middles = boxes.map((b) => b.y + b.height / 2);
    for (const [i, middle] of middles.entries()) expect(Math.abs(middle - middles[0]!), `${controls[i]} is on the first line`).toBeLessThanOrEqual(2);
    // and nothing is cut off: every control ends inside the calls card
    const card = (await page.getByTestId('calls-panel').boundingBox())!;
    for (const b of boxes) expect(b.x + b.width).toBeLessThanOrEqual(card.x + card.width);
  });
}
