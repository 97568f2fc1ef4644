/**
 * Desktop host only: a mini program is a native view placed over the stage, not an element of this page.
 * Two things follow, both arranged here and in styles.css (html.host-native):
 *
 * - While a sheet is open the host raises this page's view above the app. The page (and its view, whose
 *   background main sets transparent) is see-through where the app is, so the app stays visible under
 *   the sheet's dimmed backdrop instead of disappearing behind an opaque stage.
 * - Toasts live in this page, and a native view covers whatever lies under it and cannot be clicked
 *   through. So while toasts show, the stage gives up a strip at the bottom as tall as they are (the app
 *   view is laid out from the stage's bounds) and the toasts show in that strip, beside the running app,
 *   like a browser's infobar.
 */
export function layerForNativeViews(doc: Document, toasts: HTMLElement): void {
  doc.documentElement.classList.add('host-native');
  const update = (): void => {
    const height = toasts.childElementCount > 0 ? Math.ceil(toasts.getBoundingClientRect().height) : 0;
    doc.documentElement.style.setProperty('--toast-tray', height > 0 ? `calc(${height}px + 2 * var(--s5))` : '0px');
  };
  new ResizeObserver(update).observe(toasts);
  new MutationObserver(update).observe(toasts, { childList: true });
  update();
}
