import type { Session } from 'electron';
import { APP_SCHEME, appOrigin, appPartition } from './app-scheme';
import { createAppProtocolHandler, type AppProtocolOptions } from './app-protocol';
import type { Logger } from './logger';
import { applySessionPolicies } from './view-policies';

/**
 * One persistent session partition per mini program. Its superapp: handler serves that app's files
 * only, so even a view that somehow pointed at another app's URL would get nothing from it.
 */

export interface AppSessionsOptions {
  fromPartition(partition: string): Pick<Session, 'protocol' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'on' | 'clearStorageData' | 'clearCache'>;
  resolveFile(appId: string, urlPath: string): Promise<string | undefined>;
  entry(appId: string): string | undefined;
  storageMirror(appId: string): Record<string, unknown>;
  backendUrl?(appId: string): string | undefined;
  tempFile?(appId: string, urlPath: string): Promise<string | undefined>;
  /** loopback origins a <web-view> of the app may show (app-protocol.ts) */
  webViewOrigins?: AppProtocolOptions['webViewOrigins'];
  /** a WeChat-format app's view page and compiled files */
  wechat?: AppProtocolOptions['wechat'];
  log: Logger;
}

export interface AppSessions {
  /** idempotent: registers the scheme handler and permission rules of the app's partition */
  prepare(appId: string): void;
  /** uninstall: cookies, localStorage, IndexedDB, cache of the app's partition are wiped */
  clear(appId: string): Promise<void>;
}

export function createAppSessions(options: AppSessionsOptions): AppSessions {
  const prepared = new Set<string>();
  return {
    prepare(appId) {
      const partition = appPartition(appId);
      if (prepared.has(partition)) return;
      const session = options.fromPartition(partition);
      session.protocol.handle(
        APP_SCHEME,
        createAppProtocolHandler({
          appId,
          resolveFile: options.resolveFile,
          entry: options.entry,
          storageMirror: options.storageMirror,
          backendUrl: options.backendUrl,
          tempFile: options.tempFile,
          ...(options.webViewOrigins ? { webViewOrigins: options.webViewOrigins } : {}),
          wechat: options.wechat,
          log: options.log,
        }),
      );
      applySessionPolicies(session, { origin: appOrigin(appId) }, options.log, `app ${appId}`);
      prepared.add(partition);
    },
    async clear(appId) {
      const session = options.fromPartition(appPartition(appId));
      await session.clearStorageData();
      await session.clearCache();
    },
  };
}
