// Runs the Playwright-Electron suite where an Electron binary exists or can be obtained:
// ELECTRON_OVERRIDE_DIST_PATH (a folder holding the electron executable), node_modules/electron/dist, or
// a download made the way the electron package makes it on first use (electron-binary.mjs, at most 60 s).
// Without one it prints a single line, "electron e2e: skipped: <reason>", and exits 0.
// On Linux without a DISPLAY the suite runs under xvfb-run.
// Sandbox: on Linux Playwright's _electron.launch adds --no-sandbox to Electron's arguments unless the launch sets
// chromiumSandbox, which would test a weaker app than the one users get (main.ts calls app.enableSandbox()), so
// fixtures.ts sets chromiumSandbox: true whenever this does not run as root (Chromium refuses its sandbox as root).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { obtainElectronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const obtained = obtainElectronBinary(root);
if (!obtained.binary) {
  console.log(`electron e2e: skipped: ${obtained.skip}`);
  process.exit(0);
}
if (obtained.downloadedIn) console.log(`electron e2e: Electron downloaded in ${obtained.downloadedIn} s`);
const binary = obtained.binary;
if (!existsSync(join(root, 'dist', 'main', 'main.js'))) {
  console.error('electron e2e: dist/main/main.js is missing; run "npm run build" first (npm run test:electron does).');
  process.exit(1);
}

const playwright = [join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '-c', join('test', 'electron', 'playwright.config.ts'), ...process.argv.slice(2)];
let command = process.execPath;
let args = playwright;
if (process.platform === 'linux' && !process.env.DISPLAY) {
  if (spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error) {
    console.error('electron e2e: there is no DISPLAY and xvfb-run is not installed; install xvfb (apt-get install xvfb) or run under a desktop session.');
    process.exit(1);
  }
  command = 'xvfb-run';
  args = ['-a', '--server-args=-screen 0 1440x900x24', process.execPath, ...playwright];
}

const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, SUPERAPP_ELECTRON_BIN: binary } });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
