import { h, replaceChildren } from '../lib/dom';
import type { ShellContext } from '../state';

/** The "All apps" menu of an inspector section: the apps seen in its rows plus every installed app. */
export function createAppFilter(ctx: ShellContext, testid: string, onChange: () => void): { el: HTMLSelectElement; fill(seen: Iterable<string>): void; names(): Map<string, string> } {
  const el = h('select', { class: 'input input-compact', testid, attrs: { 'aria-label': 'Filter by app' } });
  el.addEventListener('change', onChange);
  const names = (): Map<string, string> => new Map(ctx.state.get().apps.map((a) => [a.appId, a.name]));
  return {
    el,
    names,
    fill(seen) {
      const known = names();
      const ids = [...new Set([...seen, ...known.keys()])].sort();
      const current = el.value;
      replaceChildren(el, h('option', { attrs: { value: '' }, text: 'All apps' }), ids.map((id) => h('option', { attrs: { value: id }, text: known.get(id) ?? id })));
      el.value = ids.includes(current) ? current : '';
    },
  };
}
