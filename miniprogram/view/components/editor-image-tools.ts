/**
 * show-img-size / show-img-toolbar / show-img-resize: what a click on an image in the editor shows. On a
 * desktop: a frame around the image with its size in pixels (size), a Delete button (toolbar), and a corner
 * handle dragged with the mouse to change its width, height following (resize). Changes are made on the img
 * itself; Quill sees them as the user's edits (they show in the delta and can be undone).
 */
export type ImageToolOption = 'size' | 'toolbar' | 'resize';

const MIN_WIDTH = 20;
/** px between the image and its toolbar (components.css uses the same) */
const TOOLBAR_GAP = 6;

export class EditorImageTools {
  private readonly options = new Set<ImageToolOption>();
  private readonly frame: HTMLDivElement;
  private readonly size: HTMLSpanElement;
  private readonly toolbar: HTMLDivElement;
  private readonly handle: HTMLSpanElement;
  private image: HTMLImageElement | undefined;

  constructor(private readonly element: HTMLElement) {
    this.frame = document.createElement('div');
    this.frame.className = 'wx-editor-image-frame';
    this.frame.hidden = true;
    this.size = document.createElement('span');
    this.size.className = 'wx-editor-image-size';
    this.toolbar = document.createElement('div');
    this.toolbar.className = 'wx-editor-image-toolbar';
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Delete';
    remove.addEventListener('click', () => {
      this.image?.remove();
      this.hide();
    });
    this.toolbar.append(remove);
    this.handle = document.createElement('span');
    this.handle.className = 'wx-editor-image-handle';
    this.handle.setAttribute('aria-hidden', 'true');
    this.handle.addEventListener('pointerdown', (e) => this.startResize(e));
    this.frame.append(this.size, this.toolbar, this.handle);
    element.append(this.frame);
  }

  setOption(option: ImageToolOption, on: boolean): void {
    if (on) this.options.add(option);
    else this.options.delete(option);
    if (this.image) this.show(this.image);
  }

  /** listens on the editor's content (Quill's container) */
  attach(container: HTMLElement): void {
    container.addEventListener('click', (e) => {
      const target = e.target;
      if (target instanceof HTMLImageElement && this.options.size > 0) this.show(target);
      else this.hide();
    });
    container.addEventListener('keydown', () => this.hide());
    container.addEventListener('scroll', () => this.hide(), true);
  }

  private show(image: HTMLImageElement): void {
    if (this.options.size === 0 || !image.isConnected) return this.hide();
    this.image = image;
    const box = this.element.getBoundingClientRect();
    const r = image.getBoundingClientRect();
    Object.assign(this.frame.style, { left: `${r.left - box.left}px`, top: `${r.top - box.top}px`, width: `${r.width}px`, height: `${r.height}px` });
    this.size.hidden = !this.options.has('size');
    this.size.textContent = `${Math.round(r.width)} × ${Math.round(r.height)}`;
    this.toolbar.hidden = !this.options.has('toolbar');
    this.handle.hidden = !this.options.has('resize');
    this.frame.hidden = false;
    // The toolbar sits beside the image, on the image's own line (above it, it covered the text there); an
    // image too wide to leave room for it gets it inside its top-right corner.
    const room = this.element.clientWidth - (r.right - box.left);
    this.frame.dataset['toolbar'] = room >= this.toolbar.offsetWidth + TOOLBAR_GAP * 2 ? 'beside' : 'inside';
  }

  private hide(): void {
    this.image = undefined;
    this.frame.hidden = true;
  }

  private startResize(down: PointerEvent): void {
    const image = this.image;
    if (!image || down.button !== 0) return;
    down.preventDefault();
    this.handle.setPointerCapture(down.pointerId);
    const startWidth = image.getBoundingClientRect().width;
    const maxWidth = this.element.clientWidth;
    const move = (e: PointerEvent) => {
      const width = Math.round(Math.min(maxWidth, Math.max(MIN_WIDTH, startWidth + e.clientX - down.clientX)));
      image.setAttribute('width', String(width));
      image.removeAttribute('height');
      this.show(image);
    };
    const up = () => {
      this.handle.removeEventListener('pointermove', move);
      this.handle.removeEventListener('pointerup', up);
      this.handle.removeEventListener('pointercancel', up);
    };
    this.handle.addEventListener('pointermove', move);
    this.handle.addEventListener('pointerup', up);
    this.handle.addEventListener('pointercancel', up);
  }
}
