import { h, replaceChildren } from '../lib/dom';
import { toErrorInfo } from '../lib/errors';
import { formatFen } from '../lib/money';
import { formatDateTime } from '../lib/time';
import type { ShellContext } from '../state';

/** Balance and every payment, newest first. */
export function createWalletSection(ctx: ShellContext): { el: HTMLElement; load(): Promise<void> } {
  const balance = h('div', { class: 'wallet-balance', testid: 'wallet-balance', text: '—' });
  const body = h('tbody');
  const table = h('table', { class: 'table' },
    h('thead', {}, h('tr', {},
      h('th', { text: 'Date' }), h('th', { text: 'App' }), h('th', { text: 'Description' }), h('th', { text: 'Type' }), h('th', { text: 'Order' }), h('th', { class: 'num', text: 'Amount' }),
    )),
    body,
  );
  const empty = h('div', { class: 'empty-inline', text: 'No payments yet.' });

  const el = h('section', { class: 'card settings-section', attrs: { id: 'settings-wallet', 'aria-labelledby': 'wallet-title' } },
    h('div', { class: 'wallet-head' },
      h('div', {}, h('h2', { class: 'section-title', attrs: { id: 'wallet-title' }, text: 'Wallet' }), h('p', { class: 'muted', text: 'Payments confirmed in payment sheets are debited here.' })),
      h('div', { class: 'wallet-figure' }, h('span', { class: 'muted small', text: 'Balance' }), balance),
    ),
    h('div', { class: 'table-wrap' }, table),
    empty,
  );

  return {
    el,
    async load() {
      try {
        const wallet = await ctx.api.call('getWallet', {});
        balance.textContent = formatFen(wallet.balance);
        const history = [...wallet.history].sort((a, b) => b.at - a.at);
        empty.hidden = history.length > 0;
        table.hidden = history.length === 0;
        replaceChildren(body, history.map((p) => h('tr', { testid: 'payment-row', attrs: { 'data-app-id': p.appId } },
          h('td', { class: 'nowrap', text: formatDateTime(p.at) }),
          h('td', { text: p.appName }),
          h('td', { text: p.description }),
          h('td', { text: p.kind === 'payment' ? 'Payment' : 'Virtual goods' }),
          h('td', { class: 'mono small', text: p.outTradeNo }),
          h('td', { class: 'num', text: `-${formatFen(p.amount)}` }),
        )));
      } catch (error) {
        ctx.toasts.error(toErrorInfo(error));
      }
    },
  };
}
