/**
 * `rich-text`'s sanitiser: turns `nodes` (an HTML string or WeChat's node array) into DOM that can only
 * show things. WeChat's rule is a whitelist: trusted tags with `class`, `style` and a few per-tag
 * attributes; an untrusted tag is removed together with everything inside it. So no script, style,
 * iframe, form or object element, no on* handler, no id, and `a` has no href at all. HTML strings are
 * parsed by the browser's DOMParser into an inert document (nothing runs, nothing loads) and walked;
 * the output is built node by node with createElement, never with innerHTML.
 */

/** Trusted tags and the attributes each may keep besides class and style (WeChat's table). */
const TRUSTED: Record<string, readonly string[]> = {
  a: [], abbr: [], address: [], article: [], aside: [], b: [], bdi: [], bdo: ['dir'], big: [], blockquote: [], br: [],
  caption: [], center: [], cite: [], code: [], col: ['span', 'width'], colgroup: ['span', 'width'], dd: [], del: [],
  div: [], dl: [], dt: [], em: [], fieldset: [], font: [], footer: [], h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
  header: [], hr: [], i: [], img: ['alt', 'src', 'height', 'width'], ins: [], label: [], legend: [], li: [], mark: [],
  nav: [], ol: ['start', 'type'], p: [], pre: [], q: [], rt: [], ruby: [], s: [], section: [], small: [], span: [],
  strong: [], sub: [], sup: [], table: ['width'], tbody: [], td: ['colspan', 'height', 'rowspan', 'width'], tfoot: [],
  th: ['colspan', 'height', 'rowspan', 'width'], thead: [], tr: ['colspan', 'height', 'rowspan', 'width'], tt: [], u: [], ul: [],
};

export type RichTextSpace = 'ensp' | 'emsp' | 'nbsp';

const SPACE_CHAR: Record<RichTextSpace, string> = { ensp: '\u2002', emsp: '\u2003', nbsp: '\u00a0' };

export interface RichTextOptions {
  /** maps a class from the nodes to the DOM class (the page's style scope; identity when absent) */
  mapClass?: (name: string) => string;
  /** `space`: how runs of spaces show */
  space?: RichTextSpace | '';
}

export interface RichTextResult {
  fragment: DocumentFragment;
  /** what was refused, for the developer's console: "script", "img@src", "div@onclick" ... */
  dropped: string[];
}

/** One element node of the array form, as WeChat documents it. */
interface ElementNode {
  type?: 'node';
  name: string;
  attrs?: Record<string, unknown>;
  children?: unknown[];
}

export function sanitizeRichText(doc: Document, nodes: unknown, options: RichTextOptions = {}): RichTextResult {
  const inert = new DOMParser().parseFromString('<!doctype html><body></body>', 'text/html');
  const out = doc.createDocumentFragment();
  const dropped: string[] = [];
  const ctx: Ctx = { doc, inert, dropped, options };
  if (typeof nodes === 'string') {
    const parsed = new DOMParser().parseFromString(`<!doctype html><body>${nodes}`, 'text/html');
    for (const child of [...parsed.body.childNodes]) appendDomNode(ctx, out, child);
  } else if (Array.isArray(nodes)) {
    for (const node of nodes) appendArrayNode(ctx, out, node);
  }
  return { fragment: out, dropped };
}

interface Ctx {
  doc: Document;
  inert: Document;
  dropped: string[];
  options: RichTextOptions;
}

function text(ctx: Ctx, value: string): Text {
  const space = ctx.options.space ? SPACE_CHAR[ctx.options.space] : undefined;
  return ctx.doc.createTextNode(space ? value.replace(/ /g, space) : value);
}

/** Text nodes of the array form "support entities": decoded as RCDATA in the inert document, so no tag can form. */
function decodeEntities(ctx: Ctx, value: string): string {
  const area = ctx.inert.createElement('textarea');
  area.innerHTML = value;
  return area.value;
}

