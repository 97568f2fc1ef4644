import { h, icon, ICONS } from '../lib/dom';
import type { ErrorInfo } from '../lib/errors';

export interface Toaster {
  error(info: ErrorInfo): void;
  /** `lifetimeMs`: how long it shows when an API documents it (setClipboardData's 1.5 s) */
  success(message: string, lifetimeMs?: number): void;
  info(message: string): void;
}

const MAX_VISIBLE = 4;
// Errors stay longer: they carry a hint the user has to read and act on.
const LIFETIME_MS = { error: 9000, success: 4000, info: 5000 } as const;

export function createToaster(): { el: HTMLElement; toaster: Toaster } {
  const el = h('div', { class: 'toasts', attrs: { 'aria-live': 'polite', 'aria-relevant': 'additions' } });

  const show = (kind: 'error' | 'success' | 'info', message: string, hint?: string, lifetimeMs: number = LIFETIME_MS[kind]): void => {
    const close = (): void => toast.remove();
    const toast = h(
      'div',
      { class: `toast toast-${kind}`, testid: 'toast', attrs: { role: kind === 'error' ? 'alert' : 'status' } },
      h('span', { class: 'toast-icon' }, icon(kind === 'error' ? ICONS.alert : kind === 'success' ? ICONS.check : ICONS.info, 18)),
      h('div', { class: 'toast-body' }, h('div', { class: 'toast-message', text: message }), hint ? h('div', { class: 'toast-hint', text: hint }) : null),
      h('button', { class: 'icon-button toast-close', attrs: { type: 'button', 'aria-label': 'Dismiss' }, on: { click: close } }, icon(ICONS.close, 14)),
    );
    el.appendChild(toast);
    while (el.childElementCount > MAX_VISIBLE) el.firstElementChild?.remove();
    window.setTimeout(close, lifetimeMs);
  };

  return {
    el,
    toaster: {
      error: (info) => show('error', info.message, info.hint),
      success: (message, lifetimeMs) => show('success', message, undefined, lifetimeMs),
      info: (message) => show('info', message),
    },
  };
}
