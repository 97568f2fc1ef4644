import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FrameLocator, Locator } from '@playwright/test';
import type { TestHost } from './fixtures';
import { repoRoot, tempDir } from './packages';

/** Is `appId` installed on this host? (each spec's host outlives its tests, so fixtures install once) */
async function installed(host: TestHost, appId: string): Promise<boolean> {
  const apps = (await host.runtime.service.handle('listApps', {})) as Array<{ appId: string }>;
  return apps.some((a) => a.appId === appId);
}

/** Installs a WeChat-format fixture (test/fixtures/wechat/<fixture>) as it is, once per host. */
export async function installFixture(host: TestHost, appId: string, fixture: string): Promise<void> {
  if (await installed(host, appId)) return;
  await host.runtime.service.handle('install', { source: join(repoRoot, 'test', 'fixtures', 'wechat', fixture) });
}

/** the page the user sees (the top of the stack): the one page frame not hidden */
export function visiblePage(app: FrameLocator): Locator {
  return app.locator('.wx-page-frame:not([hidden])');
}

/**
 * Installs a WeChat-format fixture (test/fixtures/wechat/<name>) once per host, pointed at a loopback backend
 * the spec started: a copy gets `configFile` (a CommonJS module exporting { backend }), and the backend's
 * origins are allowed for the app, as a developer would allow a local server.
 */
export async function installWithBackend(host: TestHost, app: { appId: string; fixture: string; configFile: string; origins: string[] }, backend: string): Promise<void> {
  if (await installed(host, app.appId)) return;
  const project = join(await tempDir(`wx-${app.fixture}`), app.fixture);
  await cp(join(repoRoot, 'test', 'fixtures', 'wechat', app.fixture), project, { recursive: true });
  await writeFile(join(project, app.configFile), `module.exports = { backend: ${JSON.stringify(backend)} };\n`);
  await host.runtime.service.handle('install', { source: project });
  host.runtime.network.loopback.setDeveloperOrigins(app.appId, app.origins);
}
