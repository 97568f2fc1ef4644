// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- types/wx.d.ts is a global script, referenced exactly as mini program authors do
/// <reference path="../../../types/wx.d.ts" />
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createWx, type Wx as ClientWx } from '../../../client';
import type { ApiName as AnyApiName, ApiParamsInput, ApiResult } from '../../../core/contracts/apis';
import type { NetworkApiName } from '../../../core/contracts/network';
import { INTERNAL_API_NAMES, type InternalApiName, type ManagerOnlyFileApiName } from '../../../core/contracts/api-names';
import type { WxNetwork } from '../../../client/wx/network-types';

/**
 * The network APIs are wire calls behind task objects, most file APIs behind wx.getFileSystemManager(); their
 * page-facing types are checked below. The shell's internal calls are not for mini programs: not typed.
 */
type ApiName = Exclude<AnyApiName, NetworkApiName | ManagerOnlyFileApiName | InternalApiName>;
import { scriptedTransport } from './fake-transport';

/**
 * types/wx.d.ts is written by hand for mini program authors. These checks keep it equal to what the
 * host actually accepts and returns (types inferred from the API table): `tsc --noEmit -p .` fails on
 * any drift in the type-level part, vitest on any drift in the list of members.
 */

type Each<T extends Record<ApiName, unknown>> = T;

