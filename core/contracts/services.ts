import type { z } from 'zod';
import type { AuthSetting } from './apis';
import type { AppInfo, CallerIdentity, Manifest } from './app';
import type { MiniAppApiHandler, OpenApiHandler } from './integrator';
import type { Clock, DataStore, KeyValueStore, Prompter } from './ports';
import type { AuditEntry, CallRecord, CatalogEntry, DeveloperInfo, MockRule, Profile, Wallet, InstallProgress, InstallPreview } from './shell-api';
import type { EventEnvelope, ResponseEnvelope, WireFacts } from './wire';

/**
 * Interfaces between core modules and the hosts. Implementations live in core/ (host-neutral);
 * hosts construct them and carry their messages. Kept here so every layer codes against one shape.
 */

/** The scope ledger: authSetting per app plus an append-only audit trail. Persisted in the store. */
export interface ConsentLedger {
  authSetting(appId: string): AuthSetting;
  /** user answered an authorize/openSetting prompt */
  decide(appId: string, scope: string, granted: boolean, via: string): void;
  revoke(appId: string, scope: string, via: string): void;
  /** a one-off consent (profile, phone number) that does not change authSetting */
  recordConsent(appId: string, what: string, given: boolean, via: string): void;
  audit(appId?: string): AuditEntry[];
  forgetApp(appId: string): void;
}

/** What an OpenApiHandler factory receives, so an integrator's backend can use the trusted UI too. */
export interface HostServices {
  /** preferences (electron-store / conf) */
  store: KeyValueStore;
  /** the user's data: durable, transactional (SQLite); the embedded platform keeps everything here */
  data: DataStore;
  prompter: Prompter;
  clock: Clock;
  ledger: ConsentLedger;
  /** app metadata by id, from the catalog (name, icon, developer) */
  appInfo(appId: string): AppInfo | undefined;
}

export interface Registration {
  appId: string;
  appSecret: string;
  payKey: string;
  appKey: string;
  developerId: string;
}

