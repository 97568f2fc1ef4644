import type { MiniAppApiHandler } from '../contracts/integrator';

/** Answers with the very MiniApiCall it received, so the custom-API sample can show what a handler is given. */
export const echo: MiniAppApiHandler = async (call) =>
  // A copy: the dispatcher adds errMsg to what a handler returns, and the call object is the dispatcher's own.
  structuredClone({ appInfo: call.appInfo, apiName: call.apiName, webViewId: call.webViewId, params: call.params });
