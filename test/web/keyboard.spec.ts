import type { Page } from '@playwright/test';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type ShellPage } from './fixtures';
import { tempDir } from './packages';

/**
 * The shell driven with the keyboard only, the way a user without a mouse would: Tab moves focus,
 * Enter activates, Escape backs out. No .click() and no .focus() on shell elements in this file.
 */

/** What has the keyboard focus in the shell page, described well enough to match and to report. */
interface Focused {
  tag: string;
  testid: string | null;
  appId: string | null;
  label: string;
  inSheet: boolean;
  inDialog: boolean;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const card = el?.closest<HTMLElement>('[data-app-id]');
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      testid: el?.getAttribute('data-testid') ?? null,
      appId: card?.getAttribute('data-app-id') ?? null,
      label: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim().slice(0, 40),
      inSheet: Boolean(el?.closest('[data-testid="sheet"]')),
      inDialog: Boolean(el?.closest('[data-testid="confirm-dialog"]')),
    };
  });
}

/**
 * Presses Tab until `wanted` has the focus and returns every stop on the way (at most `limit`).
 * Fails with the path taken when the element is never reached.
 */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string, limit = 60): Promise<Focused[]> {
  const path: Focused[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    path.push(now);
    if (wanted(now)) return path;
  }
  throw new Error(`${what} not reached with ${limit} Tabs; focus went: ${path.map((f) => `${f.tag}[${f.testid ?? ''}${f.appId ? ` ${f.appId}` : ''}] "${f.label}"`).join(' → ')}`);
}

/** The focus ring the shell draws for keyboard focus: a visible outline or a box-shadow. */
async function focusRing(page: Page): Promise<{ outline: string; boxShadow: string; focusVisible: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return {
      outline: style.outlineStyle === 'none' || style.outlineWidth === '0px' ? 'none' : `${style.outlineStyle} ${style.outlineWidth}`,
      boxShadow: style.boxShadow,
      focusVisible: el.matches(':focus-visible'),
    };
  });
}

function expectFocusRing(ring: { outline: string; boxShadow: string; focusVisible: boolean }): void {
  expect(ring.focusVisible).toBe(true);
  expect(ring.outline !== 'none' || ring.boxShadow !== 'none', `focus ring: outline ${ring.outline}, box-shadow ${ring.boxShadow}`).toBe(true);
}

/** From wherever focus is, Tab to the top bar's Catalog button and press Enter. */
async function catalogByKeyboard(shell: ShellPage): Promise<void> {
  await tabTo(shell.page, (f) => f.testid === 'nav-catalog', 'the Catalog button');
  await shell.page.keyboard.press('Enter');
  await expect(shell.page.getByTestId('catalog')).toBeVisible();
}

const isLaunchOf = (appId: string) => (f: Focused) => f.testid === 'launch' && f.appId === appId;

test('Tab reaches an app\'s Launch, Enter opens it in a tab, and the focus ring is visible', async ({ shell, page }) => {
  const path = await tabTo(page, isLaunchOf('custom-api'), 'Launch on the Custom APIs card');
  expectFocusRing(await focusRing(page));
  // on the way, focus went through the top bar and the catalog, never into something invisible
  expect(path.some((f) => f.testid === 'nav-catalog')).toBe(true);
  expect(path.every((f) => f.tag !== 'iframe')).toBe(true);

  await page.keyboard.press('Enter');
  await expect(shell.tab('custom-api')).toHaveAttribute('aria-selected', 'true');
  await expect(shell.frameElement('custom-api')).toBeVisible();
  await expect(shell.app('custom-api').locator('h1')).toHaveText('Custom APIs');

  // The running app's tab is a stop of its own, with the same ring, and Enter on it shows the app.
  await catalogByKeyboard(shell);
  await tabTo(page, (f) => f.testid === 'tab' && f.appId === 'custom-api', 'the Custom APIs tab');
  expectFocusRing(await focusRing(page));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('catalog')).toBeHidden();
  await expect(shell.frameElement('custom-api')).toBeVisible();

  // With an app running under the catalog, Tab goes to the catalog's cards, not into the covered app.
  await catalogByKeyboard(shell);
  const second = await tabTo(page, isLaunchOf('shop'), 'Launch on the Tea Shop card');
  expect(second.filter((f) => f.tag === 'iframe')).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(shell.tab('shop')).toHaveAttribute('aria-selected', 'true');
  await expect(shell.frameElement('shop')).toBeVisible();
  await expect(shell.frameElement('custom-api')).toBeHidden();
});

test('payment sheet: focus is inside, Tab stays inside, Escape cancels with "requestPayment:fail cancel"', async ({ shell, page }) => {
  await tabTo(page, isLaunchOf('shop'), 'Launch on the Tea Shop card');
  await page.keyboard.press('Enter');
  const app = shell.app('shop');
  await expect(app.locator('#signin-status')).toHaveText(/^Signed in as/);

  // Inside the app (the WeChat-format Tea Shop), its own Buy button is pressed with Enter.
  await app.locator('#buy-teapot').press('Enter');
  const sheet = shell.sheet('payment');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId('sheet-amount')).toHaveText('¥88.00');
  // money leaves only on an explicit choice: Cancel has the focus first
  await expect(sheet.getByTestId('sheet-cancel')).toBeFocused();
  expectFocusRing(await focusRing(page));
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect((await focused(page)).inSheet, `focus after ${i + 1} Tab(s)`).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).inSheet).toBe(true);

  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(app.locator('#pay-result')).toHaveText('requestPayment:fail cancel');
  await expect(app.locator('#order-status')).toHaveText('NOTPAY');
});

