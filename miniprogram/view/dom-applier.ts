import { CUSTOM_TAB_BAR_SLOT, Op, type NavBarColorAnimation, type NavBarField, type PageWindow, type RenderOp } from '../protocol';
import { rpxInStyle } from '../rpx';
import { playAnimation } from './animation-player';
import { createCustomTabBarSlot } from './chrome/custom-tab-bar-slot';
import { builtin, type BuiltinContext, type BuiltinInstance } from './components/registry';

/** What the applier asks of the page chrome (page containers, nav bar) for the page-level operations. */
export interface PageHost {
  create(pageId: number, holder: HTMLElement, route: string, window: PageWindow): void;
  show(pageId: number): void;
  destroy(pageId: number): void;
  /** `set`: the navigation bar fields a wx API call set (Op.pageWindow); `animation`: setNavigationBarColor's */
  setWindow(pageId: number, window: PageWindow, set?: readonly NavBarField[], animation?: NavBarColorAnimation): void;
  stopPullDownRefresh(pageId: number): void;
  /** to `scrollTop`, or with `target` to that node's top plus `offsetTop` (pageScrollTo's selector) */
  scrollTo(pageId: number, scrollTop: number, duration: number, target?: { node: Node | undefined; offsetTop: number }): void;
  /** the page's initial-data render is in `holder` now (WeChat's initial rendering cache records it) */
  initialRender?(pageId: number, holder: HTMLElement, route: string, window: PageWindow): void;
}

const SAFE_TAG = /^[a-z][a-z0-9._-]*$/;
const SAFE_ATTRIBUTE = /^[a-z_][a-z0-9_.:-]*$/i;

/** a custom component's host or an unknown WXML tag -> an inert DOM tag (never a real <script>, <iframe>...) */
function domTag(name: string): string {
  const lower = name.toLowerCase();
  if (lower === 'page') return 'wx-page';
  if (!SAFE_TAG.test(lower)) return 'wx-x';
  return lower.includes('-') ? lower : `wx-${lower}`;
}

/** removes `count` siblings starting at `first`; returns the node after them (where a splice inserts) */
function removeRun(parent: Node, first: Node, count: number): Node | null {
  let cursor: Node | null = first;
  for (let i = 0; i < count && cursor; i++) {
    const next: Node | null = cursor.nextSibling;
    parent.removeChild(cursor);
    cursor = next;
  }
  return cursor;
}

/**
 * Replays the logic layer's render operations on the DOM. Node ids map to DOM nodes; built-in tags get
 * their component's DOM (components/), everything else an inert custom element.
 */
export class DomApplier {
  private readonly nodes = new Map<number, Node>();
  private readonly builtins = new Map<number, BuiltinInstance>();
  /** WeChat event types each node listens for (from setListenerStats), so the view only sends useful events */
  private readonly listening = new Map<number, Set<string>>();
  private readonly ids = new WeakMap<Node, number>();

  constructor(
    private readonly pages: PageHost,
    private readonly contextFor: (nodeId: number) => BuiltinContext,
  ) {}

  /** the node id of a DOM node, or of its nearest ancestor that has one */
  nodeIdOf(target: EventTarget | null): number | undefined {
    for (let n = target as Node | null; n; n = n.parentNode) {
      const id = this.ids.get(n);
      if (id !== undefined) return id;
    }
    return undefined;
  }

  /** the DOM node of a node id, if it still exists */
  domNode(id: number): Node | undefined {
    return this.nodes.get(id);
  }

  /** hands an event handler's return value to the built-in that sent the event */
  eventResult(id: number, type: string, value: unknown, seq?: number): void {
    this.builtins.get(id)?.eventResult?.(type, value, seq);
  }

  /** does this node or one of its ancestors listen for `type`? */
  listens(target: EventTarget | null, type: string): boolean {
    for (let n = target as Node | null; n; n = n.parentNode) {
      const id = this.ids.get(n);
      if (id !== undefined && this.listening.get(id)?.has(type)) return true;
    }
    return false;
  }

  apply(ops: RenderOp[]): void {
    for (const op of ops) {
      try {
        this.applyOne(op);
      } catch (e) {
        console.error('mini program view: could not apply a render operation', op, e);
      }
    }
  }

  private node(id: unknown): Node {
    const node = this.nodes.get(id as number);
    if (!node) throw new Error(`unknown node ${String(id)}`);
    return node;
  }

  private element(id: unknown): HTMLElement {
    return this.node(id) as HTMLElement;
  }

