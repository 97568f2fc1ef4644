import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appInfoFromManifest } from '../../../../core/contracts/app';
import type { ShellEvent } from '../../../../core/contracts/shell-api';
import type { Sheet, SheetAnswer } from '../../../../core/contracts/sheets';
import { ShellTasks, sheetImagePicker } from '../../../../core/device';
import { chooserUploads } from '../../../../web/upload';
import { manifest } from '../dispatcher/harness';

const caller = { appInfo: appInfoFromManifest(manifest('app-a')), webViewId: 3 };

describe('device tasks done by the browser host\'s shell page', () => {
  it('sends a deviceTask event to the shell page and resolves with its answer', async () => {
    const events: ShellEvent[] = [];
    const tasks = new ShellTasks((e) => events.push(e));
    const read = tasks.run({ op: 'clipboardRead' }, caller);
    const sent = events[0] as Extract<ShellEvent, { type: 'deviceTask' }>;
    expect(sent).toMatchObject({ type: 'deviceTask', viewId: 3, task: { op: 'clipboardRead' } });
    tasks.answer(sent.taskId, { ok: true, text: 'hello' });
    expect(await read).toEqual({ ok: true, text: 'hello' });
    // answered once: a late second answer is refused with a reason
    expect(() => tasks.answer(sent.taskId, { ok: true, text: 'again' })).toThrow('no longer waiting');
  });

  it('a closed view or a timed-out call ends its task as a failure', async () => {
    const tasks = new ShellTasks(() => undefined);
    const write = tasks.run({ op: 'clipboardWrite', text: 'x' }, caller);
    tasks.cancelForView(3);
    expect(await write).toEqual({ ok: false, error: 'the mini program closed' });
    const timer = new AbortController();
    const read = tasks.run({ op: 'clipboardRead' }, caller, timer.signal);
    timer.abort();
    expect(await read).toEqual({ ok: false, error: 'the call timed out' });
  });
});

describe('the chooseImages sheet (browser host)', () => {
  async function setup(answer: (sheet: Sheet) => SheetAnswer) {
    const uploadsDir = await mkdtemp(join(tmpdir(), 'uploads-'));
    const upload = async (name: string) => {
      const folder = join(uploadsDir, Math.random().toString(16).slice(2, 10).padEnd(16, '0'));
      await mkdir(folder);
      await writeFile(join(folder, name), 'img');
      return join(folder, name);
    };
    const sheets: Sheet[] = [];
    const pick = sheetImagePicker({ ask: async (sheet) => (sheets.push(sheet), answer(sheet)) }, chooserUploads(uploadsDir, () => undefined));
    return { upload, pick, sheets, uploadsDir };
  }

  it('shows a chooser sheet with the count and limits, and takes only this host\'s uploads', async () => {
    let source = '';
    const { upload, pick, sheets } = await setup(() => ({ confirmed: true, files: [{ source, width: 4, height: 3 }] }));
    source = await upload('cat.png');
    const picked = await pick({ api: 'chooseImage', count: 2 }, caller);
    expect(sheets).toEqual([
      { kind: 'chooseImages', app: { appId: 'app-a', name: 'App app-a' }, api: 'chooseImage', count: 2, maxFileBytes: 20 * 1024 * 1024, extensions: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp'] },
    ]);
    expect(picked?.files).toEqual([{ path: source, name: 'cat.png', width: 4, height: 3 }]);
    await picked?.release?.();
  });

  it('refuses a source outside the uploads folder, and a cancel is null', async () => {
    const outside = await setup(() => ({ confirmed: true, files: [{ source: '/etc/passwd' }] }));
    await expect(outside.pick({ api: 'chooseImage', count: 1 }, caller)).rejects.toThrow('file not found');
    const cancelled = await setup(() => ({ confirmed: false }));
    expect(await cancelled.pick({ api: 'chooseMedia', count: 1 }, caller)).toBeNull();
  });
});