test('profile sheet: focus is inside and Escape denies with "getUserProfile:fail auth deny"', async ({ shell, page }) => {
  await tabTo(page, isLaunchOf('api-showcase'), 'Launch on the API Showcase card');
  await page.keyboard.press('Enter');
  const app = shell.app('api-showcase');
  await app.getByTestId('promise-login').press('Enter');
  await expect(app.getByTestId('errmsg-login')).toHaveText('login:ok');

  await app.getByTestId('callback-getUserProfile').press('Enter');
  const sheet = shell.sheet('userProfile');
  await expect(sheet).toBeVisible();
  expect((await focused(page)).inSheet).toBe(true);
  await page.keyboard.press('Tab');
  expect((await focused(page)).inSheet).toBe(true);

  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(app.getByTestId('errmsg-getUserProfile')).toHaveText('getUserProfile:fail auth deny');
  await expect(app.getByTestId('meta-getUserProfile')).toHaveText('callback: fail → complete');
});

test('Uninstall opens its confirm dialog from the keyboard; Escape keeps the app installed', async ({ shell, page, host }) => {
  await tabTo(page, (f) => f.testid === 'uninstall' && f.appId === 'game-shop', 'Uninstall on the Pixel Quest Store card');
  expectFocusRing(await focusRing(page));
  await page.keyboard.press('Enter');

  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Pixel Quest Store');
  expect((await focused(page)).inDialog).toBe(true);
  // a destructive question starts on Cancel, so a second Enter cannot uninstall by accident
  await expect(dialog.getByTestId('confirm-cancel')).toBeFocused();
  await page.keyboard.press('Tab');
  expect((await focused(page)).inDialog).toBe(true);

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // focus goes back to where it was, so the user carries on from the same card
  await expect(shell.card('game-shop').getByTestId('uninstall')).toBeFocused();
  await expect(shell.card('game-shop')).toHaveCount(1);
  const installed = (await host.runtime.service.handle('listApps', {})) as Array<{ appId: string }>;
  expect(installed.map((a) => a.appId)).toContain('game-shop');

  // Enter on the focused Cancel answers no as well.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await page.reload();
  await expect(shell.card('game-shop')).toHaveCount(1);
});

/**
 * A "game" that asks for the phone number from its own keydown handler, so the sheet appears while the
 * user is still pressing Enter for the game (review finding #7: the Enter after it used to land on
 * Allow). Written to disk here because no sample should behave like this.
 */
async function keyjackApp(): Promise<string> {
  const folder = join(await tempDir('keyjack'), 'key-game');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'manifest.json'), JSON.stringify({ appId: 'key-game', name: 'Key Game', version: '1.0.0', entry: 'index.html', permissions: { openApi: ['getPhoneNumber'] } }));
  await writeFile(join(folder, 'index.html'), `<!doctype html><html><head><script src="app.js"></script></head>
<body><p>Press Enter as fast as you can!</p><input id="i" data-testid="game-input" autofocus><output data-testid="game-result"></output></body></html>`);
  await writeFile(join(folder, 'app.js'), `let asked = false;
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' || asked) return;
  asked = true;
  wx.getPhoneNumber({ complete: (res) => { document.querySelector('[data-testid=game-result]').textContent = res.errMsg; } });
});`);
  return folder;
}

test('a page that asks for the phone number on a key press never gets consent from the Enters that follow', async ({ shell, page, host }) => {
  await host.runtime.service.handle('install', { source: await keyjackApp() });
  await page.reload();
  await tabTo(page, isLaunchOf('key-game'), 'Launch on the Key Game card');
  await page.keyboard.press('Enter');
  const app = shell.app('key-game');

  // The first Enter goes to the game and makes it ask; the user keeps pressing Enter for well over the
  // sheet's arming delay, as someone playing would.
  await app.getByTestId('game-input').press('Enter');
  await expect(shell.sheet('phoneNumber')).toBeVisible();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Enter');
    await page.waitForTimeout(50);
  }

  // Either the user's Enter landed on Deny, or the sheet still waits for a real choice (Escape refuses it
  // now); never "ok".
  if (await shell.sheet('phoneNumber').count()) await page.keyboard.press('Escape');
  await expect(shell.sheet('phoneNumber')).toHaveCount(0);
  await expect(app.getByTestId('game-result')).toHaveText('getPhoneNumber:fail user deny');
  // and the audit trail records no consent given on the user's behalf
  expect(host.runtime.shell.ledger.audit('key-game').filter((e) => e.action === 'consent' || e.action === 'grant')).toEqual([]);
  await host.runtime.service.handle('uninstall', { appId: 'key-game' });
});