/** A server API route of the embedded platform, mounted by a host over HTTP (loopback only). */
export interface ServerRoute {
  method: 'GET' | 'POST';
  /** e.g. "/v1/sns/jscode2session" */
  path: string;
  input: z.ZodType;
  run(input: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
}

export interface EmbeddedPlatform extends OpenApiHandler {
  /** idempotent: creates secrets on first install, keeps them on reinstall of the same appId */
  registerApp(app: AppInfo): Registration;
  /** removes the app's sessions, codes and unpaid orders; keeps paid history for the wallet */
  unregisterApp(appId: string): void;
  developerInfo(appId: string): DeveloperInfo | undefined;
  getProfile(): Profile;
  updateProfile(patch: Partial<Profile>): Profile;
  getWallet(): Wallet;
  /** fires after any wallet debit or order state change */
  onWalletChanged(listener: () => void): () => void;
  serverRoutes(): ServerRoute[];
}

export interface CallLog {
  list(): CallRecord[];
  clear(): void;
  subscribe(listener: (record: CallRecord) => void): () => void;
}

export interface MockRules {
  list(): MockRule[];
  set(rule: Omit<MockRule, 'id'> & { id?: string }): MockRule;
  remove(id: string): void;
  /** the rule that applies to this call, if any */
  match(appId: string, api: string, params: Record<string, unknown>): MockRule | undefined;
}

export interface AppStorageService {
  /** all keys of the app, for the Sync mirror the host embeds before page scripts run */
  snapshot(appId: string): Record<string, unknown>;
  clear(appId: string): void;
}

export interface AppFilesService {
  /** deletes every file of the app (uninstall) */
  forgetApp(appId: string): void;
}

export interface Shell {
  /** Every bridge message goes through here. Never throws; always answers with a well-formed envelope. */
  dispatch(raw: unknown, caller: CallerIdentity, wire?: WireFacts): Promise<ResponseEnvelope>;
  registerMiniAppApi(apiName: string, handler: MiniAppApiHandler, options?: { replace?: boolean }): void;
  unregisterMiniAppApi(apiName: string): void;
  calls: CallLog;
  mocks: MockRules;
  ledger: ConsentLedger;
  storage: AppStorageService;
  /** the apps' files (wx.getFileSystemManager, core/files) */
  files: AppFilesService;
  services: HostServices;
  /** present when the shell runs on the embedded platform (the default) */
  platform: EmbeddedPlatform | undefined;
  /** the manifest of an installed app, for capability checks; set by the catalog */
  setManifestSource(lookup: (appId: string) => Manifest | undefined): void;
  /** exitMiniProgram and similar requests that the host must carry out */
  onHostRequest(listener: (request: { type: 'exit'; caller: CallerIdentity }) => void): () => void;
}

export interface ShellOptions {
  /** preferences: mock rules */
  store: KeyValueStore;
  /** the user's data (platform, grants, wx storage); default: a fresh in-memory database (tests, benches) */
  data?: DataStore;
  prompter: Prompter;
  clock?: Clock;
  /** default: the embedded platform */
  openApi?: OpenApiHandler | ((services: HostServices) => OpenApiHandler);
  customApis?: Record<string, MiniAppApiHandler>;
  host: { name: 'electron' | 'web'; version: string; platform: string; language?: string };
  /** per-call limit for handlers; sheets waiting for the user use promptTimeoutMs */
  handlerTimeoutMs?: number;
  promptTimeoutMs?: number;
  appInfo?: (appId: string) => AppInfo | undefined;
  /** wx.getExtConfig's extConfig for an app; default {} */
  extConfig?: (appId: string) => Record<string, unknown>;
  /** wx.request, downloadFile, uploadFile, connectSocket (core/network); the runtime builds one */
  network?: import('../network/network-service').NetworkService;
  /** wx.setClipboardData, getClipboardData, chooseImage, chooseMedia (core/device); the runtime builds it */
  device?: import('./device-host').DeviceApisDeps;
  /** bytes of files an app may keep (wx.getFileSystemManager); default WeChat's 200 MB (core/files) */
  fileStorageLimitBytes?: number;
}

/** Installed mini programs on disk. */
export interface Catalog {
  list(): CatalogEntry[];
  manifest(appId: string): Manifest | undefined;
  /** who the app is for the platform: developerId follows the package's signing key (core/catalog/publisher.ts) */
  appInfo(appId: string): AppInfo | undefined;
  /** copies a folder or .zip into the data folder; rejects with a message naming every bad manifest field */
  install(source: string, onProgress?: (p: InstallProgress) => void, options?: { dev?: boolean }): Promise<CatalogEntry>;
  /** what a package would install as (format, appId, capabilities), read and checked without installing it */
  preview(source: string): Promise<InstallPreview>;
  uninstall(appId: string): Promise<void>;
  /** the folder of a WeChat-format app's current compiled bundle (docs/wechat-format.md), or undefined */
  wechatBuild(appId: string): Promise<string | undefined>;
  /** absolute path of a file inside the app's package, or undefined when outside it (.., encoded, symlink) */
  resolveFile(appId: string, urlPath: string): Promise<string | undefined>;
}

/** What a host does with views; the shell service (core) decides when. */
/** How a view starts: `path` is the page to open first ("pages/a/a?x=1"), as a launch from a share or a scan. */
export interface ViewLaunch {
  path: string;
}

export interface ViewHost {
  open(viewId: number, app: CatalogEntry, caller: CallerIdentity, launch?: ViewLaunch): { url: string };
  show(viewId: number): void;
  hide(viewId: number): void;
  close(viewId: number): void;
  send(viewId: number, event: EventEnvelope): void;
  /** sheets: Electron raises the shell view above the app while one is open */
  sheetOpened?(viewId: number): void;
  sheetClosed?(viewId: number): void;
  /** Electron: where app views go, reported by the shell UI (zero size = hide them) */
  setViewport?(bounds: { x: number; y: number; width: number; height: number }): void;
}

/** A failed shell command; `hint` says what to do. Hosts send `{ message, hint }` to the shell UI. */
export class ShellCommandError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'ShellCommandError';
    this.hint = hint;
  }
}

