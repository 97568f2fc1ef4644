import { z } from 'zod';
import { AuthSetting, UserInfo } from './apis';
import { Manifest } from './app';
import { Sheet, SheetAnswer } from './sheets';
import { DevRecord, PageStackState } from './devtools';

/**
 * The typed shell API: everything the shell UI (renderer/) may ask of its host, and every event the
 * host pushes to it. The same table is carried over Electron IPC (one channel per command, see
 * main/ipc-channels) and over the browser host's WebSocket. Inputs and outputs are parsed on both sides.
 */

export const CatalogEntry = z.object({
  appId: z.string(),
  name: z.string(),
  version: z.string(),
  description: z.string().optional(),
  developer: z.string().optional(),
  /** URL the shell UI can load the icon from, or undefined for a generated placeholder */
  iconUrl: z.string().optional(),
  installedAt: z.number(),
  /** true for an app loaded from a development folder (`--app`), reloaded on change, and for every unsigned package */
  dev: z.boolean().default(false),
  /** the package carried no signature: installed as a dev app, its updates are not tied to any key */
  unsigned: z.boolean().optional(),
  /** the fingerprint of the key the app's package is signed with (pinned at its first install) */
  keyFingerprint: z.string().optional(),
});
export type CatalogEntry = z.infer<typeof CatalogEntry>;

export const RunningApp = z.object({
  viewId: z.number().int(),
  appId: z.string(),
  name: z.string(),
  /** what the host needs to show the view: the browser host loads it in an iframe, Electron ignores it */
  url: z.string(),
  active: z.boolean(),
});
export type RunningApp = z.infer<typeof RunningApp>;

export const Profile = UserInfo.extend({ phoneNumber: z.string().regex(/^\+?\d{5,20}$/), countryCode: z.string().regex(/^\d{1,4}$/) });
export type Profile = z.infer<typeof Profile>;

export const PaymentRecord = z.object({
  at: z.number(),
  appId: z.string(),
  appName: z.string(),
  kind: z.enum(['payment', 'virtualPayment']),
  outTradeNo: z.string(),
  description: z.string(),
  amount: z.number().int(),
});
export const Wallet = z.object({ balance: z.number().int(), currency: z.literal('CNY'), history: z.array(PaymentRecord) });
export type Wallet = z.infer<typeof Wallet>;

