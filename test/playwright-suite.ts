import type { PlaywrightTestConfig } from '@playwright/test';

/**
 * What the browser and Electron suites share: every spec file starts its own host or app, so they run
 * one at a time (two cores, one Chromium or Electron at once), never retry (a flaky test is a bug to fix),
 * and refuse a stray .only in CI.
 */
export function serialSuite(name: 'web' | 'electron', timeouts: { test: number; expect: number }): PlaywrightTestConfig {
  return {
    testDir: '.',
    testMatch: '*.spec.ts',
    workers: 1,
    fullyParallel: false,
    // one retry: a shared 2-core machine occasionally misses a frame; a retried test is reported "flaky", never hidden
    retries: 1,
    forbidOnly: Boolean(process.env.CI),
    timeout: timeouts.test,
    expect: { timeout: timeouts.expect },
    outputDir: `../../test-results/${name}`,
    reporter: [['list']],
  };
}
