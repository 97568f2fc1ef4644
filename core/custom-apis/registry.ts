import type { CallerIdentity } from '../contracts/app';
import { ApiError } from '../contracts/errors';
import type { MiniApiCall, MiniAppApiHandler } from '../contracts/integrator';

/** The integrator's custom APIs, reached by mini programs through wx.invokeNativePlugin({ api_name, data }). */
export interface CustomApiRegistry {
  register(apiName: string, handler: MiniAppApiHandler, options?: { replace?: boolean }): void;
  unregister(apiName: string): void;
  has(apiName: string): boolean;
  /** runs the handler; its result (possibly null/undefined) is returned as-is for the dispatcher to check */
  invoke(caller: CallerIdentity, request: { api_name: string; data: Record<string, unknown> }): Promise<unknown>;
}

/** TCMPP 2.2.17+ unified params: the same shape on every platform. */
export function miniApiCall(caller: CallerIdentity, apiName: string, data: Record<string, unknown>): MiniApiCall {
  return {
    appInfo: caller.appInfo,
    apiName,
    webViewId: caller.webViewId,
    params: { stateEvent: 'requestCustomApi', api_name: apiName, data, webviewId: caller.webViewId },
  };
}

export function createCustomApiRegistry(initial: Record<string, MiniAppApiHandler> = {}): CustomApiRegistry {
  const handlers = new Map<string, MiniAppApiHandler>();

  const registry: CustomApiRegistry = {
    register(apiName, handler, options = {}) {
      if (typeof apiName !== 'string' || apiName.length === 0) throw new Error('registerMiniAppApi: apiName must be a non-empty string');
      if (typeof handler !== 'function') throw new Error(`registerMiniAppApi("${apiName}"): handler must be a function`);
      // Two integrator modules claiming one name is almost always a mistake; silently replacing would
      // route an app's calls to the wrong code.
      if (handlers.has(apiName) && options.replace !== true) {
        throw new Error(`registerMiniAppApi: custom API "${apiName}" is already registered; pass { replace: true } to replace its handler`);
      }
      handlers.set(apiName, handler);
    },
    unregister(apiName) {
      handlers.delete(apiName);
    },
    has: (apiName) => handlers.has(apiName),
    async invoke(caller, { api_name, data }) {
      const handler = handlers.get(api_name);
      if (!handler) throw new ApiError(`custom API "${api_name}" is not registered by the host`);
      const result = await handler(miniApiCall(caller, api_name, data));
      return result ?? {};
    },
  };

  for (const [name, handler] of Object.entries(initial)) registry.register(name, handler);
  return registry;
}
