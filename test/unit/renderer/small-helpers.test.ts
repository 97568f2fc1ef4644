import { describe, expect, it } from 'vitest';
import { errorLines, isSnippetLine } from '../../../renderer/lib/install-errors';
import { letterFor, toneFor } from '../../../renderer/lib/letter-icon';
import { sameBounds, stageBounds } from '../../../renderer/lib/viewport';
import { shellSocketUrl, shellToken } from '../../../renderer/shell-api-client';

describe('install errors', () => {
  it('puts each bad manifest field on its own line and drops blank lines', () => {
    expect(errorLines('manifest.json has 2 problems:\r\n  appId: too short\n\nversion: must be semver\n')).toEqual([
      'manifest.json has 2 problems:',
      'appId: too short',
      'version: must be semver',
    ]);
  });

  it('keeps the indentation of a compile error\'s snippet so the caret stays under its column', () => {
    const message = 'The mini program does not compile (1 problem):\npages/a.wxml:2:4: missing end tag for <text>\n2 |   <text>hi\n  |    ^\n';
    expect(errorLines(message)).toEqual(['The mini program does not compile (1 problem):', 'pages/a.wxml:2:4: missing end tag for <text>', '2 |   <text>hi', '  |    ^']);
    expect(errorLines(message).map(isSnippetLine)).toEqual([false, false, true, true]);
  });
});

describe('stage viewport', () => {
  it('reports the stage rectangle rounded, or zero size when a panel covers it', () => {
    expect(stageBounds({ left: 0.4, top: 56.6, width: 1279.5, height: 743.2 }, true)).toEqual({ x: 0, y: 57, width: 1280, height: 743 });
    expect(stageBounds({ left: 0, top: 56, width: 1280, height: 744 }, false)).toEqual({ x: 0, y: 56, width: 0, height: 0 });
    expect(sameBounds(undefined, { x: 0, y: 0, width: 0, height: 0 })).toBe(false);
    expect(sameBounds({ x: 1, y: 2, width: 3, height: 4 }, { x: 1, y: 2, width: 3, height: 4 })).toBe(true);
  });
});

describe('letter placeholder', () => {
  it('uses the first letter (any script) and a stable tone per app', () => {
    expect(letterFor(' demo shop')).toBe('D');
    expect(letterFor('天气')).toBe('天');
    expect(letterFor('')).toBe('?');
    expect(toneFor('demo_shop')).toBe(toneFor('demo_shop'));
    expect(toneFor('demo_shop')).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('browser host connection details', () => {
  it('builds the socket URL on the page origin with the token encoded', () => {
    expect(shellSocketUrl({ protocol: 'http:', host: '127.0.0.1:4780' }, 'a b&c')).toBe('ws://127.0.0.1:4780/ws/shell?token=a%20b%26c');
    expect(shellSocketUrl({ protocol: 'https:', host: 'localhost' }, 't')).toBe('wss://localhost/ws/shell?token=t');
  });

  it('reads the token the server injected, ignoring empty placeholders', () => {
    const doc = { querySelectorAll: () => [{ content: 'first' }, { content: '' }, { content: 'injected' }] } as unknown as Document;
    expect(shellToken(doc)).toBe('injected');
    expect(shellToken({ querySelectorAll: () => [] } as unknown as Document)).toBeUndefined();
  });
});
