import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DOWNLOAD_TIMEOUT_MS, obtainElectronBinary } from '../../electron/electron-binary.mjs';
import { tempDir } from '../../support/packages';

/**
 * test/electron/run.mjs first tries to obtain Electron the way the electron package does (its install.js),
 * bounded, and skips with one reason only when that fails. The installer is played by a fake spawnSync
 * here: no test reaches the network.
 */
async function project(): Promise<string> {
  const root = await tempDir();
  await mkdir(join(root, 'node_modules', 'electron'), { recursive: true });
  await writeFile(join(root, 'node_modules', 'electron', 'install.js'), '// the package installer');
  return root;
}

type Result = { status: number | null; signal?: NodeJS.Signals | null; stdout?: string; stderr?: string; error?: NodeJS.ErrnoException };
function installer(result: Result, effect: () => void = () => undefined) {
  return vi.fn((..._args: unknown[]) => {
    effect();
    return { pid: 1, output: [], stdout: '', stderr: '', signal: null, ...result };
  });
}

describe('obtaining the Electron binary for the e2e suite', () => {
  it("runs the electron package's own install.js, bounded to 60 s and killed past it", async () => {
    const root = await project();
    const spawnSync = installer({ status: 1, stderr: 'TypeError: fetch failed\n    at node:internal/deps/undici:13502:13\n' });
    obtainElectronBinary(root, { env: {}, spawnSync: spawnSync as never });
    const [command, args, options] = spawnSync.mock.calls[0] as [string, string[], Record<string, unknown>];
    expect(command).toBe(process.execPath);
    expect(args).toEqual([join(root, 'node_modules', 'electron', 'install.js')]);
    expect(options).toMatchObject({ timeout: 60_000, killSignal: 'SIGKILL' });
    expect(DOWNLOAD_TIMEOUT_MS).toBe(60_000);
  });

  it('without a network: one reason naming what failed, no stack trace', async () => {
    const root = await project();
    const result = obtainElectronBinary(root, { env: {}, spawnSync: installer({ status: 1, stderr: 'TypeError: fetch failed\n    at async downloadArtifact (file:///x.js:1:1)\n' }) as never });
    expect(result.binary).toBeUndefined();
    expect(result.skip).toMatch(/^the Electron binary could not be downloaded after \d+\.\d s \(TypeError: fetch failed\)$/);
  });

  it('a download that hangs is cut off at the bound and says so', async () => {
    const root = await project();
    const timedOut = Object.assign(new Error('spawnSync node ETIMEDOUT'), { code: 'ETIMEDOUT' });
    const result = obtainElectronBinary(root, { env: {}, spawnSync: installer({ status: null, signal: 'SIGKILL', error: timedOut }) as never });
    expect(result.skip).toBe('the Electron binary download did not finish within 60 s (run "npx install-electron --no" to fetch it without a time limit)');
  });

  it('a successful download gives the executable the installer unpacked (path.txt names it), once', async () => {
    const root = await project();
    const dist = join(root, 'node_modules', 'electron', 'dist');
    // what install.js leaves behind: dist/<executable> and path.txt
    const spawnSync = installer({ status: 0 }, () => {
      mkdirSync(dist, { recursive: true });
      writeFileSync(join(dist, 'electron'), '#!/bin/sh');
      writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    });
    const first = obtainElectronBinary(root, { env: {}, spawnSync: spawnSync as never });
    expect(first).toMatchObject({ binary: join(dist, 'electron'), downloadedIn: expect.stringMatching(/^\d+\.\d$/) });
    // already there next time: found without running the installer again
    expect(obtainElectronBinary(root, { env: {}, spawnSync: spawnSync as never })).toEqual({ binary: join(dist, 'electron') });
    expect(spawnSync).toHaveBeenCalledTimes(1);
  });

  it('an ELECTRON_OVERRIDE_DIST_PATH without an executable is reported, and nothing is downloaded', async () => {
    const root = await project();
    const spawnSync = installer({ status: 0 });
    const result = obtainElectronBinary(root, { env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/none' }, spawnSync: spawnSync as never });
    expect(result.skip).toBe('ELECTRON_OVERRIDE_DIST_PATH (/opt/none) holds no Electron executable');
    expect(spawnSync).not.toHaveBeenCalled();
  });
});
