import { OPEN_API_NAMES } from '../contracts/apis';
import { appInfoFromManifest, type CallerIdentity, type Manifest } from '../contracts/app';
import type { OpenApiHandler } from '../contracts/integrator';
import { systemClock } from '../contracts/ports';
import type { EmbeddedPlatform, HostServices, Shell, ShellOptions } from '../contracts/services';
import { createCallLog } from '../calls/call-log';
import { createMockRules } from '../calls/mock-rules';
import { createConsentLedger } from '../consent/ledger';
import { createScopeApis } from '../consent/scope-apis';
import { createCustomApiRegistry } from '../custom-apis/registry';
import { openSqliteDataStore } from '../persistence/sqlite-data-store';
import { createAppStorage } from '../storage/app-storage';
import { callAwarePrompter } from './call-context';
import { createDispatcher } from './dispatcher';
import type { WireFacts } from '../contracts/wire';
import { createRoutes, type HostRequest } from './routes';
import { createDeviceApis } from '../device/device-apis';
import { createAppFiles } from '../files/app-files';
import { createTempWrites } from '../files/temp-writes';
import { DEFAULT_HANDLER_TIMEOUT_MS, DEFAULT_PROMPT_TIMEOUT_MS } from './time-limit';

export type OpenApiFactory = (services: HostServices) => OpenApiHandler;

function checkTimeout(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  // setTimeout silently turns anything past 2^31-1 ms into 1 ms, which would fail every call at once.
  if (!Number.isInteger(value) || value < 1 || value > 2_147_483_647) {
    throw new Error(`createShell: ${name} must be a whole number of milliseconds between 1 and 2147483647, got ${value}`);
  }
  return value;
}

function checkOpenApi(handler: OpenApiHandler): OpenApiHandler {
  const missing = OPEN_API_NAMES.filter((name) => typeof (handler as unknown as Record<string, unknown>)?.[name] !== 'function');
  if (missing.length) {
    throw new Error(`createShell: the openApi handler lacks ${missing.map((m) => `${m}(app, params)`).join(', ')}; implement every OpenApiHandler method`);
  }
  return handler;
}

function isEmbeddedPlatform(handler: OpenApiHandler): handler is EmbeddedPlatform {
  return typeof (handler as Partial<EmbeddedPlatform>).registerApp === 'function';
}

/**
 * Wires one shell from its parts. `defaultOpenApi` is used when options.openApi is absent; core/shell.ts
 * passes the embedded platform, tests and benches can pass anything.
 */
export function buildShell(options: ShellOptions, defaultOpenApi: OpenApiFactory): Shell {
  const clock = options.clock ?? systemClock;
  const limits = {
    handlerTimeoutMs: checkTimeout('handlerTimeoutMs', options.handlerTimeoutMs, DEFAULT_HANDLER_TIMEOUT_MS),
    promptTimeoutMs: checkTimeout('promptTimeoutMs', options.promptTimeoutMs, DEFAULT_PROMPT_TIMEOUT_MS),
  };
  const data = options.data ?? openSqliteDataStore(':memory:');
  const ledger = createConsentLedger(data, clock);
  let manifestOf: (appId: string) => Manifest | undefined = () => undefined;

  const prompter = callAwarePrompter(options.prompter);
  const services: HostServices = {
    store: options.store,
    data,
    prompter,
    clock,
    ledger,
    appInfo(appId) {
      const fromHost = options.appInfo?.(appId);
      if (fromHost) return fromHost;
      const manifest = manifestOf(appId);
      return manifest ? appInfoFromManifest(manifest) : undefined;
    },
  };

  const openApi = checkOpenApi(
    typeof options.openApi === 'function' ? options.openApi(services) : (options.openApi ?? defaultOpenApi(services)),
  );
  const customApis = createCustomApiRegistry(options.customApis);
  const storage = createAppStorage(data);
  // temp files are readable through the file APIs: the same temp area downloadFile and chooseImage fill
  const files = createAppFiles(data, {
    clock,
    ...(options.device ? { tempFiles: options.device.tempFiles } : {}),
    ...(options.fileStorageLimitBytes !== undefined ? { limitBytes: options.fileStorageLimitBytes } : {}),
  });
  const calls = createCallLog();
  const mocks = createMockRules(options.store);
  const hostListeners = new Set<(request: HostRequest) => void>();

  const routes = createRoutes({
    openApi,
    customApis,
    ledger,
    scopeApis: createScopeApis(ledger, prompter),
    storage,
    files,
    // canvasToTempFilePath's images go to that same temp area
    ...(options.device ? { tempWrites: createTempWrites(options.device.tempFiles) } : {}),
    host: options.host,
    extConfig: (appId) => options.extConfig?.(appId) ?? {},
    ...(options.network ? { network: options.network } : {}),
    ...(options.device ? { device: createDeviceApis(options.device, { ledger, prompter }) } : {}),
    requestHost(request) {
      for (const listener of [...hostListeners]) listener(request);
    },
  });
  const dispatcher = createDispatcher({ routes, manifestOf: (appId) => manifestOf(appId), mocks, calls, clock, limits });

  return {
    dispatch: (raw: unknown, caller: CallerIdentity, wire?: WireFacts) => dispatcher.dispatch(raw, caller, wire),
    registerMiniAppApi: (apiName, handler, registerOptions) => customApis.register(apiName, handler, registerOptions),
    unregisterMiniAppApi: (apiName) => customApis.unregister(apiName),
    calls,
    mocks,
    ledger,
    storage,
    files,
    services,
    platform: isEmbeddedPlatform(openApi) ? openApi : undefined,
    setManifestSource(lookup) {
      manifestOf = lookup;
    },
    onHostRequest(listener) {
      hostListeners.add(listener);
      return () => void hostListeners.delete(listener);
    },
  };
}
