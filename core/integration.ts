import type { MiniAppApiHandler } from './contracts/integrator';
import type { ShellOptions } from './contracts/services';

/** What an integrator supplies to the shell; see integration/index.ts. */
export interface Integration {
  openApi?: ShellOptions['openApi'];
  customApis?: Record<string, MiniAppApiHandler>;
}
