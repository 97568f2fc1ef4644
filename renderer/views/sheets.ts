import type { SheetAnswer, Sheet } from '../../core/contracts/sheets';
import { ARMING_DELAY_MS, ArmingGate } from '../lib/arming';
import { h, icon, ICONS } from '../lib/dom';
import { toErrorInfo } from '../lib/errors';
import { formatFen } from '../lib/money';
import { sheetCopy, virtualModeLabel } from '../lib/sheet-copy';
import type { QueuedSheet, SheetQueue } from '../lib/sheet-queue';
import type { ShellContext } from '../state';
import { appIcon } from './app-icon';
import { openModal } from './modal';
import { createImageChooser } from './image-chooser';

const GENDER = ['Unspecified', 'Male', 'Female'] as const;

/**
 * Trusted sheets, drawn by the shell above everything (the app frames become inert underneath).
 * One at a time from the queue; the answer goes back with answerSheet.
 *
 * A mini program decides when its sheet appears, so it can time it to input the user aims at the page
 * (review finding #7: a game asked for the phone number on Enter, and the next Enter approved). So every
 * sheet opens on its refusing button, and its approving button is disabled until the sheet has been
 * visible for ARMING_DELAY_MS: what was in flight can at worst refuse, never approve.
 */
export function mountSheets(ctx: ShellContext, queue: SheetQueue, layer: HTMLElement, background: HTMLElement): void {
  let shown: { sheetId: string; close(): void } | undefined;

  const answer = async (item: QueuedSheet, value: SheetAnswer): Promise<void> => {
    try {
      await ctx.api.call('answerSheet', { sheetId: item.sheetId, answer: value });
    } catch (error) {
      ctx.toasts.error(toErrorInfo(error));
    }
    // Answered or not, this sheet is over for the user; the host closes its side on timeout.
    queue.remove(item.sheetId);
  };

  const show = (item: QueuedSheet): void => {
    const { sheet } = item;
    const copy = sheetCopy(sheet);
    const toggles = new Map<string, HTMLInputElement>();
    const titleId = `sheet-title-${item.sheetId}`;

    const confirm = h('button', { class: 'button button-primary button-lg', testid: 'sheet-confirm', attrs: { type: 'button' }, text: copy.confirm });
    const cancel = h('button', { class: 'button button-lg', testid: 'sheet-cancel', attrs: { type: 'button' }, text: copy.cancel });
    const hintId = `sheet-arming-${item.sheetId}`;
    const armingHint = h('span', {
      class: 'visually-hidden',
      attrs: { id: hintId },
      text: `${copy.confirm} becomes available a moment after this request appears, so a key press or click meant for the app cannot answer it.`,
    });
    let answering = false;
    // the chooseImages sheet's file chooser: confirming needs an acceptable choice, and uploads it first
    const chooser = sheet.kind === 'chooseImages'
      ? createImageChooser(sheet, { uploadChosen: (file) => ctx.api.uploadChosen(file), changed: () => render() })
      : undefined;
    // One place decides whether the approving button works: not while blocked (the notice says why), not
    // while arming, not before a chooser has its files, and not once an answer is on its way.
    const render = (): void => {
      const arming = !gate.armed && !copy.blocked && !answering;
      confirm.disabled = Boolean(copy.blocked) || !gate.armed || answering || (chooser !== undefined && !chooser.ready);
      confirm.classList.toggle('is-arming', arming);
      armingHint.hidden = !arming;
      if (arming) confirm.setAttribute('aria-describedby', hintId);
      else confirm.removeAttribute('aria-describedby');
    };
    const gate: ArmingGate = new ArmingGate(render);
    confirm.style.setProperty('--arming-ms', `${ARMING_DELAY_MS}ms`);
    render();

    const collect = (confirmed: boolean): SheetAnswer => {
      if (sheet.kind !== 'openSetting' || !confirmed) return { confirmed };
      return { confirmed, authSetting: Object.fromEntries([...toggles].map(([scope, box]) => [scope, box.checked])) };
    };
    const settle = (value: SheetAnswer): void => {
      answering = true;
      gate.dispose();
      cancel.disabled = true;
      render();
      void answer(item, value);
    };
    // Enter on the sheet's body and Escape come here too, so the checks cover keys as well as clicks.
    const onConfirm = (): void => {
      if (confirm.disabled) return;
      if (!chooser) return settle(collect(true));
      // The chosen files go to the host first; a failed upload keeps the sheet open with its reason.
      answering = true;
      render();
      chooser.upload().then(
        (files) => settle({ confirmed: true, files }),
        () => {
          answering = false;
          render();
        },
      );
    };
    const onCancel = (): void => {
      if (!cancel.disabled) settle(collect(false));
    };
    confirm.addEventListener('click', onConfirm);
    cancel.addEventListener('click', onCancel);

    const waiting = queue.waiting;
    const dialog = h(
      'div',
      {
        class: `sheet sheet-${sheet.kind}`,
        testid: 'sheet',
        attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId, 'data-sheet-kind': sheet.kind, 'data-sheet-id': item.sheetId, tabindex: -1 },
      },
      h('div', { class: 'sheet-head' },
        appIcon(sheet.app, 'md'),
        h('div', { class: 'sheet-head-text' },
          h('h2', { class: 'sheet-title', attrs: { id: titleId }, text: copy.title }),
          h('div', { class: 'sheet-trust' }, icon(ICONS.shield, 12), h('span', { text: `Shown by Superapp Shell · ${sheet.app.appId}` })),
        ),
      ),
      h('div', { class: 'sheet-body' }, chooser ? chooser.el : sheetBody(sheet, toggles)),
      copy.blocked ? h('div', { class: 'notice notice-warning', testid: 'sheet-blocked', attrs: { role: 'note' } }, icon(ICONS.alert, 16), h('span', { text: copy.blocked })) : null,
      h('div', { class: 'sheet-actions' }, cancel, confirm),
      armingHint,
      waiting > 0 ? h('div', { class: 'sheet-queue', testid: 'sheet-waiting', text: `${waiting} more request${waiting === 1 ? '' : 's'} waiting` }) : null,
    );
    // Focus starts on the refusing button for every kind of sheet: an Enter or Space already on its way
    // activates Deny/Cancel, which only says no to an app that asked at a convenient moment.
    const modal = openModal(layer, background, dialog, { onEscape: onCancel, onEnter: onConfirm, initialFocus: cancel });

    // Time only counts while the sheet can be seen; coming back to the window starts the delay again.
    const onVisibility = (): void => {
      if (answering) return;
      if (document.visibilityState === 'visible') gate.restart();
      else gate.hold();
    };
    document.addEventListener('visibilitychange', onVisibility);
    onVisibility();

    shown = {
      sheetId: item.sheetId,
      close: () => {
        gate.dispose();
        chooser?.dispose();
        document.removeEventListener('visibilitychange', onVisibility);
        modal.close();
      },
    };
  };

  const sync = (): void => {
    const current = queue.current;
    if (shown && shown.sheetId === current?.sheetId) {
      // Same sheet still on top: only the "n waiting" line may have changed.
      const line = layer.querySelector('[data-testid=sheet-waiting]');
      const waiting = queue.waiting;
      if (line) line.textContent = `${waiting} more request${waiting === 1 ? '' : 's'} waiting`;
      else if (waiting > 0) {
        layer.querySelector('[data-testid=sheet]')?.appendChild(h('div', { class: 'sheet-queue', testid: 'sheet-waiting', text: `${waiting} more request${waiting === 1 ? '' : 's'} waiting` }));
      }
      return;
    }
    shown?.close();
    shown = undefined;
    if (current) show(current);
  };
  queue.onChange(sync);
}

