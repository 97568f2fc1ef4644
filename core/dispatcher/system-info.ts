import type { ApiResult } from '../contracts/apis';
import type { ShellOptions } from '../contracts/services';

export const SHELL_PRODUCT_NAME = 'Superapp Shell';
/** The base-library level this bridge implements: TCMPP's unified custom API params arrived in 2.2.17. */
export const SDK_VERSION = '2.2.17';

const SYSTEM_NAMES: Record<string, string> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' };

export function systemInfo(host: ShellOptions['host']): ApiResult<'getSystemInfo'> {
  return {
    host: { env: host.name, name: SHELL_PRODUCT_NAME, version: host.version },
    platform: host.platform,
    system: SYSTEM_NAMES[host.platform] ?? host.platform,
    version: host.version,
    SDKVersion: SDK_VERSION,
    language: host.language ?? 'en',
  };
}
