import type * as glassEasel from 'glass-easel';
import { Op, type RenderOp } from '../protocol';
import type { OpQueue } from './op-queue';
import type { ViewCalls } from './view-calls';
import { modelAttribute } from './model-bindings';

type Ctx = glassEasel.composedBackend.Context;
type El = glassEasel.composedBackend.Element;
type EventListener = Parameters<Ctx['onEvent']>[0];

/** BackendMode.Composed: an ambient const enum, which isolated modules cannot read */
const COMPOSED_MODE = 2 as Ctx['mode'];

export interface WindowSize {
  width: number;
  height: number;
  pixelRatio: number;
}

/**
 * glass-easel's composed backend, implemented without a DOM: every backend element is a number, and every
 * call becomes an operation in the queue that the view layer replays on real DOM nodes. glass-easel keeps
 * the composed tree itself, so nothing here tracks children.
 */
export class RecordingBackend implements Ctx {
  readonly mode = COMPOSED_MODE;
  private nextId = 1;
  private readonly nodes = new Map<number, RecordedElement>();
  private listener: EventListener | undefined;
  private readonly root: RecordedElement;
  private styleSheetIndex = 0;
  /** how elements measure themselves in the view (set by the runtime once it has its view channel) */
  views: ViewCalls | undefined;
  /** what SelectorQuery `node` / `context` get for an element (canvas-nodes.ts); unset: null, as glass-easel's empty backend */
  handles: ((element: RecordedElement, cb: (res: unknown) => void) => void) | undefined;
  /** intersection observers by id, for the view's reports */
  readonly observers = new Map<number, (status: Record<string, unknown>) => void>();
  private nextObserver = 1;

  constructor(
    readonly queue: OpQueue,
    /** glass-easel's style scope id -> the name the compiler used as class prefix ('' for app.wxss) */
    readonly scopeName: (scope: number) => string | undefined,
    public windowSize: WindowSize,
  ) {
    this.root = this.createElement('wx-root', 'wx-root');
  }

  /** the element for a node id the view sent back, if it still exists */
  element(id: number): RecordedElement | undefined {
    return this.nodes.get(id);
  }

  get eventListener(): EventListener | undefined {
    return this.listener;
  }

  /** @internal used by elements */
  allocate(element: RecordedElement): number {
    const id = this.nextId++;
    this.nodes.set(id, element);
    return id;
  }

  /** @internal */
  forget(id: number): void {
    this.nodes.delete(id);
  }

  destroy(): void {
    this.nodes.clear();
  }
  getWindowWidth(): number {
    return this.windowSize.width;
  }
  getWindowHeight(): number {
    return this.windowSize.height;
  }
  getDevicePixelRatio(): number {
    return this.windowSize.pixelRatio;
  }
  getTheme(): string {
    return 'light';
  }
  registerStyleSheetContent(): void {
    // every style sheet is already in app.css, which the view page links
  }
  appendStyleSheetPath(): number {
    return ++this.styleSheetIndex;
  }
  disableStyleSheet(): void {
    // app.css stays whole; scoped classes keep one component's rules off another's nodes
  }
  render(cb: (err: Error | null) => void): void {
    this.queue.afterCommit(() => cb(null));
  }
  getRootNode(): El {
    return this.root;
  }
  createElement(logicalName: string, stylingName: string): RecordedElement {
    const element = new RecordedElement(this, logicalName);
    this.queue.push([Op.element, element.id, logicalName, stylingName]);
    return element;
  }
  createTextNode(content: string): RecordedElement {
    const element = new RecordedElement(this);
    this.queue.push([Op.text, element.id, content]);
    return element;
  }
  createFragment(): RecordedElement {
    const element = new RecordedElement(this);
    this.queue.push([Op.fragment, element.id]);
    return element;
  }
  onEvent(listener: EventListener): void {
    this.listener = listener;
  }