/** Implements the typed shell API host-neutrally; a host only carries commands and events. */
export interface ShellService {
  /** parses input with the command's schema and returns its parsed output; throws ShellCommandError */
  handle(command: string, input: unknown): Promise<unknown>;
  /** who a view is, for the bridge: hosts pass this to shell.dispatch */
  callerFor(viewId: number): CallerIdentity | undefined;
  /** the view was destroyed by the host (crash, window closed) */
  viewGone(viewId: number): void;
}

export interface RuntimeOptions {
  /** preferences: the catalog list, mock rules, first-start markers */
  store: KeyValueStore;
  /** the user's data in the data folder's database (core/persistence/open-data.ts) */
  data: DataStore;
  /** where installed packages live (a folder the host owns) */
  dataDir: string;
  /** the host's bundled samples folder: its unsigned packages are trusted as part of the shell */
  bundledDir?: string;
  viewHost: ViewHost;
  /** host -> shell UI events */
  emit: (event: import('./shell-api').ShellEvent) => void;
  host: ShellOptions['host'];
  /** keep-alive limit: background apps beyond it are closed, least recently used first (default 3) */
  keepAlive?: number;
  openApi?: ShellOptions['openApi'];
  customApis?: ShellOptions['customApis'];
  /** URL under which the shell UI can load a file of an app's package (icons): each host maps its own scheme/origin */
  assetUrl: (appId: string, path: string) => string;
  /** Electron's native dialog; absent in the browser host */
  pickPackage?: () => Promise<string | null>;
  /** Electron's native save dialog: writes the text where the user chose, or null when cancelled; absent in the browser host */
  saveFile?: (fileName: string, content: string) => Promise<string | null>;
  /** base URL of the loopback server API when it is on */
  serverApi?: () => string | undefined;
  /**
   * The device APIs' host side. Electron gives all of it (clipboard module, open dialog); where a part is
   * missing the trusted shell page does it (navigator.clipboard; a chooser sheet whose files arrive as
   * uploads, resolved by `chooserUploads`).
   */
  device?: Partial<import('./device-host').DeviceHost> & { chooserUploads?: import('./device-host').ChooserUploads };
  handlerTimeoutMs?: number;
  promptTimeoutMs?: number;
  clock?: Clock;
  /** wx.getExtConfig's extConfig for an app (the hosts give the origin of its running merchant backend) */
  extConfig?: ShellOptions['extConfig'];
  /** wx.request and friends: the host's own ports (never reachable) and, for tests, DNS, CAs and limits */
  network?: RuntimeNetworkOptions;
}

export interface RuntimeNetworkOptions {
  /** ports of this host on this machine (shell page, server API, bridge): refused even when loopback is allowed */
  hostPorts(): Iterable<number>;
  resolver?: import('../network/guarded-lookup').Resolver;
  ca?: string[];
  limits?: Partial<import('../network/network-service').NetworkLimits>;
}

/** Everything a host needs, wired: `await createRuntime(options)` in core/runtime.ts (async: it reads the installed catalog). */
export interface Runtime {
  shell: Shell;
  catalog: Catalog;
  service: ShellService;
  /** bridge entry for a view: identity comes from the host's view id, never from the message */
  dispatchFromView(viewId: number, raw: unknown, wire?: WireFacts): Promise<ResponseEnvelope>;
  /**
   * a view's inspector reports (`{ v: 1, devtools: [...] }`, core/contracts/devtools.ts), one-way: kept per app
   * and pushed to the shell UI; a malformed frame is dropped and the reason returned for the host's log
   */
  reportFromView(viewId: number, raw: unknown): { ok: true } | { ok: false; problem: string };
  /** the Sync-storage mirror to embed in a view's entry page before its scripts run */
  storageMirror(viewId: number): Record<string, unknown>;
  /** wx.request and friends: the service, and the loopback origins each app may reach */
  network: { service: import('../network/network-service').NetworkService; loopback: import('../network/loopback-origins').LoopbackOrigins };
}
