import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { MODULE_PARAMS } from '../../../core/wechat/logic-bundle';
import { sealWorkerGlobals, WORKER_ONLY_GLOBALS } from '../../../miniprogram/logic/sealed-globals';

/** the fixture's probe: what package code reaches of the Worker's globals, by bare name, sloppy `this`, Function, eval */
const PROBE = readFileSync('test/fixtures/wechat/rt-modules/mp/utils/probe.js', 'utf8');

/**
 * A realm shaped like Chromium's dedicated Worker: operations of DedicatedWorkerGlobalScope on the global
 * itself, WorkerGlobalScope's (fetch, importScripts, self, indexedDB...) on its prototype, EventTarget's
 * methods one further up. node:vm has no CSP, so Function and eval really run here, unlike in the Worker.
 */
function workerLikeRealm() {
  const context = createContext({});
  runInContext(
    `const sent = [];
     class EventTarget { addEventListener() {} removeEventListener() {} dispatchEvent() {} }
     class WorkerGlobalScope extends EventTarget {}
     for (const name of ['fetch', 'importScripts', 'setTimeout']) WorkerGlobalScope.prototype[name] = function () { return name; };
     for (const name of ['self', 'indexedDB', 'caches']) Object.defineProperty(WorkerGlobalScope.prototype, name, { get() { return globalThis; }, configurable: true });
     Object.defineProperty(WorkerGlobalScope.prototype, 'navigator', { get() { return { userAgent: 'UA Windows', language: 'en', storage: {} }; }, configurable: true });
     Object.setPrototypeOf(globalThis, WorkerGlobalScope.prototype);
     globalThis.EventTarget = EventTarget;
     globalThis.postMessage = (m) => sent.push(m);
     globalThis.close = () => {};
     for (const name of ['XMLHttpRequest', 'WebSocket', 'Worker']) globalThis[name] = class {};
     globalThis.sent = sent;`,
    context,
  );
  return context;
}

/** the probe run as a compiled module runs: wrapped with the contract's parameters, shadowed ones not passed */
function runProbe(context: object): string {
  const factory = runInContext(`(function(${MODULE_PARAMS.join(',')}){\n${PROBE}\n})`, context) as (r: unknown, m: { exports: unknown }) => void;
  const module = { exports: undefined as unknown };
  factory(undefined, module);
  return (module.exports as () => string)();
}

describe("the logic layer's globals", () => {
  test('before sealing, package code reaches the Worker globals through a sloppy function\'s this, Function and eval', () => {
    const result = runProbe(workerLikeRealm()).split('; ');
    // the module wrapper shadows the names it lists; EventTarget's methods are still found by bare name
    expect(result[0]).toBe('bare addEventListener');
    for (const route of result.slice(1)) expect(route).toMatch(/^(this|Function|eval) fetch,XMLHttpRequest,WebSocket,importScripts,postMessage,close,indexedDB,caches,Worker,self,addEventListener$/);
  });

  test('after sealing, none of them is reachable by any route, and setTimeout and the runtime\'s captured post still work', () => {
    const context = workerLikeRealm() as { postMessage: (m: unknown) => void; sent: unknown[]; globalThis: object };
    const post = context.postMessage;
    const global = runInContext('globalThis', context) as object;
    const removed = sealWorkerGlobals(global);
    expect(removed).toEqual(['fetch', 'XMLHttpRequest', 'WebSocket', 'importScripts', 'Worker', 'postMessage', 'close', 'addEventListener', 'removeEventListener', 'dispatchEvent', 'indexedDB', 'caches', 'self']);
    expect(runProbe(context)).toBe('bare none; this none; Function none; eval none');
    // EventTarget's own methods stay for MessagePorts; the global's are covered
    expect(runInContext('typeof EventTarget.prototype.addEventListener + " " + typeof addEventListener', context)).toBe('function undefined');
    expect(runInContext('typeof setTimeout + " " + navigator.userAgent + " " + typeof navigator.storage', context)).toBe('function UA Windows undefined');
    post('still reaches the view');
    expect(context.sent).toEqual(['still reaches the view']);
    expect(WORKER_ONLY_GLOBALS).toContain('importScripts');
  });
});
