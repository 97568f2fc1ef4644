import { iconSvg } from '../components/icon-svg';
import { h, overlayRoot } from './dom';

export type ToastIcon = 'success' | 'error' | 'loading' | 'none';

export interface ToastOptions {
  title: string;
  icon: ToastIcon;
  /** a URL the view can load; has priority over icon (WeChat's rule) */
  image?: string;
  /** ms; 0 or less keeps it up until hideToast */
  duration: number;
  mask: boolean;
}

/**
 * The view's one toast box. showToast and showLoading share it (WeChat: "only one of the two at a time").
 * As in WeChat, hideToast and hideLoading close whichever is up, unless the caller passes noConflict: then
 * each closes only its own kind, so a late hideToast cannot end a loading indicator.
 */
export class ToastBox {
  private current: { kind: 'toast' | 'loading'; node: HTMLElement; timer?: ReturnType<typeof setTimeout> } | undefined;

  constructor(private readonly doc: Document) {}

  showToast(options: ToastOptions): void {
    const node = this.render('toast', options.title, options.mask, this.toastIcon(options));
    this.current = { kind: 'toast', node };
    if (options.duration > 0) this.current.timer = setTimeout(() => this.hide('toast'), options.duration);
  }

  showLoading(options: { title: string; mask: boolean }): void {
    const node = this.render('loading', options.title, options.mask, h(this.doc, 'span', 'wx-spinner'));
    this.current = { kind: 'loading', node };
  }

  /** true when a box was closed: one of that kind, or (noConflict false) whichever is up */
  hide(kind: 'toast' | 'loading', noConflict = true): boolean {
    if (!this.current || (noConflict && this.current.kind !== kind)) return false;
    clearTimeout(this.current.timer);
    this.current.node.remove();
    this.current = undefined;
    return true;
  }

  private toastIcon(options: ToastOptions): Element | undefined {
    if (options.image) {
      const img = h(this.doc, 'img', 'wx-toast-image');
      img.src = options.image;
      img.alt = '';
      return img;
    }
    if (options.icon === 'loading') return h(this.doc, 'span', 'wx-spinner');
    if (options.icon === 'success') return iconSvg(this.doc, 'success_no_circle', 40, '#fff');
    if (options.icon === 'error') return iconSvg(this.doc, 'cancel', 40, '#fff');
    return undefined;
  }

  private render(kind: 'toast' | 'loading', title: string, mask: boolean, icon: Element | undefined): HTMLElement {
    if (this.current) this.hide(this.current.kind);
    // With mask the whole view is covered by a transparent layer that takes the clicks ("no touch-through").
    const wrap = h(this.doc, 'div', mask ? 'wx-toast-wrap wx-toast-masked' : 'wx-toast-wrap');
    const box = h(this.doc, 'div', icon ? 'wx-toast' : 'wx-toast wx-toast-text');
    box.dataset.kind = kind;
    box.setAttribute('role', kind === 'loading' ? 'progressbar' : 'status');
    box.setAttribute('aria-live', 'polite');
    if (kind === 'loading') box.setAttribute('aria-label', title);
    if (icon) box.append(icon);
    box.append(h(this.doc, 'p', 'wx-toast-title', title));
    wrap.append(box);
    overlayRoot(this.doc).append(wrap);
    return wrap;
  }
}
