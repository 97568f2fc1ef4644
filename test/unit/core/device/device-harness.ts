import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallerIdentity } from '../../../../core/contracts/app';
import type { DeviceHost, PickedFile, PickRequest } from '../../../../core/contracts/device-host';
import { createTempFiles, type TempFiles } from '../../../../core/network/temp-files';
import { harness, type Harness } from '../dispatcher/harness';

export interface DeviceState {
  clipboard: string;
  toasts: Array<{ viewId: number; text: string; ms: number }>;
  permissionsChanged: number;
  /** what the next pickImages returns (null = the user cancelled); each request is recorded */
  nextPick: PickedFile[] | null;
  picks: PickRequest[];
  released: number;
}

/** A shell with the device APIs over a scripted host: a clipboard string, scripted picks, recorded toasts. */
export interface DeviceHarness {
  h: Harness;
  state: DeviceState;
  tempFiles: TempFiles;
  /** writes a file into a scratch folder and returns it as a picked file */
  file(name: string, bytes: Buffer | string): Promise<PickedFile>;
}

export async function deviceHarness(maxFileBytes?: number): Promise<DeviceHarness> {
  const scratch = await mkdtemp(join(tmpdir(), 'device-test-'));
  const tempFiles = createTempFiles(join(scratch, 'tmp'));
  const state: DeviceState = { clipboard: '', toasts: [], permissionsChanged: 0, nextPick: null, picks: [], released: 0 };
  const host: DeviceHost = {
    writeClipboard: async (text) => void (state.clipboard = text),
    readClipboard: async () => state.clipboard,
    async pickImages(request: PickRequest, _caller: CallerIdentity) {
      state.picks.push(request);
      const files = state.nextPick;
      return files ? { files, release: async () => void state.released++ } : null;
    },
  };
  const h = harness({
    device: {
      host,
      tempFiles,
      toast: (caller, text, ms) => state.toasts.push({ viewId: caller.webViewId, text, ms }),
      permissionsChanged: () => void state.permissionsChanged++,
      ...(maxFileBytes ? { maxFileBytes } : {}),
    },
  });
  return {
    h,
    state,
    tempFiles,
    async file(name, bytes) {
      const path = join(scratch, `${Math.random().toString(16).slice(2)}-${name}`);
      await writeFile(path, bytes);
      return { path, name };
    },
  };
}
