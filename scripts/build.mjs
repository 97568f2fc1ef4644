// One esbuild step for every bundle. Entries that do not exist yet are skipped with a note.
import { build, context } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const watch = process.argv.includes('--watch-electron');

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  // the wx client, injected into every mini program page served by the browser host
  { entryPoints: ['client/inject.ts'], outfile: 'dist/client/wx.js', format: 'iife', platform: 'browser', target: 'chrome120', minify: true },
  // the shell UI, shared by both hosts
  { entryPoints: ['renderer/main.ts'], outfile: 'dist/renderer/app.js', format: 'esm', platform: 'browser', target: 'chrome120' },
  // browser host (Node)
  { entryPoints: ['web/server.ts'], outfile: 'dist/web/server.js', format: 'esm', platform: 'node', target: 'node22', packages: 'external' },
  // Electron main (ESM) and the two sandboxed preloads (CJS, everything bundled but electron)
  { entryPoints: ['main/main.ts'], outfile: 'dist/main/main.js', format: 'esm', platform: 'node', target: 'node22', packages: 'external', external: ['electron'] },
  { entryPoints: ['preload/miniapp.ts'], outfile: 'dist/preload/miniapp.cjs', format: 'cjs', platform: 'browser', target: 'chrome120', external: ['electron'] },
  { entryPoints: ['preload/shell.ts'], outfile: 'dist/preload/shell.cjs', format: 'cjs', platform: 'browser', target: 'chrome120', external: ['electron'] },
];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const ready = bundles.filter((b) => {
  const ok = existsSync(join(root, b.entryPoints[0]));
  if (!ok) console.log(`build: skipped ${b.entryPoints[0]} (not written yet)`);
  return ok;
});

const common = { absWorkingDir: root, bundle: true, sourcemap: 'linked', logLevel: 'warning', legalComments: 'none' };
if (watch) {
  for (const b of ready) await (await context({ ...common, ...b })).watch();
} else {
  await Promise.all(ready.map((b) => build({ ...common, ...b })));
}

for (const asset of ['index.html', 'styles.css']) {
  const from = join(root, 'renderer', asset);
  if (existsSync(from)) cpSync(from, join(out, 'renderer', asset));
}
console.log(`build: ${ready.length} bundles in dist/`);
