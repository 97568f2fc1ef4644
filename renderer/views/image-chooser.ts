import type { ChooseImagesSheet } from '../../core/contracts/sheets';
import type { SheetAnswer } from '../../core/contracts/sheets';
import type { z } from 'zod';
import { h, icon, ICONS, replaceChildren } from '../lib/dom';
import type { PackageFile } from '../transport/upload';

type Sheet = z.infer<typeof ChooseImagesSheet>;
type ChosenFiles = NonNullable<SheetAnswer['files']>;

export interface ImageChooser {
  el: HTMLElement;
  /** files are chosen and all of them are acceptable */
  readonly ready: boolean;
  /** uploads the chosen files to the host; rejects with a message for the user */
  upload(): Promise<ChosenFiles>;
  dispose(): void;
}

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1).replace(/\.0$/, '')} MB`;
const sizeText = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 2 ** 20 ? `${Math.round(bytes / 1024)} KB` : megabytes(bytes));

/** What is wrong with a choice, in words for the user; undefined when it can be used. */
export function choiceProblem(files: ReadonlyArray<{ name: string; size: number }>, sheet: Pick<Sheet, 'count' | 'maxFileBytes' | 'extensions'>): string | undefined {
  if (files.length > sheet.count) return `The app takes at most ${sheet.count} image${sheet.count === 1 ? '' : 's'}; you chose ${files.length}.`;
  for (const f of files) {
    const ext = /\.([^.]+)$/.exec(f.name)?.[1]?.toLowerCase() ?? '';
    if (!sheet.extensions.includes(ext)) return `"${f.name}" is not an image this shell takes (${sheet.extensions.join(', ')}).`;
    if (f.size === 0) return `"${f.name}" is empty.`;
    if (f.size > sheet.maxFileBytes) return `"${f.name}" is ${megabytes(f.size)}; each image may be at most ${megabytes(sheet.maxFileBytes)}.`;
  }
  return undefined;
}

/**
 * The body of the browser host's chooseImages sheet: a "Choose…" button that opens the browser's file
 * picker (it needs the user's own click), the chosen files with a preview, and what is wrong with them.
 * Nothing reaches the app until the user confirms; then the files go to the host, which copies them
 * into the app's temp area.
 */
export function createImageChooser(
  sheet: Sheet,
  deps: { uploadChosen(file: PackageFile): Promise<string>; changed(): void },
): ImageChooser {
  let files: File[] = [];
  let problem: string | undefined;
  const previews: string[] = [];

  const input = h('input', {
    class: 'visually-hidden',
    testid: 'chooser-input',
    attrs: { type: 'file', accept: sheet.extensions.map((e) => `.${e}`).join(','), multiple: sheet.count > 1, tabindex: -1, 'aria-hidden': 'true' },
  });
  const list = h('ul', { class: 'chooser-files', testid: 'chooser-files' });
  const error = h('div', { class: 'notice notice-warning', testid: 'chooser-error', attrs: { role: 'alert' } });
  error.hidden = true;
  const pick = h('button', {
    class: 'button',
    testid: 'chooser-pick',
    attrs: { type: 'button' },
    on: { click: () => input.click() },
  }, icon(ICONS.folder, 16), h('span', { text: 'Choose…' }));

  const showProblem = (message: string | undefined): void => {
    problem = message;
    error.hidden = !message;
    replaceChildren(error, message ? [icon(ICONS.alert, 16), h('span', { text: message })] : []);
    deps.changed();
  };

  const render = (): void => {
    for (const url of previews.splice(0)) URL.revokeObjectURL(url);
    replaceChildren(list, files.map((f) => {
      const url = URL.createObjectURL(f);
      previews.push(url);
      return h('li', { class: 'chooser-file', testid: 'chooser-file' },
        h('img', { class: 'chooser-thumb', attrs: { src: url, alt: '' } }),
        h('span', { class: 'chooser-name', text: f.name }),
        h('span', { class: 'muted small', text: sizeText(f.size) }),
      );
    }));
    pick.lastElementChild!.textContent = files.length ? 'Choose again…' : 'Choose…';
    showProblem(choiceProblem(files, sheet));
  };

  input.addEventListener('change', () => {
    files = [...(input.files ?? [])];
    render();
  });

  const dimensions = async (file: File): Promise<{ width?: number; height?: number }> => {
    try {
      const bitmap = await createImageBitmap(file);
      const size = { width: bitmap.width, height: bitmap.height };
      bitmap.close();
      return size;
    } catch {
      return {}; // not decodable here: the app gets the file without its dimensions
    }
  };

  return {
    el: h('div', { class: 'chooser' },
      h('p', { class: 'muted', text: `Choose ${sheet.count === 1 ? 'one image' : `up to ${sheet.count} images`} from this computer (${sheet.extensions.join(', ')}, at most ${megabytes(sheet.maxFileBytes)} each). Only what you choose is given to the app.` }),
      h('div', { class: 'chooser-row' }, pick, input),
      list,
      error,
    ),
    get ready() {
      return files.length > 0 && !problem;
    },
    async upload() {
      try {
        const out: ChosenFiles = [];
        for (const file of files) {
          const [source, size] = await Promise.all([deps.uploadChosen(file), dimensions(file)]);
          out.push({ source, ...size });
        }
        return out;
      } catch (e) {
        showProblem(e instanceof Error ? e.message : String(e));
        throw e;
      }
    },
    dispose() {
      for (const url of previews.splice(0)) URL.revokeObjectURL(url);
    },
  };
}
