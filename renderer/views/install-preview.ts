import type { InstallPreview } from '../../core/contracts/shell-api';
import { h, icon, ICONS } from '../lib/dom';

/**
 * The confirmation a WeChat DevTools project gets before anything is copied: the appId it installs as
 * (made up when the project has none), and the capabilities the shell read from its code, which become
 * its permissions. Web packages declare theirs in manifest.json and install without this step.
 * Resolves true on Install, false on Cancel; the box removes itself either way.
 */
export function confirmWechatInstall(host: HTMLElement, preview: InstallPreview): Promise<boolean> {
  return new Promise((resolve) => {
    const apis = [
      ...preview.openApi.map((name) => h('span', { class: 'chip mono', text: `wx.${name}` })),
      ...preview.customApi.map((name) => h('span', { class: 'chip mono', text: `custom: ${name}` })),
    ];
    const source = preview.capabilitySource === 'code' ? 'found in its code' : 'declared in its manifest.json';
    const finish = (answer: boolean) => {
      box.remove();
      resolve(answer);
    };
    // Cancel has the focus, as the shell's sheets open on their refusing button: a stray Enter installs nothing
    const cancelButton = h('button', { class: 'button', testid: 'install-cancel', attrs: { type: 'button' }, text: 'Cancel', on: { click: () => finish(false) } });
    const box = h(
      'div',
      { class: 'notice notice-stack install-preview', testid: 'install-preview', attrs: { role: 'dialog', 'aria-label': `Install ${preview.name}?` } },
      h('div', { class: 'notice-title' }, icon(ICONS.info, 16), h('span', { text: `Install "${preview.name}" ${preview.version}, a WeChat mini program?` })),
      h(
        'dl',
        { class: 'install-preview-facts' },
        h('dt', { text: 'App ID' }),
        h(
          'dd',
          {},
          h('span', { class: 'mono', testid: 'install-preview-appid', text: preview.appId }),
          preview.appIdGenerated ? h('span', { class: 'badge badge-warning badge-inline', testid: 'install-preview-generated', text: 'generated: the project has no appid' }) : null,
        ),
        h('dt', { text: `Capabilities (${source})` }),
        h('dd', { testid: 'install-preview-apis' }, apis.length ? apis : h('span', { class: 'muted', text: 'none: only the base APIs every app has' })),
        preview.replaces ? [h('dt', { text: 'Replaces' }), h('dd', { text: `the installed "${preview.replaces}"` })] : null,
      ),
      preview.notes.length ? h('ul', { class: 'install-preview-notes', testid: 'install-preview-notes' }, preview.notes.map((note) => h('li', { text: note }))) : null,
      h(
        'div',
        { class: 'install-preview-actions' },
        cancelButton,
        h('button', { class: 'button button-primary', testid: 'install-confirm', attrs: { type: 'button' }, text: 'Install', on: { click: () => finish(true) } }),
      ),
    );
    host.append(box);
    cancelButton.focus();
  });
}