function row(label: string, value: HTMLElement | string, testid?: string): HTMLElement {
  return h('div', { class: 'kv-row' },
    h('span', { class: 'kv-label', text: label }),
    typeof value === 'string' ? h('span', { class: 'kv-value', testid, text: value }) : value,
  );
}

function sheetBody(sheet: Sheet, toggles: Map<string, HTMLInputElement>): HTMLElement {
  switch (sheet.kind) {
    case 'userProfile': {
      const p = sheet.profile;
      const place = [p.city, p.province, p.country].filter(Boolean).join(', ');
      return h('div', {},
        h('p', { class: 'sheet-reason' }, h('span', { class: 'muted', text: 'Reason given by the app: ' }), h('span', { testid: 'sheet-desc', text: sheet.desc })),
        h('div', { class: 'profile-preview' },
          appIcon({ appId: p.nickName || 'me', name: p.nickName || '?', iconUrl: p.avatarUrl || undefined }, 'md'),
          h('div', {},
            h('div', { class: 'profile-name', testid: 'sheet-nickname', text: p.nickName }),
            h('div', { class: 'muted small', text: [GENDER[p.gender], place].filter(Boolean).join(' · ') }),
          ),
        ),
        h('p', { class: 'muted small', text: 'Your nickname, avatar, gender, region and language are shared once. The app will ask again next time.' }),
      );
    }
    case 'phoneNumber':
      return h('div', {},
        h('p', { class: 'muted', text: 'Share this phone number with the app:' }),
        h('div', { class: 'big-value', testid: 'sheet-phone', text: sheet.maskedPhone }),
      );
    case 'authorize':
      return h('div', {},
        h('p', { class: 'muted', text: 'The app asks to use:' }),
        h('div', { class: 'scope-line' }, h('span', { class: 'scope-label', testid: 'sheet-scope', text: sheet.label }), h('span', { class: 'mono muted small', text: sheet.scope })),
        h('p', { class: 'muted small', text: 'Your choice is remembered. You can change it later in Settings › Permissions.' }),
      );
    case 'payment':
      return h('div', {},
        h('div', { class: 'amount', testid: 'sheet-amount', text: formatFen(sheet.amount) }),
        h('div', { class: 'kv' },
          row('Merchant', sheet.merchant, 'sheet-merchant'),
          row('Description', sheet.description, 'sheet-description'),
          row('Wallet balance', formatFen(sheet.balance), 'sheet-balance'),
          row('Order', h('span', { class: 'kv-value mono small', text: sheet.outTradeNo })),
        ),
      );
    case 'virtualPayment':
      return h('div', {},
        h('div', { class: 'amount', testid: 'sheet-amount', text: formatFen(sheet.amount) }),
        h('div', { class: 'kv' },
          row('Type', virtualModeLabel(sheet.mode), 'sheet-mode'),
          sheet.productId ? row('Product', sheet.productId, 'sheet-product') : null,
          row('Quantity', String(sheet.quantity), 'sheet-quantity'),
          row('Wallet balance', formatFen(sheet.balance), 'sheet-balance'),
          row('Order', h('span', { class: 'kv-value mono small', text: sheet.outTradeNo })),
        ),
      );
    case 'openSetting':
      if (sheet.scopes.length === 0) return h('p', { class: 'muted', text: 'This app has not asked for any permission yet.' });
      return h('div', {},
        h('p', { class: 'muted', text: 'Allow the app to use:' }),
        h('div', { class: 'toggle-list' },
          sheet.scopes.map((s) => {
            const box = h('input', { class: 'checkbox', testid: 'scope-toggle', attrs: { type: 'checkbox', 'data-scope': s.scope }, props: { checked: s.granted } });
            toggles.set(s.scope, box);
            return h('label', { class: 'toggle-row' }, box, h('span', { class: 'toggle-text' }, h('span', { text: s.label }), h('span', { class: 'mono muted small', text: s.scope })));
          }),
        ),
      );
    case 'clipboardRead':
      return h('div', {},
        h('p', { class: 'muted', text: 'The app asks to read what you last copied — text from any program, which may be private.' }),
        h('div', { class: 'scope-line' }, h('span', { class: 'scope-label', testid: 'sheet-scope', text: 'Read the clipboard' }), h('span', { class: 'mono muted small', text: 'getClipboardData' })),
        h('p', { class: 'muted small', text: 'Your choice is remembered. You can change it later in Settings › Permissions.' }),
      );
    case 'chooseImages':
      return h('div', {}); // drawn by the image chooser
  }
}
