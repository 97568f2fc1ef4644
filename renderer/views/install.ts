import type { InstallProgress } from '../../core/contracts/shell-api';
import { h, icon, ICONS, replaceChildren } from '../lib/dom';
import { toErrorInfo } from '../lib/errors';
import { errorLines, isSnippetLine } from '../lib/install-errors';
import type { ShellContext } from '../state';
import { confirmWechatInstall } from './install-preview';

const PHASE_TEXT: Record<InstallProgress['phase'], string> = {
  reading: 'Reading package…',
  copying: 'Copying files…',
  done: 'Finishing…',
  failed: 'Install failed',
};

/**
 * Install a package: a .zip upload (browser host) or the native picker (Electron), or a path typed
 * by hand. One install at a time; progress comes from installProgress events; every manifest problem
 * gets its own line.
 */
export function createInstallPanel(ctx: ShellContext): { el: HTMLElement; onProgress(progress: InstallProgress): void } {
  let busy = false;

  const bar = h('progress', { class: 'progress', attrs: { max: 1 } });
  const phase = h('span', { class: 'progress-label', text: 'Starting…' });
  const progressBox = h('div', { class: 'install-progress', testid: 'install-progress', attrs: { hidden: true, role: 'status' } }, phase, bar);
  const errorList = h('ul', { class: 'install-error-lines', testid: 'install-error' });
  const errorHint = h('p', { class: 'install-error-hint', testid: 'install-error-hint' });
  const errorBox = h(
    'div',
    { class: 'notice notice-error notice-stack', attrs: { hidden: true, role: 'alert' } },
    h('div', { class: 'notice-title' }, icon(ICONS.alert, 16), h('span', { text: 'This package cannot be installed' })),
    errorList,
    errorHint,
  );
  const previewSlot = h('div', { class: 'install-preview-slot' });
  const doneText = h('span', { testid: 'install-done' });
  const doneBox = h('div', { class: 'notice notice-success', attrs: { hidden: true, role: 'status' } }, icon(ICONS.check, 16), doneText);

  const pathInput = h('input', {
    class: 'input',
    testid: 'install-path',
    attrs: { type: 'text', name: 'installPath', placeholder: '/path/to/mini-program or package.zip', autocomplete: 'off', spellcheck: 'false', 'aria-label': 'Package path on this computer' },
  });
  const pathSubmit = h('button', { class: 'button', testid: 'install-path-submit', attrs: { type: 'submit' }, text: 'Install from path' });

  const setBusy = (value: boolean): void => {
    busy = value;
    progressBox.hidden = !value;
    pathSubmit.disabled = value;
    picker.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button').forEach((control) => (control.disabled = value));
    if (value) {
      bar.removeAttribute('value'); // indeterminate until the first progress event
      phase.textContent = 'Starting…';
    }
  };

  const run = async (getSource: () => Promise<string | null>): Promise<void> => {
    if (busy) return;
    errorBox.hidden = true;
    doneBox.hidden = true;
    setBusy(true);
    try {
      const source = await getSource();
      if (!source) return; // the user closed the picker
      // A WeChat project's capabilities are read from its code: the user sees them before anything is copied.
      const preview = await ctx.api.call('previewInstall', { source });
      if (preview.format === 'wechat') {
        progressBox.hidden = true;
        if (!(await confirmWechatInstall(previewSlot, preview))) return;
        progressBox.hidden = false;
      }
      const entry = await ctx.api.call('install', { source });
      doneText.textContent = `Installed ${entry.name}`;
      doneBox.hidden = false;
      pathInput.value = '';
      ctx.toasts.success(`Installed ${entry.name} ${entry.version}`);
      await ctx.refreshApps();
    } catch (error) {
      const info = toErrorInfo(error);
      replaceChildren(errorList, errorLines(info.message).map((line) => h('li', { class: isSnippetLine(line) ? 'install-error-snippet' : undefined, text: line })));
      errorHint.textContent = info.hint ?? '';
      errorHint.hidden = !info.hint;
      errorBox.hidden = false;
    } finally {
      setBusy(false);
    }
  };

  const picker = ctx.host.host === 'web' ? zipPicker(run, ctx) : nativePicker(run, ctx);

  const pathForm = h(
    'form',
    {
      class: 'install-path-form',
      on: {
        submit: (event) => {
          event.preventDefault();
          const path = pathInput.value.trim();
          if (!path) {
            replaceChildren(errorList, h('li', { text: 'Enter the path of a mini program folder or .zip on this computer.' }));
            errorHint.hidden = true;
            errorBox.hidden = false;
            pathInput.focus();
            return;
          }
          void run(async () => path);
        },
      },
    },
    pathInput,
    pathSubmit,
  );

  const el = h(
    'section',
    { class: 'card install-card', attrs: { 'aria-labelledby': 'install-title' } },
    h('div', { class: 'install-head' },
      h('div', {},
        h('h2', { class: 'section-title', attrs: { id: 'install-title' }, text: 'Install a mini program' }),
        h('p', {
          class: 'muted',
          text: 'A package is a folder or .zip with a manifest.json at its root, or a WeChat DevTools project (project.config.json). It is copied into the shell before it runs.',
        }),
      ),
      picker,
    ),
    h('div', { class: 'install-or' }, h('span', { text: 'or install from a path on this computer' })),
    pathForm,
    previewSlot,
    progressBox,
    errorBox,
    doneBox,
  );

  return {
    el,
    onProgress(progress) {
      if (!busy) return;
      phase.textContent = PHASE_TEXT[progress.phase];
      if (progress.totalBytes > 0) {
        bar.max = progress.totalBytes;
        bar.value = Math.min(progress.bytes, progress.totalBytes);
      }
    },
  };
}

/** Browser host: a real file input (the tests drive it) behind a button-looking label. */
function zipPicker(run: (getSource: () => Promise<string | null>) => Promise<void>, ctx: ShellContext): HTMLElement {
  const input = h('input', {
    class: 'visually-hidden',
    testid: 'install-zip-input',
    attrs: { type: 'file', accept: '.zip', id: 'install-zip-input' },
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = ''; // picking the same file again must fire change again
    if (file) void run(() => ctx.api.upload(file));
  });
  return h('label', { class: 'button button-primary file-button', attrs: { for: 'install-zip-input' } }, input, icon(ICONS.upload, 16), h('span', { text: 'Choose .zip…' }));
}

/** Electron: the host's native dialog (folder or .zip); null means the user cancelled. */
function nativePicker(run: (getSource: () => Promise<string | null>) => Promise<void>, ctx: ShellContext): HTMLElement {
  return h(
    'button',
    {
      class: 'button button-primary',
      testid: 'install-pick',
      attrs: { type: 'button' },
      on: { click: () => void run(async () => (await ctx.api.call('pickPackage', {})).source) },
    },
    icon(ICONS.folder, 16),
    h('span', { text: 'Choose package…' }),
  );
}