export const AuditEntry = z.object({
  at: z.number(),
  appId: z.string(),
  scope: z.string(),
  action: z.enum(['grant', 'refuse', 'revoke', 'consent', 'decline']),
  via: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AppPermissions = z.object({ appId: z.string(), name: z.string(), authSetting: AuthSetting, declared: Manifest.shape.permissions });
export type AppPermissions = z.infer<typeof AppPermissions>;

export const DeveloperInfo = z.object({
  appId: z.string(),
  appSecret: z.string(),
  payKey: z.string(),
  appKey: z.string(),
  developerId: z.string(),
  serverApi: z.string().optional(),
});
export type DeveloperInfo = z.infer<typeof DeveloperInfo>;

export const CallOutcome = z.enum(['ok', 'fail', 'cancel', 'timeout', 'error']);
export const CallRecord = z.object({
  seq: z.number().int(),
  at: z.number(),
  appId: z.string(),
  webViewId: z.number().int(),
  api: z.string(),
  /** the params as sent, or a size-capped preview of them when they were large or deep (see paramsSize) */
  params: z.unknown(),
  /** JSON size of the whole params, present when `params` is only a preview */
  paramsSize: z.number().int().optional(),
  outcome: CallOutcome,
  /** the result, or a size-capped preview of it (see resultSize) */
  result: z.unknown().optional(),
  /** JSON size of the whole result, present when `result` is only a preview */
  resultSize: z.number().int().optional(),
  errMsg: z.string().optional(),
  /** the handler's own message for crashes: shown in the inspector, never sent to the app */
  internalError: z.string().optional(),
  mocked: z.boolean().default(false),
  ms: z.number(),
});
export type CallRecord = z.infer<typeof CallRecord>;

export const MockRule = z.object({
  id: z.string(),
  appId: z.string(),
  api: z.string(),
  /** for invokeNativePlugin: which api_name the rule applies to; absent = all */
  apiName: z.string().optional(),
  action: z.discriminatedUnion('type', [
    z.object({ type: z.literal('succeed'), result: z.record(z.string(), z.unknown()) }),
    z.object({ type: z.literal('fail'), errMsg: z.string().min(1), errno: z.number().int().optional(), errCode: z.number().int().optional() }),
    z.object({ type: z.literal('delay'), ms: z.number().int().min(0).max(120_000) }),
  ]),
  enabled: z.boolean().default(true),
});
export type MockRule = z.infer<typeof MockRule>;

/**
 * What a package will be installed as, shown to the user before anything is copied: for a WeChat
 * DevTools project, the capability list the install read from its code (or its manifest.json) and the
 * appId, which the shell makes up for a test project that has none.
 */
export const InstallPreview = z.object({
  format: z.enum(['web', 'wechat']),
  appId: z.string(),
  appIdGenerated: z.boolean(),
  name: z.string(),
  version: z.string(),
  developer: z.string().optional(),
  openApi: z.array(z.string()),
  customApi: z.array(z.string()),
  capabilitySource: z.enum(['manifest', 'code']),
  /** what the scan of the code could not read */
  notes: z.array(z.string()),
  /** the name of the installed app this package would replace */
  replaces: z.string().optional(),
});
export type InstallPreview = z.infer<typeof InstallPreview>;

export const InstallProgress = z.object({ installId: z.string(), phase: z.enum(['reading', 'copying', 'done', 'failed']), bytes: z.number(), totalBytes: z.number() });
export type InstallProgress = z.infer<typeof InstallProgress>;

/** Layout of the area where mini program views go, in CSS pixels of the shell window (Electron positions views from it). */
export const ViewportBounds = z.object({ x: z.number(), y: z.number(), width: z.number().nonnegative(), height: z.number().nonnegative() });

const none = z.object({}).strict();
/** The largest text saveFile takes (characters): a full inspector export is far smaller. */
export const SAVE_FILE_MAX_CHARS = 64 * 1024 * 1024;
const ok = z.object({ ok: z.literal(true) });

/** One entry per command: the input and output schemas. */
export const shellCommands = {
  listApps: { input: none, output: z.array(CatalogEntry) },
  /**
   * `path` opens a WeChat-format app on that page, as a launch from a share or a scan does ("pages/a/a?x=1");
   * a page the package does not have reaches the app's onPageNotFound. Ignored when the app already runs.
   */
  launch: { input: z.object({ appId: z.string(), path: z.string().min(1).max(2048).optional() }), output: RunningApp },
  activate: { input: z.object({ viewId: z.number().int() }), output: ok },
  close: { input: z.object({ viewId: z.number().int() }), output: ok },
  listRunning: { input: none, output: z.array(RunningApp) },
  /** source is a host path (Electron dialog, --app) or, in the browser host, an upload id */
  /** Electron: native open dialog (folder or .zip). Browser host: returns null; the UI uploads a .zip instead. */
  pickPackage: { input: none, output: z.object({ source: z.string().nullable() }) },
  /** reads (and for a WeChat project, compiles) a package without installing it */
  previewInstall: { input: z.object({ source: z.string().min(1) }), output: InstallPreview },
  install: { input: z.object({ source: z.string().min(1) }), output: CatalogEntry },
  /**
   * Electron: the native save dialog, then the host writes `content` there; path null = the user cancelled.
   * Hosts without a dialog refuse it: the browser host's page downloads the file itself (a desktop shell
   * page cannot, its session takes no downloads).
   */
  saveFile: {
    input: z.object({
      fileName: z.string().min(1).max(255).regex(/^[^/\\]+$/, 'a file name, not a path'),
      content: z.string().max(SAVE_FILE_MAX_CHARS),
    }),
    output: z.object({ path: z.string().nullable() }),
  },
  uninstall: { input: z.object({ appId: z.string() }), output: ok },
  getProfile: { input: none, output: Profile },
  updateProfile: { input: Profile.partial(), output: Profile },
  getWallet: { input: none, output: Wallet },
  listPermissions: { input: none, output: z.array(AppPermissions) },
  revokeScope: { input: z.object({ appId: z.string(), scope: z.string() }), output: ok },
  getAudit: { input: z.object({ appId: z.string().optional() }), output: z.array(AuditEntry) },
  getDeveloperInfo: { input: z.object({ appId: z.string() }), output: DeveloperInfo },
  listCalls: { input: none, output: z.array(CallRecord) },
  clearCalls: { input: none, output: ok },
  /** what running views reported for the inspector: exceptions, rejections, setData, and each view's page stack */
  listDevtools: { input: none, output: z.object({ records: z.array(DevRecord), stacks: z.array(PageStackState) }) },
  clearDevtools: { input: none, output: ok },
  listMocks: { input: none, output: z.array(MockRule) },
  setMock: { input: MockRule.omit({ id: true }).extend({ id: z.string().optional() }), output: MockRule },
  removeMock: { input: z.object({ id: z.string() }), output: ok },
  answerSheet: { input: z.object({ sheetId: z.string(), answer: SheetAnswer }), output: ok },
  /** the browser host's shell page did (or could not do) a device task for an app: see the deviceTask event */
  answerDeviceTask: {
    input: z.object({ taskId: z.string(), ok: z.boolean(), text: z.string().optional(), error: z.string().max(500).optional() }),
    output: ok,
  },
  setViewport: { input: ViewportBounds, output: ok },
  getHostInfo: {
    input: none,
    output: z.object({ host: z.enum(['electron', 'web']), version: z.string(), keepAlive: z.number().int(), serverApi: z.string().optional() }),
  },
} as const;
export type ShellCommand = keyof typeof shellCommands;
export type ShellInput<C extends ShellCommand> = z.input<(typeof shellCommands)[C]['input']>;
export type ShellOutput<C extends ShellCommand> = z.output<(typeof shellCommands)[C]['output']>;

/** host -> shell UI */
export const ShellEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sheet'), sheetId: z.string(), viewId: z.number().int(), sheet: Sheet }),
  z.object({ type: z.literal('sheetClosed'), sheetId: z.string() }),
  z.object({ type: z.literal('call'), record: CallRecord }),
  /** reports a view sent (one frame's worth) */
  z.object({ type: z.literal('devtools'), records: z.array(DevRecord) }),
  /** a view's page stack changed */
  z.object({ type: z.literal('pageStack'), stack: PageStackState }),
  z.object({ type: z.literal('appsChanged') }),
  z.object({ type: z.literal('runningChanged'), running: z.array(RunningApp) }),
  z.object({ type: z.literal('walletChanged') }),
  z.object({ type: z.literal('permissionsChanged') }),
  z.object({ type: z.literal('installProgress'), progress: InstallProgress }),
  z.object({ type: z.literal('appExited'), viewId: z.number().int() }),
  /**
   * Browser host only: the shell page does this for an app (its system clipboard is reached from the trusted
   * page, never from the app's frame) and answers with answerDeviceTask.
   */
  z.object({ type: z.literal('deviceTask'), taskId: z.string(), viewId: z.number().int(), task: z.discriminatedUnion('op', [
    z.object({ op: z.literal('clipboardWrite'), text: z.string() }),
    z.object({ op: z.literal('clipboardRead') }),
  ]) }),
  /** a short notice an API shows for an app, as WeChat does (setClipboardData's "内容已复制") */
  z.object({ type: z.literal('appToast'), viewId: z.number().int(), text: z.string(), ms: z.number().int().positive() }),
  /** the data folder could not take a write (disk full, read-only): a sentence for the user */
  z.object({ type: z.literal('dataTrouble'), message: z.string() }),
]);
export type ShellEvent = z.infer<typeof ShellEvent>;

/** What the renderer is given (preload in Electron, WebSocket client in the browser host). */
export interface ShellApi {
  call<C extends ShellCommand>(command: C, input: ShellInput<C>): Promise<ShellOutput<C>>;
  onEvent(listener: (event: ShellEvent) => void): () => void;
}

/** A failed shell command: what went wrong and what to do, shown to the user as-is. */
export const ShellError = z.object({ message: z.string(), hint: z.string().optional() });
