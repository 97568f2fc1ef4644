import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseManifest } from '../core/catalog';

export interface SampleFolder {
  appId: string;
  folder: string;
}

/** Every <examplesDir>/<folder> with a valid manifest.json; a broken sample is reported and skipped. */
export async function findSampleApps(examplesDir: string, log: (m: string) => void): Promise<SampleFolder[]> {
  if (!existsSync(examplesDir)) return [];
  const found: SampleFolder[] = [];
  for (const entry of readdirSync(examplesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = join(examplesDir, entry.name);
    const manifestFile = join(folder, 'manifest.json');
    if (!existsSync(manifestFile)) continue;
    try {
      found.push({ appId: parseManifest(await readFile(manifestFile, 'utf8')).appId, folder });
    } catch (e) {
      log(`sample ${entry.name} skipped: ${(e as Error).message}`);
    }
  }
  return found.sort((a, b) => a.appId.localeCompare(b.appId));
}

/** Key in the state store that records that this data folder got its samples (so an uninstall sticks). */
export const SEEDED_KEY = 'webHostSeeded';
