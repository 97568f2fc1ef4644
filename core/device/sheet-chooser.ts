import type { CallerIdentity } from '../contracts/app';
import { CHOSEN_FILE_MAX_BYTES, IMAGE_EXTENSIONS } from '../contracts/device';
import type { ChooserUploads, DeviceHost, PickedFile } from '../contracts/device-host';
import { ApiError } from '../contracts/errors';
import type { Prompter } from '../contracts/ports';

/**
 * pickImages for a host without a native dialog: a trusted `chooseImages` sheet, whose file input the user
 * activates (browsers open a file picker only from a user gesture). The shell page uploads the chosen
 * files to the host and answers with their upload ids; only ids of this host's uploads are accepted.
 */
export function sheetImagePicker(prompter: Prompter, uploads: ChooserUploads): DeviceHost['pickImages'] {
  return async (request, caller: CallerIdentity, signal) => {
    const answer = await prompter.ask(
      {
        kind: 'chooseImages',
        app: { appId: caller.appInfo.appId, name: caller.appInfo.name },
        api: request.api,
        count: request.count,
        maxFileBytes: CHOSEN_FILE_MAX_BYTES,
        extensions: [...IMAGE_EXTENSIONS],
      },
      caller,
      signal,
    );
    const sources = (answer.files ?? []).map((f) => f.source);
    const release = async () => {
      await Promise.all(sources.map((s) => uploads.release(s)));
    };
    if (!answer.confirmed) {
      await release();
      return null;
    }
    const files: PickedFile[] = [];
    for (const f of answer.files ?? []) {
      const found = uploads.resolve(f.source);
      if (!found) {
        await release();
        throw new ApiError('file not found: the chosen file did not reach the host; choose it again');
      }
      files.push({ ...found, ...(f.width && f.height ? { width: f.width, height: f.height } : {}) });
    }
    return { files, release };
  };
}
