import { createDialog } from './dialog';
import { button, h } from './dom';

export interface PreviewImageOptions {
  urls: string[];
  /** the URL shown first; the first image when it is not one of `urls` */
  current: string;
  /** what the image requests send as Referer (WeChat's default: nothing) */
  referrerPolicy?: 'origin' | 'no-referrer';
}

/**
 * wx.previewImage's viewer: one image at a time on a dark backdrop, Left/Right (or the arrow buttons)
 * to move, Escape, the close button or a click on the backdrop to leave. Returns once it is showing,
 * as WeChat's success does; the returned promise `closed` settles when the user leaves.
 */
export function openImagePreview(doc: Document, options: PreviewImageOptions): { closed: Promise<void> } {
  let index = Math.max(0, options.urls.indexOf(options.current));
  let done: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (done = resolve));
  const close = () => {
    dialog.close();
    done();
  };
  const dialog = createDialog(doc, { kind: 'preview', label: 'Image preview', onDismiss: close, maskCloses: true });
  const img = h(doc, 'img', 'wx-preview-image');
  img.alt = '';
  img.referrerPolicy = options.referrerPolicy ?? 'no-referrer';
  const counter = h(doc, 'p', 'wx-preview-counter');
  counter.setAttribute('aria-live', 'polite');
  const show = (next: number) => {
    index = (next + options.urls.length) % options.urls.length;
    img.src = options.urls[index]!;
    counter.textContent = `${index + 1} / ${options.urls.length}`;
  };
  const prev = button(doc, 'wx-preview-nav wx-preview-prev', '‹', () => show(index - 1));
  prev.setAttribute('aria-label', 'Previous image');
  const next = button(doc, 'wx-preview-nav wx-preview-next', '›', () => show(index + 1));
  next.setAttribute('aria-label', 'Next image');
  const closeButton = button(doc, 'wx-preview-close', '×', close);
  closeButton.setAttribute('aria-label', 'Close');
  const single = options.urls.length < 2;
  prev.hidden = single;
  next.hidden = single;
  dialog.panel.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowLeft') show(index - 1);
    else if (e.key === 'ArrowRight') show(index + 1);
    else return;
    e.preventDefault();
  });
  // A click on the image itself must not count as a click on the backdrop.
  dialog.panel.addEventListener('click', (e) => {
    if (e.target === dialog.panel) close();
  });
  dialog.panel.append(img, prev, next, counter, closeButton);
  show(index);
  dialog.open(closeButton);
  return { closed };
}
