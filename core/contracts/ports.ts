import type { CallerIdentity } from './app';
import type { Sheet, SheetAnswer } from './sheets';

/**
 * What core needs from a host. Electron implements them with electron-store and shell views,
 * the browser host with conf and the shell page, tests with memory and scripted answers.
 */

/** A JSON document store. Keys are dot-free top-level names chosen by core modules. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/**
 * Shows a trusted sheet and resolves with the user's answer. Must never be drawn by a mini program.
 * When `signal` aborts (the call timed out), the sheet closes and the answer is a cancel.
 */
export interface Prompter {
  ask(sheet: Sheet, caller: CallerIdentity, signal?: AbortSignal): Promise<SheetAnswer>;
}

export interface Clock {
  /** milliseconds since the epoch */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
