import { Op, type PageWindow, type RenderOp, type ToView } from '../../../../miniprogram/protocol';

interface TreeNode {
  id: number;
  tag: string;
  text?: string;
  attrs: Map<string, unknown>;
  classes: string[];
  domId?: string;
  style?: string;
  listens: Set<string>;
  children: TreeNode[];
  parent?: TreeNode;
}

/**
 * A stand-in for the view layer in Node: replays render operations on plain objects, tracks the page
 * stack the way the view draws it, and renders the visible page as HTML for assertions.
 */
export class ViewTree {
  readonly nodes = new Map<number, TreeNode>();
  readonly pages = new Map<number, { holder: number; route: string; window: PageWindow }>();
  visiblePage: number | undefined;
  batches: RenderOp[][] = [];
  errors: Array<{ message: string; where?: string }> = [];
  autoCommit = true;
  /** every message that is not a render batch (view calls, event results, errors...) */
  others: ToView[] = [];
  private pendingCommits: number[] = [];

  constructor(private readonly commit: (seq: number) => void) {}

  receive = (message: ToView): void => {
    if (message.t === 'error') this.errors.push({ message: message.message, ...(message.where ? { where: message.where } : {}) });
    if (message.t !== 'render') {
      this.others.push(message);
      return;
    }
    this.batches.push(message.ops);
    for (const op of message.ops) this.apply(op);
    if (this.autoCommit) queueMicrotask(() => this.commit(message.seq));
    else this.pendingCommits.push(message.seq);
  };

  /** acknowledges the batches held back while autoCommit was off */
  release(): void {
    for (const seq of this.pendingCommits.splice(0)) this.commit(seq);
  }

  private node(id: unknown): TreeNode {
    const n = this.nodes.get(id as number);
    if (!n) throw new Error(`op on unknown node ${String(id)}`);
    return n;
  }

  private detach(child: TreeNode): void {
    if (!child.parent) return;
    child.parent.children.splice(child.parent.children.indexOf(child), 1);
    child.parent = undefined;
  }

  private insertAt(parent: TreeNode, index: number, list: TreeNode[]): void {
    for (const c of list) this.detach(c);
    parent.children.splice(index, 0, ...list);
    for (const c of list) c.parent = parent;
  }

  private apply(op: RenderOp): void {
    const [code, a, b, c, d] = op as [number, unknown, unknown, unknown, unknown];
    const make = (tag: string, text?: string): TreeNode => ({ id: a as number, tag, ...(text !== undefined ? { text } : {}), attrs: new Map(), classes: [], listens: new Set(), children: [] });
    switch (code) {
      case Op.element:
        this.nodes.set(a as number, make(b === 'wx-x' ? String(c) : String(b)));
        break;
      case Op.text:
        this.nodes.set(a as number, make('#text', String(b)));
        break;
      case Op.fragment:
        this.nodes.set(a as number, make('#fragment'));
        break;
      case Op.append:
        this.insertAt(this.node(a), this.node(a).children.length, [this.node(b)]);
        break;
      case Op.insert: {
        const parent = this.node(a);
        this.insertAt(parent, parent.children.indexOf(this.node(c)), [this.node(b)]);
        break;
      }
      case Op.remove:
        this.detach(this.node(b));
        break;
      case Op.replace: {
        const parent = this.node(a);
        const index = parent.children.indexOf(this.node(c));
        this.detach(this.node(c));
        this.insertAt(parent, index, [this.node(b)]);
        break;
      }
      case Op.spliceBefore: {
        const parent = this.node(a);
        const index = parent.children.indexOf(this.node(b));
        for (const removed of parent.children.slice(index, index + (c as number))) this.detach(removed);
        this.insertAt(parent, index, [...this.node(d).children]);
        break;
      }
      case Op.spliceAppend: {
        const parent = this.node(a);
        this.insertAt(parent, parent.children.length, [...this.node(b).children]);
        break;
      }
      case Op.spliceRemove: {
        const parent = this.node(a);
        const index = parent.children.indexOf(this.node(b));
        for (const removed of parent.children.slice(index, index + (c as number))) this.detach(removed);
        break;
      }
      case Op.setId:
        this.node(a).domId = String(b);
        break;
      case Op.addClass:
        this.node(a).classes.push(String(b));
        break;
      case Op.removeClass:
        this.node(a).classes = this.node(a).classes.filter((x) => x !== b);
        break;
      case Op.clearClasses:
        this.node(a).classes = [];
        break;
      case Op.setStyle:
        this.node(a).style = String(b);
        break;
      case Op.setAttr:
        this.node(a).attrs.set(String(b), c);
        break;
      case Op.removeAttr:
        this.node(a).attrs.delete(String(b));
        break;
      case Op.setText:
        this.node(a).text = String(b);
        break;
      case Op.listen:
        this.node(a).listens.add(String(b));
        break;
      case Op.release:
        this.nodes.delete(a as number);
        break;
      case Op.pageCreate:
        this.pages.set(a as number, { holder: b as number, route: String(c), window: d as PageWindow });
        break;
      case Op.pageWindow:
        this.pages.get(a as number)!.window = b as PageWindow;
        break;
      case Op.pageShow:
        this.visiblePage = a as number;
        break;
      case Op.pageDestroy:
        this.pages.delete(a as number);
        if (this.visiblePage === a) this.visiblePage = undefined;
        break;
    }
  }

  /** the first node with this DOM id on the visible page */
  findById(domId: string): number | undefined {
    const page = this.visiblePage === undefined ? undefined : this.pages.get(this.visiblePage);
    if (!page) return undefined;
    const walk = (n: TreeNode): number | undefined => {
      if (n.domId === domId) return n.id;
      for (const c of n.children) {
        const found = walk(c);
        if (found !== undefined) return found;
      }
      return undefined;
    };
    return walk(this.node(page.holder));
  }

  html(id?: number): string {
    const page = this.visiblePage === undefined ? undefined : this.pages.get(this.visiblePage);
    const start = id ?? page?.holder;
    if (start === undefined) return '';
    const render = (n: TreeNode): string => {
      if (n.tag === '#text') return n.text ?? '';
      const attrs = [n.domId ? ` id="${n.domId}"` : '', n.classes.length ? ` class="${n.classes.join(' ')}"` : '', n.style ? ` style="${n.style}"` : ''].join('');
      return `<${n.tag}${attrs}>${n.children.map(render).join('')}</${n.tag}>`;
    };
    return this.node(start).children.map(render).join('');
  }

  visibleRoute(): string | undefined {
    return this.visiblePage === undefined ? undefined : this.pages.get(this.visiblePage)?.route;
  }
}
