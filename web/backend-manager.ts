import type { Runtime } from '../core/contracts/services';
import { hasBackend, startMerchantBackend, type BackendSource, type StartedBackend } from '../core/samples';
import { appOrigin, loopbackOrigin } from './origins';

interface Running {
  backend: StartedBackend;
  /** the registration it was started with: a reinstall that changes the secrets needs a restart */
  fingerprint: string;
}

/**
 * Keeps one merchant backend running per installed app that ships one (examples/<app>/backend), started
 * with that app's current platform registration. sync() is idempotent and serialised, so it can run
 * after every catalog change.
 */
export class BackendManager {
  private readonly running = new Map<string, Running>();
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly options: {
      port: number;
      runtime: Runtime;
      /** appId -> the folder that may hold backend/ (and, for a sample the build saw, where its bundle is) */
      sources: () => ReadonlyMap<string, BackendSource>;
      log: (m: string) => void;
      warn: (m: string) => void;
    },
  ) {}

  url(appId: string): string | undefined {
    return this.running.get(appId)?.backend.url;
  }

  sync(): Promise<void> {
    this.queue = this.queue.then(() => this.syncNow()).catch((e: unknown) => this.options.warn(`merchant backends: ${(e as Error).message}`));
    return this.queue;
  }

  async closeAll(): Promise<void> {
    this.closed = true;
    await this.queue;
    await Promise.allSettled([...this.running.values()].map((r) => r.backend.close()));
    this.running.clear();
  }

  private async syncNow(): Promise<void> {
    if (this.closed) return;
    const { runtime, port } = this.options;
    const wanted = new Map<string, { source: BackendSource; fingerprint: string; info: NonNullable<ReturnType<NonNullable<Runtime['shell']['platform']>['developerInfo']>> }>();
    for (const [appId, source] of this.options.sources()) {
      if (!runtime.catalog.manifest(appId) || !hasBackend(source)) continue;
      const info = runtime.shell.platform?.developerInfo(appId);
      if (info) wanted.set(appId, { source, info, fingerprint: [source.folder, source.bundlesDir, info.appSecret, info.payKey, info.appKey].join('\n') });
    }
    for (const [appId, current] of [...this.running]) {
      if (wanted.get(appId)?.fingerprint === current.fingerprint) continue;
      this.running.delete(appId);
      await current.backend.close().catch(() => undefined);
    }
    for (const [appId, want] of wanted) {
      if (this.running.has(appId) || this.closed) continue;
      try {
        const backend = await startMerchantBackend(want.source, {
          platformUrl: loopbackOrigin(port),
          appId,
          appSecret: want.info.appSecret,
          payKey: want.info.payKey,
          appKey: want.info.appKey,
          allowOrigin: appOrigin(appId, port),
        });
        this.running.set(appId, { backend, fingerprint: want.fingerprint });
        // The host started this server itself, so the app may reach its loopback origin with wx.request
        // (the app still has to declare it in manifest domains.request).
        runtime.network.loopback.allowForRun(appId, new URL(backend.url).origin);
        this.options.log(`merchant backend of ${appId} at ${backend.url}`);
      } catch (e) {
        this.options.warn(`merchant backend of ${appId} not started: ${(e as Error).message}`);
      }
    }
  }
}
