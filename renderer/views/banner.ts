import { h, icon, ICONS } from '../lib/dom';
import type { ConnectionState } from '../shell-api-client';

/** The connection-lost banner: the UI stays usable to read, and says it is coming back by itself. */
export function createConnectionBanner(): { el: HTMLElement; update(state: ConnectionState): void } {
  const text = h('span', { text: '' });
  const el = h('div', { class: 'banner', testid: 'connection-banner', attrs: { role: 'status', hidden: true } }, icon(ICONS.wifiOff, 16), text);
  return {
    el,
    update(state) {
      el.hidden = state === 'open' || state === 'connecting';
      text.textContent =
        state === 'closed' ? 'Disconnected from the shell host. Reload the page to reconnect.' : 'Connection to the shell host lost. Reconnecting…';
    },
  };
}
