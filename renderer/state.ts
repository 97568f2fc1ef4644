import type { CatalogEntry, RunningApp, ShellOutput } from '../core/contracts/shell-api';
import type { ShellClient } from './shell-api-client';
import type { Store } from './lib/store';
import type { Toaster } from './views/toasts';
import type { ConfirmOptions } from './views/confirm-dialog';

/** Full-page panels cover the stage; 'app' shows the running app of the active tab. */
export type Panel = 'catalog' | 'settings' | 'inspector' | 'app';

export type HostInfo = ShellOutput<'getHostInfo'>;

export interface UiState {
  apps: CatalogEntry[];
  running: RunningApp[];
  panel: Panel;
}

/** What every view gets: the shell API, shared state and the shared UI services. */
export interface ShellContext {
  api: ShellClient;
  host: HostInfo;
  state: Store<UiState>;
  toasts: Toaster;
  confirm(options: ConfirmOptions): Promise<boolean>;
  navigate(panel: Panel): void;
  refreshApps(): Promise<void>;
  refreshRunning(): Promise<void>;
  launch(appId: string): Promise<void>;
}
