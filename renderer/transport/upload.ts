import { ShellError } from '../../core/contracts/shell-api';
import { UploadResult } from '../../core/contracts/shell-wire';
import { ShellCallError } from '../lib/errors';

export type FetchFn = (url: string, init: { method: string; headers: Record<string, string>; body: Blob }) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

export interface PackageFile extends Blob {
  readonly name: string;
}

/** Browser host only: sends a picked .zip to POST /shell/upload and returns the source id for install. */
export async function uploadPackage(file: PackageFile, token: string, fetchFn: FetchFn): Promise<string> {
  if (!/\.zip$/i.test(file.name)) {
    throw new ShellCallError(`"${file.name}" is not a .zip file.`, 'Choose a mini program package saved as .zip, or enter a folder path below.');
  }
  if (file.size === 0) {
    throw new ShellCallError(`"${file.name}" is empty.`, 'Choose the .zip again; it may not have finished downloading.');
  }
  return postUpload(file, 'application/zip', token, fetchFn);
}

/** Browser host only: sends an image the user picked in a chooser sheet (wx.chooseImage); returns its upload id. */
export function uploadChosenFile(file: PackageFile, token: string, fetchFn: FetchFn): Promise<string> {
  return postUpload(file, file.type || 'application/octet-stream', token, fetchFn);
}

/** POST /shell/upload: the host streams the body into a fresh folder of its own and names it in `source`. */
async function postUpload(file: PackageFile, contentType: string, token: string, fetchFn: FetchFn): Promise<string> {
  let response: Awaited<ReturnType<FetchFn>>;
  try {
    response = await fetchFn('/shell/upload', {
      method: 'POST',
      // header values must be ASCII; the host decodes the name
      headers: { 'x-shell-token': token, 'x-file-name': encodeURIComponent(file.name), 'content-type': contentType },
      body: file,
    });
  } catch {
    throw new ShellCallError(`Could not upload "${file.name}": the shell host did not answer.`, 'Check that the browser host is still running, then try again.');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = ShellError.safeParse(body);
    if (error.success) throw new ShellCallError(error.data.message, error.data.hint);
    throw new ShellCallError(`Upload of "${file.name}" failed (HTTP ${response.status}).`, 'Try again; if it keeps failing, the host log has details.');
  }
  const result = UploadResult.safeParse(body);
  if (!result.success) {
    throw new ShellCallError('The host answered the upload with data the shell does not understand.', 'Rebuild (npm run build) and restart the host.');
  }
  return result.data.source;
}
