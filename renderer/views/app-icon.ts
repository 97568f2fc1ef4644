import { h } from '../lib/dom';
import { letterFor, toneFor } from '../lib/letter-icon';

/** An app's icon, or its first letter on a colour of its own when it has none (or it fails to load). */
export function appIcon(app: { appId: string; name: string; iconUrl?: string | undefined }, size: 'sm' | 'md' | 'lg'): HTMLElement {
  const placeholder = (): HTMLElement => {
    const el = h('span', { class: `app-icon app-icon-${size} app-icon-letter`, attrs: { 'aria-hidden': 'true' }, text: letterFor(app.name) });
    el.style.backgroundColor = toneFor(app.appId);
    return el;
  };
  if (!app.iconUrl) return placeholder();
  const img = h('img', { class: `app-icon app-icon-${size}`, attrs: { alt: '', draggable: 'false' }, props: { src: app.iconUrl } });
  img.addEventListener('error', () => img.replaceWith(placeholder()), { once: true });
  return img;
}
