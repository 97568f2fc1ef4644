import { startMerchantBackend, type BackendRegistration, type BackendSource, type StartedBackend } from '../core/samples';
import type { Logger } from './logger';

/**
 * The merchant backends the desktop shell runs for its samples, by appId, so a page can find its
 * backend's URL and shutdown can stop them all. Finding, loading and starting one is core's
 * (core/samples), shared with the browser host.
 */
export interface MerchantBackends {
  /** the running backend's base URL for an app */
  urlOf(appId: string): string | undefined;
  start(source: BackendSource, registration: BackendRegistration): Promise<string>;
  closeAll(): Promise<void>;
}

export function createMerchantBackends(log: Logger): MerchantBackends {
  const running = new Map<string, StartedBackend>();
  return {
    urlOf: (appId) => running.get(appId)?.url,
    async start(source, registration) {
      const backend = await startMerchantBackend(source, registration);
      running.set(registration.appId, backend);
      log.info(`merchant backend of ${registration.appId} at ${backend.url}`);
      return backend.url;
    },
    async closeAll() {
      const all = [...running.values()];
      running.clear();
      await Promise.allSettled(all.map((backend) => backend.close()));
    },
  };
}