function appendDomNode(ctx: Ctx, parent: Node, node: Node): void {
  if (node.nodeType === 3) {
    parent.appendChild(text(ctx, node.nodeValue ?? ''));
    return;
  }
  if (node.nodeType !== 1) return; // comments, processing instructions
  const source = node as Element;
  const attrs: Record<string, unknown> = {};
  for (const a of [...source.attributes]) attrs[a.name] = a.value;
  const el = element(ctx, source.localName, attrs);
  if (!el) return;
  parent.appendChild(el);
  for (const child of [...source.childNodes]) appendDomNode(ctx, el, child);
}

function appendArrayNode(ctx: Ctx, parent: Node, node: unknown): void {
  if (node === null || typeof node !== 'object') return;
  const n = node as Omit<Partial<ElementNode>, 'type'> & { type?: string; text?: unknown };
  if (n.type === 'text') {
    parent.appendChild(text(ctx, decodeEntities(ctx, String(n.text ?? ''))));
    return;
  }
  if (typeof n.name !== 'string') return;
  const attrs = n.attrs && typeof n.attrs === 'object' ? n.attrs : {};
  const el = element(ctx, n.name, attrs);
  if (!el) return;
  parent.appendChild(el);
  if (Array.isArray(n.children)) for (const child of n.children) appendArrayNode(ctx, el, child);
}

/** A trusted element with only its allowed attributes, or undefined (the node and its subtree are dropped). */
function element(ctx: Ctx, rawName: string, attrs: Record<string, unknown>): HTMLElement | undefined {
  const name = rawName.toLowerCase();
  const allowed = Object.prototype.hasOwnProperty.call(TRUSTED, name) ? TRUSTED[name]! : undefined;
  if (!allowed) {
    ctx.dropped.push(name);
    return undefined;
  }
  const el = ctx.doc.createElement(name);
  for (const [rawKey, rawValue] of Object.entries(attrs)) {
    const key = rawKey.toLowerCase();
    const value = String(rawValue ?? '');
    if (key === 'class') {
      const classes = value.split(/\s+/).filter(Boolean).map((c) => (ctx.options.mapClass ? ctx.options.mapClass(c) : c));
      if (classes.length) el.className = classes.join(' ');
    } else if (key === 'style') {
      const style = safeStyle(ctx, value);
      if (style.css) el.setAttribute('style', style.css);
      if (style.refused) ctx.dropped.push(`${name}@style`);
    } else if (key === 'src' && name === 'img') {
      if (isSafeImageUrl(value, ctx.doc)) el.setAttribute('src', value);
      else ctx.dropped.push('img@src');
    } else if (allowed.includes(key)) {
      el.setAttribute(key, value);
    } else {
      ctx.dropped.push(`${name}@${key}`);
    }
  }
  return el;
}

/** Network and package images only (http, https, or a path of the app's own origin). */
function isSafeImageUrl(value: string, doc: Document): boolean {
  try {
    const url = new URL(value.trim(), doc.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The style attribute re-serialised by the browser's own CSS parser, minus any declaration that loads
 * something other than an http(s) or same-origin URL (javascript:, data: documents...).
 */
function safeStyle(ctx: Ctx, value: string): { css: string; refused: boolean } {
  const probe = ctx.inert.createElement('span');
  probe.setAttribute('style', value);
  const style = probe.style;
  const kept: string[] = [];
  let refused = false;
  for (let i = 0; i < style.length; i++) {
    const prop = style.item(i);
    const v = style.getPropertyValue(prop);
    const urls = [...v.matchAll(/url\(\s*(["']?)(.*?)\1\s*\)/gi)].map((m) => m[2] ?? '');
    if (urls.some((u) => !isSafeImageUrl(u, ctx.doc))) {
      refused = true;
      continue;
    }
    const priority = style.getPropertyPriority(prop);
    kept.push(`${prop}: ${v}${priority ? ' !important' : ''}`);
  }
  return { css: kept.join('; '), refused };
}
