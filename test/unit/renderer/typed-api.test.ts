import { describe, expect, it } from 'vitest';
import { ShellCallError, toErrorInfo } from '../../../renderer/lib/errors';
import { typedShellApi, type RawShellTransport } from '../../../renderer/transport/typed-api';

function raw(answer: (command: string, input: unknown) => unknown): RawShellTransport & { emit(e: unknown): void } {
  const listeners = new Set<(e: unknown) => void>();
  return {
    call: async (command, input) => answer(command, input),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (e) => listeners.forEach((l) => l(e)),
  };
}

describe('typedShellApi', () => {
  it('parses outputs with the command schema (defaults applied)', async () => {
    const api = typedShellApi(raw(() => [{ appId: 'shop_app', name: 'Shop', version: '1.0.0', installedAt: 1 }]), () => undefined);
    await expect(api.call('listApps', {})).resolves.toEqual([{ appId: 'shop_app', name: 'Shop', version: '1.0.0', installedAt: 1, dev: false }]);
  });

  it('refuses an output that does not match, with a message saying what to do', async () => {
    const warnings: string[] = [];
    const api = typedShellApi(raw(() => ({ balance: '12' })), (m) => warnings.push(m));
    const failure = api.call('getWallet', {});
    await expect(failure).rejects.toBeInstanceOf(ShellCallError);
    await expect(failure).rejects.toThrow('The host answered "getWallet" with data the shell does not understand.');
    expect(warnings).toEqual(['shell: unexpected output for getWallet']);
  });

  it("turns Electron's wrapped IPC errors into the host's own words", async () => {
    const electronError = Object.assign(new Error("Error invoking remote method 'shell:uninstall': Error: App \"x_app\" is not installed"), { hint: 'Reload the catalog' });
    const api = typedShellApi(raw(() => Promise.reject(electronError)));
    await expect(api.call('uninstall', { appId: 'x_app' })).rejects.toMatchObject({ message: 'App "x_app" is not installed', hint: 'Reload the catalog' });
  });

  it('passes only well-formed events to listeners', () => {
    const transport = raw(() => undefined);
    const api = typedShellApi(transport, () => undefined);
    const seen: unknown[] = [];
    api.onEvent((e) => seen.push(e));
    transport.emit({ type: 'appExited', viewId: 3 });
    transport.emit({ type: 'appExited', viewId: 'three' });
    transport.emit({ type: 'sheet', sheetId: 's1', viewId: 1, sheet: { kind: 'payment', app: { appId: 'a', name: 'A' } } });
    expect(seen).toEqual([{ type: 'appExited', viewId: 3 }]);
  });
});

describe('toErrorInfo', () => {
  it('keeps message and hint from every shape a transport rejects with', () => {
    expect(toErrorInfo(new ShellCallError('m', 'h'))).toEqual({ message: 'm', hint: 'h' });
    expect(toErrorInfo({ message: 'plain', hint: 'do this' })).toEqual({ message: 'plain', hint: 'do this' });
    expect(toErrorInfo(new TypeError('bad thing'))).toEqual({ message: 'bad thing' });
    expect(toErrorInfo('text')).toEqual({ message: 'text' });
    expect(toErrorInfo(undefined).message).toBe('Something went wrong');
  });
});
