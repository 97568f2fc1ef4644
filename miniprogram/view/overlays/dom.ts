/** Creates an element with a class and optional text: overlays build their DOM with this, never with HTML strings. */
export function h<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A real <button type="button">: Enter, Space, focus ring and screen readers come with it. */
export function button(doc: Document, className: string, text: string, onPress: () => void): HTMLButtonElement {
  const b = h(doc, 'button', className, text);
  b.type = 'button';
  b.addEventListener('click', (e) => {
    e.stopPropagation();
    onPress();
  });
  return b;
}

/** The one layer every overlay of this view is drawn in, above the page (created on first use). */
export function overlayRoot(doc: Document): HTMLElement {
  const existing = doc.querySelector<HTMLElement>(':scope > body > .wx-overlays');
  if (existing) return existing;
  const root = h(doc, 'div', 'wx-overlays');
  doc.body.append(root);
  return root;
}
