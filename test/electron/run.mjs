// Runs the Playwright-Electron suite when an Electron binary exists: ELECTRON_OVERRIDE_DIST_PATH (a folder
// holding the electron executable) or node_modules/electron/dist from a normal install. Without one it
// prints a single line and exits 0, because the binary cannot be downloaded on every machine.
// On Linux without a DISPLAY the suite runs under xvfb-run.
// Sandbox: on Linux Playwright's _electron.launch adds --no-sandbox to Electron's arguments unless the launch sets
// chromiumSandbox, which would test a weaker app than the one users get (main.ts calls app.enableSandbox()), so
// fixtures.ts sets chromiumSandbox: true whenever this does not run as root (Chromium refuses its sandbox as root).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXECUTABLE = { linux: 'electron', win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' };

function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : EXECUTABLE[process.platform] ?? 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, name) : join(root, 'node_modules', 'electron', 'dist', name);
  return existsSync(candidate) ? candidate : undefined;
}

const binary = electronBinary();
if (!binary) {
  console.log('electron e2e: skipped: no Electron binary (set ELECTRON_OVERRIDE_DIST_PATH to run it)');
  process.exit(0);
}
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
