import { h } from '../lib/dom';

export interface InspectorTab {
  id: string;
  label: string;
  panel: HTMLElement;
}

/**
 * The inspector's sections as a WAI-ARIA tab strip: one tab stop (the selected tab), Left/Right/Home/End move
 * between tabs and select them, each panel is labelled by its tab. `counts` shows a number beside a label.
 */
export function createTabStrip(tabs: readonly InspectorTab[], onSelect: (id: string) => void): { el: HTMLElement; select(id: string): void; setCount(id: string, count: number): void; selected(): string } {
  let current = tabs[0]!.id;
  const buttons = new Map<string, HTMLButtonElement>();
  const counts = new Map<string, HTMLElement>();
  const strip = h('div', { class: 'inspector-tabs', attrs: { role: 'tablist', 'aria-label': 'Inspector sections' } });

  const select = (id: string, focus = false, notify = true): void => {
    current = id;
    for (const tab of tabs) {
      const on = tab.id === id;
      const button = buttons.get(tab.id)!;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
      tab.panel.hidden = !on;
      if (on && focus) button.focus();
    }
    if (notify) onSelect(id);
  };

  for (const tab of tabs) {
    const count = h('span', { class: 'tab-count', attrs: { hidden: true } });
    counts.set(tab.id, count);
    const button = h('button', {
      class: 'inspector-tab',
      testid: `inspector-tab-${tab.id}`,
      attrs: { type: 'button', role: 'tab', id: `inspector-tab-${tab.id}`, 'aria-controls': `inspector-panel-${tab.id}` },
      on: { click: () => select(tab.id) },
    }, h('span', { text: tab.label }), count);
    buttons.set(tab.id, button);
    tab.panel.id = `inspector-panel-${tab.id}`;
    tab.panel.setAttribute('role', 'tabpanel');
    tab.panel.setAttribute('aria-labelledby', button.id);
    strip.append(button);
  }
  strip.addEventListener('keydown', (event) => {
    const index = tabs.findIndex((t) => t.id === current);
    const last = tabs.length - 1;
    const next = event.key === 'ArrowRight' ? (index + 1) % tabs.length : event.key === 'ArrowLeft' ? (index + last) % tabs.length : event.key === 'Home' ? 0 : event.key === 'End' ? last : -1;
    if (next < 0) return;
    event.preventDefault();
    select(tabs[next]!.id, true);
  });
  select(current, false, false);

  return {
    el: strip,
    select: (id) => select(id),
    selected: () => current,
    setCount(id, value) {
      const el = counts.get(id);
      if (!el) return;
      el.hidden = value === 0;
      el.textContent = value > 999 ? '999+' : String(value);
    },
  };
}