  /** @internal an intersection observer of one element: the view watches, reports come back by id */
  observe(target: number, relativeTo: number | undefined, margin: string, thresholds: number[], listener: (status: Record<string, unknown>) => void): glassEasel.backend.Observer {
    const observer = this.nextObserver++;
    this.observers.set(observer, listener);
    void this.views?.call('__observe', { observer, target, relativeTo, margin, thresholds });
    return {
      disconnect: () => {
        this.observers.delete(observer);
        void this.views?.call('__unobserve', { observer });
      },
    };
  }
}

export class RecordedElement implements El {
  readonly id: number;
  __wxElement?: glassEasel.Element;
  /** the element's own style scope: `*-class` attributes are written with its prefix, like `class` */
  private styleScope: number | undefined;
  /** two-way bindings (`model:value`) glass-easel asked this node to report, by attribute */
  private models: Map<string, (newValue: unknown) => void> | undefined;

  constructor(
    private readonly ctx: RecordingBackend,
    /** the WXML tag of an element node (`input`, `view`, …); undefined for text and fragments */
    readonly tag?: string,
  ) {
    this.id = ctx.allocate(this);
  }

  private push(op: RenderOp): void {
    this.ctx.queue.push(op);
  }

  release(): void {
    this.ctx.forget(this.id);
    this.__wxElement = undefined;
    this.push([Op.release, this.id]);
  }
  associateValue(v: glassEasel.Element): void {
    this.__wxElement = v;
  }
  appendChild(child: El): void {
    this.push([Op.append, this.id, idOf(child)]);
  }
  removeChild(child: El): void {
    this.push([Op.remove, this.id, idOf(child)]);
  }
  insertBefore(child: El, before: El | undefined): void {
    if (before) this.push([Op.insert, this.id, idOf(child), idOf(before)]);
    else this.push([Op.append, this.id, idOf(child)]);
  }
  replaceChild(child: El, oldChild: El): void {
    this.push([Op.replace, this.id, idOf(child), idOf(oldChild)]);
  }
  spliceBefore(before: El, deleteCount: number, list: El): void {
    this.push([Op.spliceBefore, this.id, idOf(before), deleteCount, idOf(list)]);
  }
  spliceAppend(list: El): void {
    this.push([Op.spliceAppend, this.id, idOf(list)]);
  }
  spliceRemove(before: El, deleteCount: number): void {
    this.push([Op.spliceRemove, this.id, idOf(before), deleteCount]);
  }
  setId(id: string): void {
    this.push([Op.setId, this.id, this.withoutIdPrefix(id)]);
  }
  setStyleScope(styleScope: number, _extraStyleScope?: number, hostStyleScope?: number): void {
    this.styleScope = styleScope;
    if (hostStyleScope === undefined) return;
    const name = this.ctx.scopeName(hostStyleScope);
    if (name) this.push([Op.setHostScope, this.id, name]);
  }
  setStyle(styleText: string): void {
    this.push([Op.setStyle, this.id, styleText]);
  }
  addClass(elementClass: string, styleScope?: number): void {
    this.push([Op.addClass, this.id, this.scoped(elementClass, styleScope)]);
  }
  removeClass(elementClass: string, styleScope?: number): void {
    this.push([Op.removeClass, this.id, this.scoped(elementClass, styleScope)]);
  }
  clearClasses(): void {
    this.push([Op.clearClasses, this.id]);
  }
  setAttribute(name: string, value: unknown): void {
    // hover-class, placeholder-class...: class names of the page's WXSS, so they need the scope prefix
    if (name.endsWith('-class') && typeof value === 'string') {
      const mapped = value === 'none' ? value : value.split(/\s+/).filter(Boolean).map((c) => this.scoped(c, this.styleScope)).join(' ');
      this.push([Op.setAttr, this.id, name, mapped]);
      return;
    }
    // rich-text's nodes carry class names of the page's WXSS too: the view gets the prefix first
    if (name === 'nodes') {
      const prefix = this.styleScope === undefined ? '' : (this.ctx.scopeName(this.styleScope) ?? '');
      this.push([Op.setAttr, this.id, 'wx-class-prefix', prefix]);
    }
    this.push([Op.setAttr, this.id, name, cloneable(value)]);
  }
  removeAttribute(name: string): void {
    this.push([Op.removeAttr, this.id, name]);
  }
  setText(content: string): void {
    this.push([Op.setText, this.id, content]);
  }
  getBoundingClientRect(cb: (res: { left: number; top: number; width: number; height: number }) => void): void {
    void this.measure('__rect', { left: 0, top: 0, width: 0, height: 0 }).then(cb);
  }
  getScrollOffset(cb: (res: { scrollLeft: number; scrollTop: number; scrollWidth: number; scrollHeight: number }) => void): void {
    void this.measure('__scrollOffset', { scrollLeft: 0, scrollTop: 0, scrollWidth: 0, scrollHeight: 0 }).then(cb);
  }
  createIntersectionObserver(relativeElement: El | null, relativeElementMargin: string, thresholds: number[], listener: (res: glassEasel.backend.IntersectionStatus) => void): glassEasel.backend.Observer {
    const relativeTo = relativeElement ? idOf(relativeElement) : undefined;
    return this.ctx.observe(this.id, relativeTo, relativeElementMargin, thresholds, listener as unknown as (status: Record<string, unknown>) => void);
  }

