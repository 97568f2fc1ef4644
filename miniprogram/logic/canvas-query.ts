import { component } from 'glass-easel-miniprogram-adapter';

/**
 * What the backend's getContext answers for one element (canvas-nodes.ts): the SelectorQuery `node` (a
 * Canvas of a type="2d" canvas) and `context` (the legacy CanvasContext) it can give, null when none.
 */
export class ElementHandles {
  constructor(
    readonly node: unknown,
    readonly context: unknown,
  ) {}
}

type Fields = Record<string, unknown>;
type Callback = (res: unknown) => void;

interface NodesRefProto {
  fields(this: NodesRefProto, fields: Fields, cb?: Callback): unknown;
  context(this: NodesRefProto, cb?: Callback): unknown;
  node?(this: NodesRefProto, cb?: Callback): unknown;
}

/** one query result (or null for a selector that matched nothing): the handles become `node` and/or `context` */
function reshapeOne(result: unknown, node: boolean, context: boolean): void {
  if (result === null || typeof result !== 'object') return;
  const record = result as Record<string, unknown>;
  const handles = record['context'];
  delete record['context'];
  if (node) record['node'] = handles instanceof ElementHandles ? handles.node : null;
  if (context) record['context'] = handles instanceof ElementHandles ? handles.context : null;
}

/**
 * glass-easel-miniprogram-adapter 0.12.1's NodesRef has no `node` (WeChat's `.node(cb)` and
 * `.fields({ node: true })`). Its queries already ask the backend element's getContext for `context`; this
 * asks it for both and hands each field its part. Installed once on the adapter's NodesRef prototype, so
 * every page's and component's createSelectorQuery has it.
 */
export function installNodeQueries(): void {
  const caller = Object.create(component.ComponentCaller.prototype) as { createSelectorQuery(): { select(selector: string): object } };
  const proto = Object.getPrototypeOf(caller.createSelectorQuery().select('#_')) as NodesRefProto;
  if (typeof proto.node === 'function') return;
  const adapterFields = proto.fields;
  proto.fields = function (fields, cb) {
    if (!fields || typeof fields !== 'object' || (!fields['node'] && !fields['context'])) return adapterFields.call(this, fields, cb);
    const node = Boolean(fields['node']);
    const context = Boolean(fields['context']);
    const { node: _node, ...rest } = fields;
    return adapterFields.call(this, { ...rest, context: true }, (res) => {
      if (Array.isArray(res)) for (const one of res) reshapeOne(one, node, context);
      else reshapeOne(res, node, context);
      if (typeof cb === 'function') cb(res);
    });
  };
  proto.context = function (cb) {
    return this.fields({ context: true }, cb);
  };
  proto.node = function (cb) {
    return this.fields({ node: true }, cb);
  };
}