  /** where children of a node go (a built-in may keep them in an inner element) */
  private container(id: unknown): Node {
    return this.builtins.get(id as number)?.children ?? this.node(id);
  }

  private register(id: number, node: Node): void {
    this.nodes.set(id, node);
    this.ids.set(node, id);
  }

  private createElement(id: number, logicalName: string, stylingName: string): void {
    if (logicalName === CUSTOM_TAB_BAR_SLOT) return this.register(id, createCustomTabBarSlot());
    const component = logicalName === 'wx-x' ? undefined : builtin(logicalName);
    if (component) {
      const instance = component.create(this.contextFor(id));
      this.builtins.set(id, instance);
      this.register(id, instance.element);
      return;
    }
    this.register(id, document.createElement(domTag(logicalName === 'wx-x' ? stylingName : logicalName)));
  }

  private setAttribute(id: number, name: string, value: unknown): void {
    // wx.createAnimation's data plays on any element (view, image, text...); it is never a DOM attribute
    if (name === 'animation') return playAnimation(this.element(id), value);
    if (this.builtins.get(id)?.set?.(name, value)) return;
    if (!SAFE_ATTRIBUTE.test(name) || name.toLowerCase().startsWith('on')) return;
    const element = this.element(id);
    if (value === false || value === null || value === undefined) element.removeAttribute(name);
    else element.setAttribute(name, value === true ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
  }

  private removeAttribute(id: number, name: string): void {
    if (this.builtins.get(id)?.remove?.(name)) return;
    if (SAFE_ATTRIBUTE.test(name)) this.element(id).removeAttribute(name);
  }

  private applyOne(op: RenderOp): void {
    const [code, a, b, c, d, e] = op as [number, number, unknown, unknown, unknown, unknown];
    switch (code) {
      case Op.element:
        return this.createElement(a, String(b), String(c));
      case Op.text:
        return this.register(a, document.createTextNode(String(b)));
      case Op.fragment:
        return this.register(a, document.createDocumentFragment());
      case Op.append:
        this.container(a).appendChild(this.node(b));
        return;
      case Op.insert:
        this.container(a).insertBefore(this.node(b), this.node(c));
        return;
      case Op.remove:
        this.container(a).removeChild(this.node(b));
        return;
      case Op.replace:
        this.container(a).replaceChild(this.node(b), this.node(c));
        return;
      case Op.spliceBefore: {
        const parent = this.container(a);
        parent.insertBefore(this.node(d), removeRun(parent, this.node(b), c as number));
        return;
      }
      case Op.spliceAppend:
        this.container(a).appendChild(this.node(b));
        return;
      case Op.spliceRemove:
        removeRun(this.container(a), this.node(b), c as number);
        return;
      case Op.setId:
        this.element(a).id = String(b);
        return;
      case Op.setHostScope:
        this.element(a).setAttribute('wx-host', String(b));
        return;
      case Op.addClass:
        this.element(a).classList.add(String(b));
        return;
      case Op.removeClass:
        this.element(a).classList.remove(String(b));
        return;
      case Op.clearClasses:
        this.element(a).removeAttribute('class');
        return;
      case Op.setStyle:
        this.element(a).style.cssText = rpxInStyle(String(b));
        return;
      case Op.setAttr:
        return this.setAttribute(a, String(b), c);
      case Op.removeAttr:
        return this.removeAttribute(a, String(b));
      case Op.setText:
        this.node(a).textContent = String(b);
        return;
      case Op.listen: {
        const set = this.listening.get(a) ?? new Set<string>();
        set.add(String(b));
        this.listening.set(a, set);
        return;
      }
      case Op.release:
        this.nodes.delete(a);
        this.builtins.delete(a);
        this.listening.delete(a);
        return;
      case Op.pageCreate:
        return this.pages.create(a, this.element(b), String(c), d as PageWindow);
      case Op.pageShow:
        return this.pages.show(a);
      case Op.pageDestroy:
        return this.pages.destroy(a);
      case Op.pageWindow:
        return this.pages.setWindow(a, b as PageWindow, c as readonly NavBarField[] | undefined, d as NavBarColorAnimation | undefined);
      case Op.stopPullDownRefresh:
        return this.pages.stopPullDownRefresh(a);
      case Op.pageScrollTo:
        return this.pages.scrollTo(a, Number(b), Number(c), d === undefined ? undefined : { node: this.nodes.get(d as number), offsetTop: Number(e ?? 0) });
      case Op.initialRender:
        return this.pages.initialRender?.(a, this.element(b), String(c), d as PageWindow);
    }
  }
}
