import { ApiError } from '../../../../core/contracts/errors';
import type { AppInfo } from '../../../../core/contracts/app';
import type { CallerIdentity } from '../../../../core/contracts/app';
import type { ConsentLedger, EmbeddedPlatform, HostServices } from '../../../../core/contracts/services';
import type { Sheet, SheetAnswer } from '../../../../core/contracts/sheets';
import type { AuditEntry } from '../../../../core/contracts/shell-api';
import { createEmbeddedPlatform, type EmbeddedPlatformOptions } from '../../../../core/platform';
import { memoryData } from '../../../support/memory-data';
import { memoryStore } from '../../../support/memory-store';

/** Test doubles for the host side of the platform: data store, clock, scripted sheets, consent ledger. */

export const T0 = Date.UTC(2025, 0, 15, 9, 30, 0);

export function fakeClock(start = T0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms), set: (ms: number) => void (now = ms) };
}

type Answer = SheetAnswer | ((sheet: Sheet) => SheetAnswer | Promise<SheetAnswer>);

/** Answers sheets from a script (first in, first out); with nothing scripted it uses `fallback`. */
export function scriptedPrompter(fallback: Answer = { confirmed: true }) {
  const script: Answer[] = [];
  const sheets: Sheet[] = [];
  return {
    sheets,
    answerNext(...answers: Answer[]) {
      script.push(...answers);
    },
    async ask(sheet: Sheet, _caller: CallerIdentity): Promise<SheetAnswer> {
      sheets.push(sheet);
      const a = script.shift() ?? fallback;
      return typeof a === 'function' ? a(sheet) : a;
    },
  };
}

export function recordingLedger(clock: { now(): number }): ConsentLedger & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return {
    entries,
    authSetting: () => ({}),
    decide: (appId, scope, granted, via) => void entries.push({ at: clock.now(), appId, scope, action: granted ? 'grant' : 'refuse', via }),
    revoke: (appId, scope, via) => void entries.push({ at: clock.now(), appId, scope, action: 'revoke', via }),
    recordConsent: (appId, scope, given, via) => void entries.push({ at: clock.now(), appId, scope, action: given ? 'consent' : 'decline', via }),
    audit: (appId) => entries.filter((e) => appId === undefined || e.appId === appId),
    forgetApp: () => {},
  };
}

export const APP_A: AppInfo = { appId: 'shopA', name: 'Shop A', version: '1.0.0', developerId: 'dev-acme', developerName: 'Acme' };
export const APP_A2: AppInfo = { appId: 'gamesA', name: 'Games A', version: '1.0.0', developerId: 'dev-acme', developerName: 'Acme' };
export const APP_B: AppInfo = { appId: 'shopB', name: 'Shop B', version: '2.0.0', developerId: 'dev-other' };

export function setup(options: EmbeddedPlatformOptions & { store?: ReturnType<typeof memoryData>; clock?: ReturnType<typeof fakeClock> } = {}) {
  // `store` is the platform's data (SQLite in memory): tests read and corrupt its documents by key
  const store = options.store ?? memoryData();
  const clock = options.clock ?? fakeClock();
  const prompter = scriptedPrompter();
  const ledger = recordingLedger(clock);
  const apps = new Map([APP_A, APP_A2, APP_B].map((a) => [a.appId, a]));
  const services: HostServices = { store: memoryStore(), data: store, prompter, clock, ledger, appInfo: (id) => apps.get(id) };
  const platform = createEmbeddedPlatform(services, { notifier: options.notifier ?? (async () => {}), random: options.random });
  const regs = Object.fromEntries([APP_A, APP_A2, APP_B].map((a) => [a.appId, platform.registerApp(a)]));
  return { platform, store, clock, prompter, ledger, regs, server: serverOf(platform) };
}

/** What a mini program sees, the way the dispatcher shapes it: success + "<api>:ok", or the fail object. */
export type WxOutcome = Record<string, unknown> & { errMsg: string; errno?: number; errCode?: number };

export async function wx<R extends object>(api: string, run: () => Promise<R>): Promise<WxOutcome> {
  try {
    return { ...(await run()), errMsg: `${api}:ok` };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return {
      errMsg: `${api}:fail ${e.reason}`,
      ...(e.errno !== undefined ? { errno: e.errno } : {}),
      ...(e.errCode !== undefined ? { errCode: e.errCode } : {}),
    };
  }
}

/** The platform's server API as a merchant server calls it (route table, as a host would mount it). */
export function serverOf(platform: EmbeddedPlatform) {
  const routes = platform.serverRoutes();
  const call = async (method: 'GET' | 'POST', path: string, input: Record<string, unknown>) => {
    const route = routes.find((r) => r.method === method && r.path === path);
    if (!route) throw new Error(`no route ${method} ${path}`);
    // JSON as a merchant server reads it: tests navigate it freely and assert on the values.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return route.run(input) as Promise<{ status: number; body: Record<string, any> }>;
  };
  return {
    get: (path: string, query: Record<string, string>) => call('GET', path, query),
    post: (path: string, body: Record<string, unknown>) => call('POST', path, body),
  };
}

export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
