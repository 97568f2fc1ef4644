import { vi } from 'vitest';
import type { ApiName, UserInfoResult } from '../../../../core/contracts/apis';
import { appInfoFromManifest, Manifest, type CallerIdentity } from '../../../../core/contracts/app';
import type { OpenApiHandler } from '../../../../core/contracts/integrator';
import type { Clock } from '../../../../core/contracts/ports';
import type { Shell } from '../../../../core/contracts/services';
import type { Sheet, SheetAnswer } from '../../../../core/contracts/sheets';
import { ResponseEnvelope } from '../../../../core/contracts/wire';
import { buildShell } from '../../../../core/dispatcher/build-shell';
import type { DeviceApisDeps } from '../../../../core/contracts/device-host';
import { memoryData } from '../../../support/memory-data';
import { memoryStore } from '../../../support/memory-store';

/** Test fixtures for the bridge: a shell with a scripted backend, prompter and two installed apps. */

export const ALL_OPEN = ['login', 'checkSession', 'getUserInfo', 'getUserProfile', 'getPhoneNumber', 'requestPayment', 'requestVirtualPayment'] as const;

export function manifest(appId: string, permissions: Partial<Manifest['permissions']> = {}): Manifest {
  return Manifest.parse({
    appId,
    name: `App ${appId}`,
    version: '1.0.0',
    entry: 'index.html',
    permissions: { openApi: [...ALL_OPEN], customApi: ['echo', 'noop'], ...permissions },
  });
}

export const USER_INFO: UserInfoResult = {
  userInfo: { nickName: 'Ada', avatarUrl: 'https://example.test/a.png', gender: 2, country: 'UK', province: 'London', city: 'London', language: 'en' },
  rawData: '{"nickName":"Ada"}',
  signature: 'f'.repeat(40),
};

export const VALID_SIG = 'a'.repeat(64);

/** Params each API accepts, so a test can call any of them successfully. */
export const VALID_PARAMS: Record<ApiName, Record<string, unknown>> = {
  login: {},
  checkSession: {},
  getUserInfo: { withCredentials: true },
  getUserProfile: { desc: 'Show your name' },
  getPhoneNumber: {},
  requestPayment: { timeStamp: '1700000000', nonceStr: 'n1', package: 'prepay_id=wx123', signType: 'HMAC-SHA256', paySign: 'SIGN' },
  requestVirtualPayment: { signData: '{"offerId":"o"}', mode: 'short_series_coin', paySig: VALID_SIG, signature: VALID_SIG },
  invokeNativePlugin: { api_name: 'echo', data: { name: 'kka', age: 22 } },
  getSetting: {},
  authorize: { scope: 'scope.userInfo' },
  openSetting: {},
  exitMiniProgram: {},
  getSystemInfo: {},
  setStorage: { key: 'k', data: 1 },
  getStorage: { key: 'k' },
  removeStorage: { key: 'k' },
  clearStorage: {},
  getStorageInfo: {},
  getExtConfig: {},
  request: { taskId: 't1', url: 'https://api.example.test/x' },
  downloadFile: { taskId: 't2', url: 'https://api.example.test/f.png' },
  uploadFile: { taskId: 't3', url: 'https://api.example.test/up', filePath: '/__superapp__/tmp/tmp_x', name: 'file' },
  connectSocket: { taskId: 't4', url: 'wss://api.example.test/ws' },
  sendSocketMessage: { taskId: 't4', data: 'hi' },
  closeSocket: { taskId: 't4' },
  abortNetworkTask: { taskId: 't1' },
  setClipboardData: { data: 'copied' },
  getClipboardData: {},
  chooseImage: { count: 1 },
  chooseMedia: { count: 1, mediaType: ['image'] },
  access: { path: 'wxfile://usr' },
  readFile: { filePath: 'wxfile://usr/a.txt', encoding: 'utf8' },
  writeFile: { filePath: 'wxfile://usr/a.txt', data: 'hi' },
  appendFile: { filePath: 'wxfile://usr/a.txt', data: '!' },
  unlink: { filePath: 'wxfile://usr/a.txt' },
  mkdir: { dirPath: 'wxfile://usr/d' },
  rmdir: { dirPath: 'wxfile://usr/d' },
  readdir: { dirPath: 'wxfile://usr' },
  stat: { path: 'wxfile://usr' },
  rename: { oldPath: 'wxfile://usr/a.txt', newPath: 'wxfile://usr/b.txt' },
  copyFile: { srcPath: 'wxfile://usr/a.txt', destPath: 'wxfile://usr/c.txt' },
  truncate: { filePath: 'wxfile://usr/a.txt' },
  getFileInfo: { filePath: 'wxfile://usr/a.txt' },
  saveFile: { tempFilePath: '/__superapp__/tmp/tmp_x' },
  getSavedFileList: {},
  removeSavedFile: { filePath: 'wxfile://store_x' },
  __writeTempFile: { data: 'iVBORw0KGgo=', fileType: 'png' },
};

