import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfStore } from '../../../web/store';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'webstore-'));
  dirs.push(d);
  return d;
};

describe('conf-backed state store', () => {
  it('persists values in <dataDir>/superapp-state.json, readable by a new instance', () => {
    const dir = freshDir();
    const a = createConfStore(dir);
    a.set('wallet', { balance: 100, history: [] });
    a.set('dotted.key', 1);
    expect(a.path).toBe(join(dir, 'superapp-state.json'));
    const b = createConfStore(dir);
    expect(b.get('wallet')).toEqual({ balance: 100, history: [] });
    // keys are never split on dots (same option the Electron host gives electron-store)
    expect(JSON.parse(readFileSync(a.path, 'utf8'))['dotted.key']).toBe(1);
    expect(statSync(a.path).mode & 0o077).toBe(0);
  });

  it('hands out copies, so a caller changing what it read does not change the store', () => {
    const store = createConfStore(freshDir());
    store.set('profile', { nickName: 'A' });
    const read = store.get('profile') as { nickName: string };
    read.nickName = 'changed';
    expect(store.get('profile')).toEqual({ nickName: 'A' });
  });

  it('deletes keys', () => {
    const dir = freshDir();
    const store = createConfStore(dir);
    store.set('x', [1]);
    store.delete('x');
    expect(store.get('x')).toBeUndefined();
    expect(createConfStore(dir).get('x')).toBeUndefined();
  });
});
