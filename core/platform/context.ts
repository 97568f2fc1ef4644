import type { AppInfo } from '../contracts/app';
import type { Clock, Prompter } from '../contracts/ports';
import type { ConsentLedger } from '../contracts/services';
import type { Sheet, SheetAnswer } from '../contracts/sheets';
import type { RandomBytes } from './wx-crypto';

/** What every part of the platform shares: host services plus the platform's own knobs. */
export interface PlatformContext {
  clock: Clock;
  random: RandomBytes;
  ledger: ConsentLedger;
  /** shows a trusted sheet on behalf of an app */
  ask(app: AppInfo, sheet: Sheet): Promise<SheetAnswer>;
  /** tells wallet listeners that a balance or an order changed */
  walletChanged(): void;
}

/**
 * The OpenApiHandler interface carries the calling app but not its view, so the platform cannot
 * name one. The shell's prompter is expected to attach the sheet to the view whose call is running.
 */
export const UNKNOWN_VIEW = -1;

export function askVia(prompter: Prompter): PlatformContext['ask'] {
  return (app, sheet) => prompter.ask(sheet, { appInfo: app, webViewId: UNKNOWN_VIEW });
}

export function sheetApp(app: AppInfo): { appId: string; name: string } {
  return { appId: app.appId, name: app.name };
}

export const seconds = (ms: number): number => Math.floor(ms / 1000);
