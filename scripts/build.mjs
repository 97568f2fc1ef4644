// One esbuild step for every bundle. Entries that do not exist yet are skipped with a note.
// --watch-electron (npm run dev) keeps rebuilding on change and runs Electron on the output until it quits.
import { build, context } from 'esbuild';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const watch = process.argv.includes('--watch-electron');

/**
 * The samples whose merchant backends get bundled, found by the very rules the hosts use (core/samples).
 * That module is TypeScript with extensionless imports, so it is bundled for this script first; the file
 * sits under node_modules so its external packages (zod, yauzl) resolve from there.
 */
/**
 * A mini program frame, an app view and its Worker parse every byte of their bundle before the first paint:
 * the full zod (~450 KB) once crept back in through a contracts module that also held a constant they needed,
 * and made every launch 2x slower. These bundles use zod/mini; the build fails naming the importer otherwise.
 */
const noFullZod = {
  name: 'no-full-zod',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^zod(\/v4)?$/ }, (args) => ({
      errors: [{ text: `${args.importer} brings the full zod into a frame bundle: use zod/mini there, or move what the frame needs into a zod-free module (as core/contracts/devtools-limits.ts)` }],
    }));
  },
};

async function sampleBackends() {
  const cache = join(root, 'node_modules', '.cache', 'superapp-build');
  const helper = join(cache, 'samples.mjs');
  await build({ absWorkingDir: root, entryPoints: ['core/samples/index.ts'], outfile: helper, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'warning' });
  try {
    const { findSampleBackends } = await import(pathToFileURL(helper).href);
    return await findSampleBackends(join(root, 'examples'), { info: () => undefined, warn: (m) => console.warn(`build: ${m}`) });
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  // the wx client, injected into every mini program page served by the browser host
  { entryPoints: ['client/inject.ts'], plugins: [noFullZod], outfile: 'dist/client/wx.js', format: 'iife', platform: 'browser', target: 'chrome120', minify: true },
  // the WeChat-format runtime (miniprogram/): the view layer in the app's page and the logic layer's Worker;
  // served from the app's own origin under /__wx/runtime/ (docs/wechat-format.md). Minified, no eval.
  { entryPoints: ['miniprogram/view/main.ts'], plugins: [noFullZod], outfile: 'dist/miniprogram/view.js', format: 'iife', platform: 'browser', target: 'chrome120', minify: true },
  { entryPoints: ['miniprogram/view/view.css'], outfile: 'dist/miniprogram/view.css', minify: true },
  // <editor>'s Quill, loaded by the view only on a page that shows one (kept out of view.js: every launch parses that)
  { entryPoints: ['miniprogram/view/components/editor-engine.ts'], plugins: [noFullZod], outfile: 'dist/miniprogram/editor.js', format: 'iife', platform: 'browser', target: 'chrome120', minify: true, loader: { '.css': 'text' } },
  { entryPoints: ['miniprogram/logic/worker.ts'], plugins: [noFullZod], outfile: 'dist/miniprogram/logic.js', format: 'iife', platform: 'browser', target: 'chrome120', minify: true, define: { 'process.env.NODE_ENV': '"production"' } },
  // wx.createWorker's thread (app.json "workers"), started by the logic Worker; it loads the app's workers.js
  { entryPoints: ['miniprogram/worker/main.ts'], plugins: [noFullZod], outfile: 'dist/miniprogram/worker.js', format: 'iife', platform: 'browser', target: 'chrome120', minify: true },
  // the shell UI, shared by both hosts
  { entryPoints: ['renderer/main.ts'], outfile: 'dist/renderer/app.js', format: 'esm', platform: 'browser', target: 'chrome120' },
  // browser host (Node)
  { entryPoints: ['web/server.ts'], outfile: 'dist/web/server.js', format: 'esm', platform: 'node', target: 'node22', packages: 'external' },
  // Electron main (ESM) and the two sandboxed preloads (CJS, everything bundled but electron)
  { entryPoints: ['main/main.ts'], outfile: 'dist/main/main.js', format: 'esm', platform: 'node', target: 'node22', packages: 'external', external: ['electron'] },
  { entryPoints: ['preload/miniapp.ts'], outfile: 'dist/preload/miniapp.cjs', format: 'cjs', platform: 'browser', target: 'chrome120', external: ['electron'] },
  { entryPoints: ['preload/shell.ts'], outfile: 'dist/preload/shell.cjs', format: 'cjs', platform: 'browser', target: 'chrome120', external: ['electron'] },
  // each sample's merchant backend, zod bundled in: a packaged app ships examples/ as plain files beside
  // the asar, where neither node_modules nor a TypeScript loader can be relied on (core/samples loads these)
  ...(await sampleBackends()).map(({ appId, entry }) => ({
    entryPoints: [relative(root, entry)],
    outfile: `dist/backends/${appId}.mjs`,
    format: 'esm',
    platform: 'node',
    target: 'node22',
  })),
];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const ready = bundles.filter((b) => {
  const ok = existsSync(join(root, b.entryPoints[0]));
  if (!ok) console.log(`build: skipped ${b.entryPoints[0]} (not written yet)`);
  return ok;
});

const common = { absWorkingDir: root, bundle: true, sourcemap: 'linked', logLevel: 'warning', legalComments: 'none' };
const contexts = [];
if (watch) {
  // watch() returns before its first build ends; Electron must not start on a half-written dist/
  const firstBuilds = [];
  for (const b of ready) {
    let built;
    firstBuilds.push(new Promise((done) => (built = done)));
    const ctx = await context({ ...common, ...b, plugins: [...(b.plugins ?? []), { name: 'first-build', setup: (pluginBuild) => pluginBuild.onEnd(() => built()) }] });
    contexts.push(ctx);
    await ctx.watch();
  }
  await Promise.all(firstBuilds);
} else {
  await Promise.all(ready.map((b) => build({ ...common, ...b })));
}

for (const asset of ['index.html', 'styles.css']) {
  const from = join(root, 'renderer', asset);
  if (existsSync(from)) cpSync(from, join(out, 'renderer', asset));
}
console.log(`build: ${ready.length} bundles in dist/`);

if (watch) runElectron();

function runElectron() {
  // the same launcher as npm start: it says what to do when this machine cannot run Chromium's sandbox
  const child = spawn(process.execPath, [join(root, 'scripts', 'start-electron.mjs')], { cwd: root, stdio: 'inherit' });
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
    process.exit(code);
  };
  child.on('error', (error) => {
    console.error(`build: Electron did not start (${error.message}); is it installed (npm install)?`);
    void stop(1);
  });
  child.on('exit', (code, signal) => void stop(code ?? (signal ? 1 : 0)));
  // Ctrl+C reaches Electron too; stay up until it has quit, then stop watching with its exit code
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
