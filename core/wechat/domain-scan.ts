import type { Node, Program } from 'acorn';
import { simple } from 'acorn-walk';
import { domainEntryProblem, MAX_DOMAINS_PER_KIND, parseOrigin, type NetworkKind, type ServerDomains } from '../contracts/network';

/** The wx APIs that reach a server, and the domain list (WeChat console's "server domains") each needs. */
const KIND_OF_API: Record<string, NetworkKind> = { request: 'request', downloadFile: 'downloadFile', uploadFile: 'uploadFile', connectSocket: 'socket' };

type AnyNode = Node & Record<string, unknown>;

export interface DerivedDomains {
  domains: ServerDomains;
  /** calls whose server the scan cannot read, and servers that no domain list can admit; shown at install */
  notes: string[];
}

/** The static start of a URL expression: a literal, a template's first part, or the left end of `'…' + x`. */
function staticPrefix(node: AnyNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return ((node.quasis as AnyNode[])[0]?.value as { cooked?: string } | undefined)?.cooked ?? undefined;
  if (node.type === 'BinaryExpression' && node.operator === '+') return staticPrefix(node.left as AnyNode);
  return undefined;
}

/** The `url` option of `wx.request({ url })` and its siblings. */
function urlOption(call: AnyNode): AnyNode | undefined {
  const options = (call.arguments as AnyNode[])[0];
  if (options?.type !== 'ObjectExpression') return undefined;
  for (const prop of options.properties as AnyNode[]) {
    const key = prop.key as AnyNode | undefined;
    if (prop.type === 'Property' && key && (key.type === 'Identifier' ? key.name : key.value) === 'url') return prop.value as AnyNode;
  }
  return undefined;
}

/**
 * A WeChat project keeps its server domains in WeChat's console, not in the package. Without a
 * manifest.json the install step reads them from the code, as it reads the capability list: the origin
 * of every `wx.request / downloadFile / uploadFile / connectSocket` whose URL starts with a written
 * origin. The user sees them before anything is installed; what the scan cannot read is a note, and
 * such a call is refused ("url not in domain list") until a manifest.json declares its domain.
 */
export function scanDomains(trees: ReadonlyMap<string, Program>): DerivedDomains {
  const found: Record<NetworkKind, Set<string>> = { request: new Set(), socket: new Set(), uploadFile: new Set(), downloadFile: new Set() };
  const notes: string[] = [];
  for (const [file, tree] of [...trees].sort(([a], [b]) => a.localeCompare(b))) {
    simple(tree, {
      CallExpression(node) {
        const callee = node.callee as unknown as AnyNode;
        if (callee.type !== 'MemberExpression' || callee.computed) return;
        const object = callee.object as AnyNode;
        const api = (callee.property as AnyNode).name as string;
        const kind = KIND_OF_API[api];
        if (object.type !== 'Identifier' || object.name !== 'wx' || !kind) return;
        const where = `${file}:${node.loc?.start.line ?? 1}`;
        const prefix = staticPrefix(urlOption(node as unknown as AnyNode));
        const origin = prefix === undefined ? undefined : /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(prefix)?.[0];
        if (!origin || !parseOrigin(origin)) {
          notes.push(`${where}: wx.${api} with a server the install cannot read; declare its domain in manifest.json`);
          return;
        }
        const problem = domainEntryProblem(kind, origin);
        if (problem) notes.push(`${where}: wx.${api}: ${problem}; this call will be refused`);
        else found[kind].add(origin);
      },
    });
  }
  const domains: ServerDomains = {};
  for (const kind of Object.keys(found) as NetworkKind[]) {
    const list = [...found[kind]].sort();
    if (list.length > MAX_DOMAINS_PER_KIND) notes.push(`${list.length} ${kind} domains found; WeChat allows ${MAX_DOMAINS_PER_KIND}, the first ${MAX_DOMAINS_PER_KIND} are kept`);
    if (list.length) domains[kind] = list.slice(0, MAX_DOMAINS_PER_KIND);
  }
  return { domains, notes };
}
