import { expect, test } from '@playwright/test';
import { miniProgramCsp } from '../../core/catalog/page-policy';

/**
 * The mini program page policy both hosts send (core/catalog/page-policy), checked in real Chromium against
 * what the WeChat-format runtime does in every app view: start a dedicated Worker from the app's own origin
 * (/__wx/runtime/logic.js), which importScripts the package's logic. No host is started: the page and its
 * scripts are answered by Playwright, each with the policy as its response header, as both hosts serve them.
 */
const ORIGIN = 'http://shop.localhost';
const CSP = miniProgramCsp({ connect: [], frameAncestors: "'none'" });

const FILES: Record<string, { type: string; body: string }> = {
  '/index.html': {
    type: 'text/html',
    body: '<!doctype html><html><head><script src="/page.js"></script></head><body></body></html>',
  },
  '/page.js': {
    type: 'text/javascript',
    body: `
      window.outcome = {};
      const started = (name, make) => new Promise((resolve) => {
        try {
          const worker = make();
          worker.onmessage = (e) => resolve(String(e.data));
          worker.onerror = () => resolve('error');
        } catch (e) {
          resolve('refused: ' + e.name);
        }
      }).then((v) => (window.outcome[name] = v));
      started('sameOrigin', () => new Worker('/__wx/runtime/logic.js'));
      started('blob', () => new Worker(URL.createObjectURL(new Blob(["postMessage('blob ran')"], { type: 'text/javascript' }))));
    `,
  },
  '/__wx/runtime/logic.js': {
    type: 'text/javascript',
    body: "importScripts('/__wx/app/logic.js'); postMessage('logic ran: ' + self.appLogic);",
  },
  '/__wx/app/logic.js': { type: 'text/javascript', body: "self.appLogic = 'App({}) loaded';" },
};

test('a same-origin worker and its importScripts run under the page policy; a blob: worker is refused', async ({ page }) => {
  await page.route(`${ORIGIN}/**`, (route) => {
    const file = FILES[new URL(route.request().url()).pathname];
    if (!file) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: file.type, body: file.body, headers: { 'Content-Security-Policy': CSP } });
  });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${ORIGIN}/index.html`);
  await expect.poll(() => page.evaluate(() => Object.keys((window as unknown as { outcome: object }).outcome).length)).toBe(2);
  const outcome = await page.evaluate(() => (window as unknown as { outcome: Record<string, string> }).outcome);
  expect(outcome.sameOrigin).toBe('logic ran: App({}) loaded');
  expect(outcome.blob).not.toBe('blob ran');
  expect(violations.join('\n')).toMatch(/worker-src 'self'/);
});