  getContext(cb: (res: unknown) => void): void {
    if (this.ctx.handles) this.ctx.handles(this, cb);
    else cb(null);
  }

  /** asks the view to measure this node; zeros when the view cannot (as glass-easel's empty backend) */
  private async measure<T extends Record<string, number>>(api: string, zero: T): Promise<T> {
    const outcome = await this.ctx.views?.call(api, { node: this.id });
    return outcome?.ok ? ({ ...zero, ...outcome.result, errMsg: undefined } as unknown as T) : zero;
  }
  setModelBindingStat(attributeName: string, listener: ((newValue: unknown) => void) | null): void {
    if (listener) (this.models ??= new Map()).set(attributeName, listener);
    else this.models?.delete(attributeName);
  }

  /**
   * A user's edit in the view updates the page data bound with `model:` before the event's handlers run,
   * so a `bindinput` handler already reads the new value in `this.data` (glass-easel then re-renders).
   */
  applyModel(eventType: string, detail: unknown): void {
    if (!this.models || this.tag === undefined) return;
    const attribute = modelAttribute(this.tag, eventType);
    const listener = attribute === undefined ? undefined : this.models.get(attribute);
    if (listener && detail !== null && typeof detail === 'object' && 'value' in detail) listener((detail as { value: unknown }).value);
  }
  setListenerStats(type: string, capture: boolean): void {
    this.push([Op.listen, this.id, type, capture]);
  }

  /** the compiler prefixed class selectors the same way: `<scope>--<class>`, unprefixed for app.wxss */
  private scoped(elementClass: string, styleScope: number | undefined): string {
    const prefix = styleScope === undefined ? '' : this.ctx.scopeName(styleScope);
    return prefix ? `${prefix}--${elementClass}` : elementClass;
  }

  /**
   * The adapter gives every component a random id prefix (`<prefix>--<id>`) so ids cannot clash across
   * components; WXSS `#id` selectors are written without it, so the DOM gets the id as the author wrote it.
   */
  private withoutIdPrefix(id: string): string {
    const host = this.__wxElement?.ownerShadowRoot?.getHostNode() as { _$idPrefix?: string } | undefined;
    const prefix = host?._$idPrefix;
    if (prefix && id.startsWith(`${prefix}--`)) return id.slice(prefix.length + 2);
    return id;
  }
}

function idOf(element: El): number {
  return (element as RecordedElement).id;
}

/** attribute values cross to the view by structured clone: functions and the like become strings */
function cloneable(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value;
  if (type === 'object') {
    try {
      return JSON.parse(JSON.stringify(value)) as unknown;
    } catch {
      return String(value);
    }
  }
  return String(value);
}