describe('types/wx.d.ts', () => {
  it('names exactly the APIs of the API table', () => {
    expectTypeOf<keyof WxApi.Params>().toEqualTypeOf<ApiName>();
    expectTypeOf<keyof WxApi.Results>().toEqualTypeOf<ApiName>();
  });

  it('declares every API params as the host parses them', () => {
    type Host = Each<{ [N in ApiName]: ApiParamsInput<N> }>;
    expectTypeOf<WxApi.Params['login']>().toEqualTypeOf<Host['login']>();
    expectTypeOf<WxApi.Params['checkSession']>().toEqualTypeOf<Host['checkSession']>();
    expectTypeOf<WxApi.Params['getUserInfo']>().toEqualTypeOf<Host['getUserInfo']>();
    expectTypeOf<WxApi.Params['getUserProfile']>().toEqualTypeOf<Host['getUserProfile']>();
    expectTypeOf<WxApi.Params['getPhoneNumber']>().toEqualTypeOf<Host['getPhoneNumber']>();
    expectTypeOf<WxApi.Params['requestPayment']>().toEqualTypeOf<Host['requestPayment']>();
    expectTypeOf<WxApi.Params['requestVirtualPayment']>().toEqualTypeOf<Host['requestVirtualPayment']>();
    expectTypeOf<WxApi.Params['invokeNativePlugin']>().toEqualTypeOf<Host['invokeNativePlugin']>();
    expectTypeOf<WxApi.Params['getSetting']>().toEqualTypeOf<Host['getSetting']>();
    expectTypeOf<WxApi.Params['authorize']>().toEqualTypeOf<Host['authorize']>();
    expectTypeOf<WxApi.Params['openSetting']>().toEqualTypeOf<Host['openSetting']>();
    expectTypeOf<WxApi.Params['exitMiniProgram']>().toEqualTypeOf<Host['exitMiniProgram']>();
    expectTypeOf<WxApi.Params['getSystemInfo']>().toEqualTypeOf<Host['getSystemInfo']>();
    expectTypeOf<WxApi.Params['setStorage']>().toEqualTypeOf<Host['setStorage']>();
    expectTypeOf<WxApi.Params['getStorage']>().toEqualTypeOf<Host['getStorage']>();
    expectTypeOf<WxApi.Params['removeStorage']>().toEqualTypeOf<Host['removeStorage']>();
    expectTypeOf<WxApi.Params['clearStorage']>().toEqualTypeOf<Host['clearStorage']>();
    expectTypeOf<WxApi.Params['getStorageInfo']>().toEqualTypeOf<Host['getStorageInfo']>();
    expectTypeOf<WxApi.Params['getExtConfig']>().toEqualTypeOf<Host['getExtConfig']>();
    expectTypeOf<WxApi.Params['setClipboardData']>().toEqualTypeOf<Host['setClipboardData']>();
    expectTypeOf<WxApi.Params['getClipboardData']>().toEqualTypeOf<Host['getClipboardData']>();
    expectTypeOf<WxApi.Params['chooseImage']>().toEqualTypeOf<Host['chooseImage']>();
    expectTypeOf<WxApi.Params['chooseMedia']>().toEqualTypeOf<Host['chooseMedia']>();
    expectTypeOf<WxApi.Params['getFileInfo']>().toEqualTypeOf<Host['getFileInfo']>();
    expectTypeOf<WxApi.Params['saveFile']>().toEqualTypeOf<Host['saveFile']>();
    expectTypeOf<WxApi.Params['getSavedFileList']>().toEqualTypeOf<Host['getSavedFileList']>();
    expectTypeOf<WxApi.Params['removeSavedFile']>().toEqualTypeOf<Host['removeSavedFile']>();
  });

  it('declares every API success result as the host returns it', () => {
    type Host = Each<{ [N in ApiName]: ApiResult<N> }>;
    expectTypeOf<WxApi.Results['login']>().toEqualTypeOf<Host['login']>();
    expectTypeOf<WxApi.Results['checkSession']>().toEqualTypeOf<Host['checkSession']>();
    expectTypeOf<WxApi.Results['getUserInfo']>().toEqualTypeOf<Host['getUserInfo']>();
    expectTypeOf<WxApi.Results['getUserProfile']>().toEqualTypeOf<Host['getUserProfile']>();
    expectTypeOf<WxApi.Results['getPhoneNumber']>().toEqualTypeOf<Host['getPhoneNumber']>();
    expectTypeOf<WxApi.Results['requestPayment']>().toEqualTypeOf<Host['requestPayment']>();
    expectTypeOf<WxApi.Results['requestVirtualPayment']>().toEqualTypeOf<Host['requestVirtualPayment']>();
    expectTypeOf<WxApi.Results['invokeNativePlugin']>().toEqualTypeOf<Host['invokeNativePlugin']>();
    expectTypeOf<WxApi.Results['getSetting']>().toEqualTypeOf<Host['getSetting']>();
    expectTypeOf<WxApi.Results['authorize']>().toEqualTypeOf<Host['authorize']>();
    expectTypeOf<WxApi.Results['openSetting']>().toEqualTypeOf<Host['openSetting']>();
    expectTypeOf<WxApi.Results['exitMiniProgram']>().toEqualTypeOf<Host['exitMiniProgram']>();
    expectTypeOf<WxApi.Results['getSystemInfo']>().toEqualTypeOf<Host['getSystemInfo']>();
    expectTypeOf<WxApi.Results['setStorage']>().toEqualTypeOf<Host['setStorage']>();
    expectTypeOf<WxApi.Results['getStorage']>().toEqualTypeOf<Host['getStorage']>();
    expectTypeOf<WxApi.Results['removeStorage']>().toEqualTypeOf<Host['removeStorage']>();
    expectTypeOf<WxApi.Results['clearStorage']>().toEqualTypeOf<Host['clearStorage']>();
    expectTypeOf<WxApi.Results['getStorageInfo']>().toEqualTypeOf<Host['getStorageInfo']>();
    expectTypeOf<WxApi.Results['getExtConfig']>().toEqualTypeOf<Host['getExtConfig']>();
    expectTypeOf<WxApi.Results['setClipboardData']>().toEqualTypeOf<Host['setClipboardData']>();
    expectTypeOf<WxApi.Results['getClipboardData']>().toEqualTypeOf<Host['getClipboardData']>();
    expectTypeOf<WxApi.Results['chooseImage']>().toEqualTypeOf<Host['chooseImage']>();
    expectTypeOf<WxApi.Results['chooseMedia']>().toEqualTypeOf<Host['chooseMedia']>();
    expectTypeOf<WxApi.Results['getFileInfo']>().toEqualTypeOf<Host['getFileInfo']>();
    expectTypeOf<WxApi.Results['saveFile']>().toEqualTypeOf<Host['saveFile']>();
    expectTypeOf<WxApi.Results['getSavedFileList']>().toEqualTypeOf<Host['getSavedFileList']>();
    expectTypeOf<WxApi.Results['removeSavedFile']>().toEqualTypeOf<Host['removeSavedFile']>();
  });

  it('Promise style resolves with result + errMsg; callback style returns nothing', async () => {
    // the declared `wx` is the client's object: check the declared shapes against real calls
    const wx: Wx = createWx(scriptedTransport((msg) => ({ v: 1, id: msg.id, ok: true, result: { code: 'c', errMsg: `${msg.api}:ok` } })));
    const promised = wx.login();
    expectTypeOf(promised).toEqualTypeOf<Promise<WxApi.Success<WxApi.Results['login']>>>();
    expect(await promised).toEqual({ code: 'c', errMsg: 'login:ok' });
    const code = await new Promise<string>((resolve) => {
      const returned = wx.login({ success: (r) => resolve(r.code) });
      expectTypeOf(returned).toBeVoid();
      expect(returned).toBeUndefined();
    });
    expect(code).toBe('c');
    expectTypeOf(wx.getUserProfile).parameter(0).toHaveProperty('desc');
    // required params stay required
    // @ts-expect-error getUserProfile needs desc
    void (() => wx.getUserProfile());
    // @ts-expect-error wrong-typed params are rejected by the compiler, as by the host
    void (() => wx.login({ timeout: '5' }));
  });

  it('agrees with the client implementation member for member', () => {
    expectTypeOf<keyof Wx>().toEqualTypeOf<keyof ClientWx>();
    const declared = [...readFileSync(new URL('../../../types/wx.d.ts', import.meta.url), 'utf8').matchAll(/^ {2}(\w+)(?::|\()/gm)]
      .map((m) => m[1])
      .filter((name): name is string => Boolean(name));
    const inWxInterface = declared.filter((name) => name in createWx(scriptedTransport()));
    const internal = new Set<string>(INTERNAL_API_NAMES);
    expect(new Set(inWxInterface)).toEqual(new Set(Object.keys(createWx(scriptedTransport())).filter((name) => !internal.has(name))));
  });

  it('declares the network APIs as the client implements them: task objects, no Promise style', () => {
    expectTypeOf<Parameters<Wx['request']>[0]>().toEqualTypeOf<Parameters<WxNetwork['request']>[0]>();
    expectTypeOf<ReturnType<Wx['request']>>().toEqualTypeOf<ReturnType<WxNetwork['request']>>();
    expectTypeOf<Parameters<Wx['downloadFile']>[0]>().toEqualTypeOf<Parameters<WxNetwork['downloadFile']>[0]>();
    expectTypeOf<ReturnType<Wx['downloadFile']>>().toEqualTypeOf<ReturnType<WxNetwork['downloadFile']>>();
    expectTypeOf<Parameters<Wx['uploadFile']>[0]>().toEqualTypeOf<Parameters<WxNetwork['uploadFile']>[0]>();
    expectTypeOf<ReturnType<Wx['uploadFile']>>().toEqualTypeOf<ReturnType<WxNetwork['uploadFile']>>();
    expectTypeOf<Parameters<Wx['connectSocket']>[0]>().toEqualTypeOf<Parameters<WxNetwork['connectSocket']>[0]>();
    expectTypeOf<ReturnType<Wx['connectSocket']>>().toEqualTypeOf<ReturnType<WxNetwork['connectSocket']>>();
    const wx: Wx = createWx(scriptedTransport());
    const task = wx.request({ url: 'https://api.example.com/' });
    expect(Object.keys(task).sort()).toEqual(['abort', 'offHeadersReceived', 'onHeadersReceived']);
    // @ts-expect-error url is required, as by the host
    void (() => wx.request({}));
  });
});

