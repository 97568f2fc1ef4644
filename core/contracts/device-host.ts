import type { TempFiles } from '../network/temp-files';
import type { CallerIdentity } from './app';

/** A file the user picked, where the host put it. `width`/`height` when the host could read them. */
export interface PickedFile {
  path: string;
  name: string;
  width?: number;
  height?: number;
}

/** What the host's chooser is asked for. */
export interface PickRequest {
  api: 'chooseImage' | 'chooseMedia';
  count: number;
}

/**
 * The host side of the device APIs. Electron: the `clipboard` module and dialog.showOpenDialog in main.
 * Browser host: the trusted shell page (navigator.clipboard, a chooser sheet with a file input); core
 * provides those implementations (core/device), so a host without its own only leaves them out.
 */
export interface DeviceHost {
  writeClipboard(text: string, caller: CallerIdentity): Promise<void>;
  readClipboard(caller: CallerIdentity): Promise<string>;
  /** null when the user cancelled; `release` is called once the files were copied (or refused) */
  pickImages(request: PickRequest, caller: CallerIdentity, signal?: AbortSignal): Promise<{ files: PickedFile[]; release?: () => Promise<void> } | null>;
}

/** What a host hands the shell for the device APIs (ShellOptions.device); the runtime builds it. */
export interface DeviceApisDeps {
  host: DeviceHost;
  /** the same temp area as downloadFile's, so chosen images work wherever a downloaded file does */
  tempFiles: TempFiles;
  toast(caller: CallerIdentity, text: string, ms: number): void;
  permissionsChanged(): void;
  maxFileBytes?: number;
}

/** Where the browser host keeps what its shell page uploaded for a chooser sheet. */
export interface ChooserUploads {
  /** the file behind an upload's `source`, or undefined when it is not one of this host's uploads */
  resolve(source: string): { path: string; name: string } | undefined;
  /** deletes the upload (after its copy into the app's temp area, or when refused) */
  release(source: string): Promise<void>;
}