export function fakeOpenApi(): { [K in keyof OpenApiHandler]: ReturnType<typeof vi.fn> } & OpenApiHandler {
  return {
    login: vi.fn(async () => ({ code: 'code-1' })),
    checkSession: vi.fn(async () => ({})),
    getUserInfo: vi.fn(async () => USER_INFO),
    getUserProfile: vi.fn(async () => USER_INFO),
    getPhoneNumber: vi.fn(async () => ({ code: 'phone-code-1' })),
    requestPayment: vi.fn(async () => ({})),
    requestVirtualPayment: vi.fn(async () => ({})),
  } as never;
}

export interface Harness {
  shell: Shell;
  store: ReturnType<typeof memoryStore>;
  data: ReturnType<typeof memoryData>;
  openApi: ReturnType<typeof fakeOpenApi>;
  /** every sheet shown, in order */
  sheets: Sheet[];
  /** answers the prompter gives, first in first out; default: confirmed */
  answers: SheetAnswer[];
  callerA: CallerIdentity;
  callerB: CallerIdentity;
  call(api: string, params?: unknown, caller?: CallerIdentity): Promise<ResponseEnvelope>;
}

let nextId = 0;

export function harness(
  options: { store?: ReturnType<typeof memoryStore>; data?: ReturnType<typeof memoryData>; clock?: Clock; manifests?: Manifest[]; handlerTimeoutMs?: number; extConfig?: (appId: string) => Record<string, unknown>; device?: DeviceApisDeps; fileStorageLimitBytes?: number } = {},
): Harness {
  const store = options.store ?? memoryStore();
  const data = options.data ?? memoryData();
  const openApi = fakeOpenApi();
  const sheets: Sheet[] = [];
  const answers: SheetAnswer[] = [];
  const manifests = new Map((options.manifests ?? [manifest('app-a'), manifest('app-b')]).map((m) => [m.appId, m]));
  const shell = buildShell(
    {
      store,
      data,
      prompter: {
        async ask(sheet) {
          sheets.push(sheet);
          return answers.shift() ?? { confirmed: true };
        },
      },
      clock: options.clock,
      openApi,
      host: { name: 'web', version: '1.2.3', platform: 'linux', language: 'en' },
      handlerTimeoutMs: options.handlerTimeoutMs,
      ...(options.extConfig ? { extConfig: options.extConfig } : {}),
      ...(options.device ? { device: options.device } : {}),
      ...(options.fileStorageLimitBytes !== undefined ? { fileStorageLimitBytes: options.fileStorageLimitBytes } : {}),
    },
    () => {
      throw new Error('the default platform must not be used when openApi is given');
    },
  );
  shell.setManifestSource((appId) => manifests.get(appId));
  shell.registerMiniAppApi('echo', async (call) => ({ echoed: call.params.data, appId: call.appInfo.appId }));
  shell.registerMiniAppApi('noop', async () => undefined);
  const callerOf = (appId: string, webViewId: number): CallerIdentity => ({ appInfo: appInfoFromManifest(manifest(appId)), webViewId });
  const callerA = callerOf('app-a', 7);
  const callerB = callerOf('app-b', 8);
  return {
    shell,
    store,
    data,
    openApi,
    sheets,
    answers,
    callerA,
    callerB,
    call: (api, params = {}, caller = callerA) => shell.dispatch({ v: 1, id: ++nextId, api, params }, caller),
  };
}

/** The failure part of a response, with a readable message when the call unexpectedly succeeded. */
export function failureOf(response: ResponseEnvelope): { errMsg: string; errno?: number; errCode?: number } {
  if (response.ok) throw new Error(`expected a failure, got success ${JSON.stringify(response.result)}`);
  const { errMsg, errno, errCode } = response;
  return { errMsg, ...(errno !== undefined ? { errno } : {}), ...(errCode !== undefined ? { errCode } : {}) };
}

export function resultOf(response: ResponseEnvelope): Record<string, unknown> {
  if (!response.ok) throw new Error(`expected success, got ${response.errMsg}`);
  return response.result;
}

/** Silences and captures console.error for tests that provoke crashes on purpose. */
export function captureConsoleError(): ReturnType<typeof vi.spyOn> {
  return vi.spyOn(console, 'error').mockImplementation(() => undefined);
}
