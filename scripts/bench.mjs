// `npm run bench`: bundles every bench/*.bench.ts, runs each one's `run()` and prints the rows side by side.
// Benchmarks measure ratios within one run on this machine; absolute numbers vary between machines.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));

let failed = false;
for (const file of files) {
  const outfile = join(root, 'dist', 'bench', file.replace(/\.ts$/, '.mjs'));
  await build({
    absWorkingDir: root,
    entryPoints: [join('bench', file)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  });
  console.log(`\n${file}`);
  try {
    const { run } = await import(pathToFileURL(outfile).href);
    const rows = await run();
    const width = Math.max(...rows.map((r) => r.name.length));
    for (const row of rows) {
      const value = Number.isInteger(row.value) ? row.value.toLocaleString('en-US') : row.value.toFixed(row.value < 10 ? 3 : 1);
      console.log(`  ${row.name.padEnd(width)}  ${value} ${row.unit}`);
    }
  } catch (error) {
    failed = true;
    console.error(`  failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
process.exit(failed ? 1 : 0);
