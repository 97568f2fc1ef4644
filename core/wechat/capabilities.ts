import { parse, type Node, type Program } from 'acorn';
import { simple } from 'acorn-walk';
import { OPEN_API_NAMES, type OpenApiName } from '../contracts/apis';

/** What a package's code asks of the host, found by reading it (the capability list of DESIGN.md section 5). */
export interface DerivedCapabilities {
  openApi: OpenApiName[];
  customApi: string[];
  /** places where the code names an API the scan cannot read (a computed name), shown at install */
  notes: string[];
}

const OPEN_APIS = new Set<string>(OPEN_API_NAMES);

type AnyNode = Node & Record<string, unknown>;

/** `wx.x` or `wx['x']`: the member name, when it is written out. */
function wxMemberName(node: AnyNode): string | undefined {
  const object = node.object as AnyNode;
  if (object.type !== 'Identifier' || object.name !== 'wx') return undefined;
  const property = node.property as AnyNode;
  if (!node.computed && property.type === 'Identifier') return property.name as string;
  if (node.computed && property.type === 'Literal' && typeof property.value === 'string') return property.value;
  return undefined;
}

/** The literal `api_name` of `wx.invokeNativePlugin({ api_name: '...' })`. */
function pluginApiName(call: AnyNode): string | undefined | null {
  const options = (call.arguments as AnyNode[])[0];
  if (options?.type !== 'ObjectExpression') return null;
  for (const prop of options.properties as AnyNode[]) {
    const key = prop.key as AnyNode | undefined;
    if (prop.type !== 'Property' || !key) continue;
    const name = key.type === 'Identifier' ? key.name : key.value;
    if (name !== 'api_name') continue;
    const value = prop.value as AnyNode;
    return value.type === 'Literal' && typeof value.value === 'string' ? value.value : null;
  }
  return null;
}

/**
 * Reads every module for `wx.<open API>` and `wx.invokeNativePlugin({ api_name: '<literal>' })`. A
 * name the code computes at run time cannot be read; it is reported as a note, and that call will be
 * refused by the dispatcher until a manifest.json declares it.
 */
export function scanCapabilities(trees: ReadonlyMap<string, Program>): DerivedCapabilities {
  const open = new Set<OpenApiName>();
  const custom = new Set<string>();
  const notes: string[] = [];
  for (const [file, tree] of [...trees].sort(([a], [b]) => a.localeCompare(b))) {
    simple(tree, {
      MemberExpression(node) {
        const name = wxMemberName(node as unknown as AnyNode);
        if (name && OPEN_APIS.has(name)) open.add(name as OpenApiName);
      },
      CallExpression(node) {
        const callee = node.callee as unknown as AnyNode;
        if (callee.type !== 'MemberExpression' || wxMemberName(callee) !== 'invokeNativePlugin') return;
        const api = pluginApiName(node as unknown as AnyNode);
        if (api) custom.add(api);
        else notes.push(`${file}:${node.loc?.start.line ?? 1}: wx.invokeNativePlugin with an api_name the install cannot read`);
      },
    });
  }
  return { openApi: OPEN_API_NAMES.filter((n) => open.has(n)), customApi: [...custom].sort(), notes };
}

/** `<button open-type="...">` values that ask for an open API (WeChat's button documentation). */
const OPEN_TYPE_APIS: Record<string, OpenApiName> = {
  getPhoneNumber: 'getPhoneNumber',
  getRealtimePhoneNumber: 'getPhoneNumber',
  getUserInfo: 'getUserInfo',
};

/**
 * Open APIs the templates ask for through `<button open-type="getPhoneNumber">` and the like. Read
 * from the template compiler's output (parsed with acorn), where a static attribute is a call
 * `f(node, "open-type", "<value>")`: the compiler parsed the WXML, this only reads its result.
 */
export function scanTemplateCapabilities(tmplCode: string): OpenApiName[] {
  const found = new Set<OpenApiName>();
  simple(parse(tmplCode, { ecmaVersion: 'latest' }), {
    CallExpression(node) {
      const [, name, value] = node.arguments as unknown as AnyNode[];
      if (name?.type !== 'Literal' || name.value !== 'open-type' || value?.type !== 'Literal') return;
      const api = OPEN_TYPE_APIS[String(value.value)];
      if (api) found.add(api);
    },
  });
  return OPEN_API_NAMES.filter((n) => found.has(n));
}
