import { demoPlugins } from '../core/demo-plugins';
import type { Integration } from '../core/integration';

/**
 * The integrator's plug: both hosts (Electron and the browser simulator) call this once per shell.
 *
 * - `openApi`: your backend for the seven open APIs (TCMPP's OpenApiHandler). Leave it out to run on the
 *   embedded platform. A factory receives HostServices (trusted sheets, store, clock, consent ledger).
 * - `customApis`: handlers for wx.invokeNativePlugin({ api_name }), TCMPP's registerMiniAppApi.
 *   An app may call one only when its manifest lists the name under permissions.customApi.
 *
 * Example:
 *   customApis: {
 *     ...demoPlugins(),
 *     'loyalty.points': async (call) => ({ points: await crm.points(call.appInfo.appId, call.params.data) }),
 *   },
 *   openApi: (services) => new AcmeOpenApi(services),
 */
export default function createIntegration(): Integration {
  // A fresh set per shell: the demo notes live in memory and must not leak between two shells in one process.
  return { customApis: demoPlugins() };
}
