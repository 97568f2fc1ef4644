import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { findRepoRoot } from '../web/repo-root';
import { percentile } from './support/load-host';

/**
 * Electron host: a no-op wx call (getStorageInfo through main/ipc-adapter and the dispatcher) against a bare
 * ipcRenderer.invoke echo on the same IPC, timed in a real renderer. Needs the Electron binary, which
 * `npm install` fetches with internet access; without it this prints one line and adds no rows.
 */

function electronBinary(): string | undefined {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    if (!existsSync(join(packageDir, 'path.txt'))) return undefined;
    const binary = join(packageDir, 'dist', readFileSync(join(packageDir, 'path.txt'), 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

export async function run(): Promise<Array<{ name: string; value: number; unit: string }>> {
  const binary = electronBinary();
  if (!binary) {
    console.log('  skipped: no Electron binary in node_modules/electron (npm install with internet access fetches it)');
    return [];
  }
  const root = findRepoRoot();
  const outDir = join(root, 'dist', 'bench', 'electron-ipc');
  for (const [entry, out] of [
    ['electron-ipc-main.ts', 'main.cjs'],
    ['electron-ipc-preload.ts', 'preload.cjs'],
  ] as const) {
    await build({
      absWorkingDir: root,
      entryPoints: [join('bench', 'support', entry)],
      outfile: join(outDir, out),
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node22',
      external: ['electron'],
      logLevel: 'warning',
    });
  }
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(binary, [join(outDir, 'main.cjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`electron exited with ${code}: ${text.slice(-300)}`))));
  });
  const samples = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { call: number[]; echo: number[] };
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return [
    { name: 'IPC: wx.getStorageInfo round trip p50', value: percentile(samples.call, 50), unit: 'ms' },
    { name: 'IPC: bare invoke echo round trip p50', value: percentile(samples.echo, 50), unit: 'ms' },
    { name: 'IPC: wx call / echo (p50), target <= 1.15', value: percentile(samples.call, 50) / percentile(samples.echo, 50), unit: 'x' },
    { name: 'IPC: wx call / echo (mean), target <= 1.3', value: sum(samples.call) / sum(samples.echo), unit: 'x' },
  ];
}
