import type { Shell, ShellOptions } from './contracts/services';
import { buildShell } from './dispatcher/build-shell';
import { createEmbeddedPlatform } from './platform/index';

/**
 * The integrator API: one shell per host process. Without `openApi` the shell runs on the embedded
 * platform (local accounts, sessions, wallet), which is then also available as `shell.platform`.
 */
export function createShell(options: ShellOptions): Shell {
  return buildShell(options, createEmbeddedPlatform);
}

export { buildShell, type OpenApiFactory } from './dispatcher/build-shell';
