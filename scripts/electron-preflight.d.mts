// Types for electron-preflight.mjs (plain JavaScript: npm start runs it before anything is built).
import type { readFileSync, statSync } from 'node:fs';

export declare function electronPreflight(machine?: {
  platform?: NodeJS.Platform;
  uid?: number;
  electronDist?: string;
  readFile?: typeof readFileSync;
  stat?: typeof statSync;
}): string | undefined;
