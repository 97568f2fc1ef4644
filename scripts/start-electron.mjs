// npm start: the desktop app, after checking that this machine can run it. On Linux, Chromium aborts with
// a FATAL line and a core dump when its sandbox cannot start (as root, or where unprivileged user
// namespaces are restricted); electron-preflight.mjs turns that into one sentence saying what to do.
// Any further arguments go to Electron: npm start -- --lang=de
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPreflight } from './electron-preflight.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function refuse(problem) {
  console.error(`npm start: ${problem}`);
  process.exit(1);
}

// root is refused before anything is downloaded
const asRoot = electronPreflight();
if (asRoot) refuse(asRoot);

// The electron package's main module is the executable's path; on first use it downloads the binary
// (Electron >= 42 installs none at npm install time).
let electron;
try {
  electron = createRequire(import.meta.url)('electron');
} catch (error) {
  refuse(`the Electron binary is not installed and could not be downloaded (${error instanceof Error ? error.message : String(error)}).`);
}

const sandbox = electronPreflight({ electronDist: dirname(electron) });
if (sandbox) refuse(sandbox);

const child = spawn(electron, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('error', (error) => refuse(`Electron did not start (${error.message}).`));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
// Ctrl+C and a terminating npm reach Electron, which quits cleanly (stopping backends and the server API)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
