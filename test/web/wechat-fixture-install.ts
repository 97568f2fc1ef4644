import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestHost } from './fixtures';
import { repoRoot, tempDir } from './packages';

/**
 * Installs a WeChat-format fixture (test/fixtures/wechat/<name>) once per host, pointed at a loopback backend
 * the spec started: a copy gets `configFile` (a CommonJS module exporting { backend }), and the backend's
 * origins are allowed for the app, as a developer would allow a local server.
 */
export async function installWithBackend(host: TestHost, app: { appId: string; fixture: string; configFile: string; origins: string[] }, backend: string): Promise<void> {
  const installed = (await host.runtime.service.handle('listApps', {})) as Array<{ appId: string }>;
  if (installed.some((a) => a.appId === app.appId)) return;
  const project = join(await tempDir(`wx-${app.fixture}`), app.fixture);
  await cp(join(repoRoot, 'test', 'fixtures', 'wechat', app.fixture), project, { recursive: true });
  await writeFile(join(project, app.configFile), `module.exports = { backend: ${JSON.stringify(backend)} };\n`);
  await host.runtime.service.handle('install', { source: project });
  host.runtime.network.loopback.setDeveloperOrigins(app.appId, app.origins);
}
