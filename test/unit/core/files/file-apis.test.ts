import { describe, expect, it } from 'vitest';
import { failureOf, harness, resultOf } from '../dispatcher/harness';

const USR = 'wxfile://usr';

describe('the file APIs through the dispatcher (core/files)', () => {
  it('writes and reads back utf8, base64 and binary (base64 on the wire) data', async () => {
    const h = harness();
    expect(resultOf(await h.call('writeFile', { filePath: `${USR}/note.txt`, data: '你好, files' }))).toEqual({ errMsg: 'writeFile:ok' });
    expect(resultOf(await h.call('readFile', { filePath: `${USR}/note.txt`, encoding: 'utf8' }))).toEqual({ data: '你好, files', errMsg: 'readFile:ok' });
    // the same bytes in another encoding
    expect(resultOf(await h.call('readFile', { filePath: `${USR}/note.txt`, encoding: 'hex', position: 0, length: 3 })).data).toBe('e4bda0');

    // what the client sends for an ArrayBuffer: base64 with encoding "base64"; without encoding the host answers base64
    resultOf(await h.call('writeFile', { filePath: `${USR}/bytes.bin`, data: 'AAEC/w==', encoding: 'base64' }));
    expect(resultOf(await h.call('readFile', { filePath: `${USR}/bytes.bin` })).data).toBe('AAEC/w==');
    expect(resultOf(await h.call('readFile', { filePath: `${USR}/bytes.bin`, encoding: 'hex', position: 1 })).data).toBe('0102ff');

    resultOf(await h.call('appendFile', { filePath: `${USR}/note.txt`, data: '!' }));
    expect(resultOf(await h.call('readFile', { filePath: `${USR}/note.txt`, encoding: 'utf-8' })).data).toBe('你好, files!');
    expect(failureOf(await h.call('writeFile', { filePath: `${USR}/x.bin`, data: '***', encoding: 'base64' }))).toEqual({
      errMsg: 'writeFile:fail base64 encode error',
      errno: 1300203,
    });
  });

  it('mkdir recursive, readdir, stat (plain and recursive) and WeChat errMsgs for what is missing or in the way', async () => {
    const h = harness();
    expect(failureOf(await h.call('mkdir', { dirPath: `${USR}/a/b` }))).toEqual({ errMsg: `mkdir:fail no such file or directory ${USR}/a/b`, errno: 1300002 });
    resultOf(await h.call('mkdir', { dirPath: `${USR}/a/b`, recursive: true }));
    expect(failureOf(await h.call('mkdir', { dirPath: `${USR}/a` }))).toEqual({ errMsg: `mkdir:fail file already exists ${USR}/a`, errno: 1301005 });
    resultOf(await h.call('writeFile', { filePath: `${USR}/a/b/c.txt`, data: 'abc' }));
    resultOf(await h.call('writeFile', { filePath: `${USR}/a/top.txt`, data: 'x' }));

    expect(resultOf(await h.call('readdir', { dirPath: `${USR}/a` })).files).toEqual(['b', 'top.txt']);
    expect(resultOf(await h.call('readdir', { dirPath: USR })).files).toEqual(['a']);
    expect(failureOf(await h.call('readdir', { dirPath: `${USR}/a/top.txt` }))).toEqual({ errMsg: `readdir:fail not a directory ${USR}/a/top.txt`, errno: 1300020 });
    expect(failureOf(await h.call('readFile', { filePath: `${USR}/nope.txt` }))).toEqual({ errMsg: `readFile:fail no such file or directory, open ${USR}/nope.txt`, errno: 1300002 });
    expect(failureOf(await h.call('writeFile', { filePath: `${USR}/nodir/x.txt`, data: '' }))).toEqual({
      errMsg: `writeFile:fail no such file or directory, open ${USR}/nodir/x.txt`,
      errno: 1300002,
    });

    const file = resultOf(await h.call('stat', { path: `${USR}/a/b/c.txt` })).stats as Record<string, number>;
    expect(file).toMatchObject({ size: 3, mode: 0o100644 });
    expect(typeof file['lastModifiedTime']).toBe('number');
    const tree = resultOf(await h.call('stat', { path: `${USR}/a`, recursive: true })).stats as Array<{ path: string; stats: { size: number; mode: number } }>;
    expect(tree.map((e) => [e.path, e.stats.mode === 0o040755 ? 'dir' : e.stats.size])).toEqual([
      ['/', 'dir'],
      ['/b', 'dir'],
      ['/b/c.txt', 3],
      ['/top.txt', 1],
    ]);
    expect(failureOf(await h.call('access', { path: `${USR}/a/zzz` }))).toEqual({ errMsg: `access:fail no such file or directory ${USR}/a/zzz`, errno: 1300002 });
    expect(resultOf(await h.call('access', { path: `${USR}/a/b/` }))).toEqual({ errMsg: 'access:ok' });
  });

  it('rmdir of a folder with files fails with "directory not empty" unless recursive', async () => {
    const h = harness();
    resultOf(await h.call('mkdir', { dirPath: `${USR}/d/e`, recursive: true }));
    resultOf(await h.call('writeFile', { filePath: `${USR}/d/e/f.txt`, data: 'f' }));
    expect(failureOf(await h.call('rmdir', { dirPath: `${USR}/d` }))).toEqual({ errMsg: 'rmdir:fail directory not empty', errno: 1300066 });
    expect(resultOf(await h.call('readFile', { filePath: `${USR}/d/e/f.txt`, encoding: 'utf8' })).data).toBe('f');
    resultOf(await h.call('rmdir', { dirPath: `${USR}/d`, recursive: true }));
    expect(resultOf(await h.call('readdir', { dirPath: USR })).files).toEqual([]);
    expect(failureOf(await h.call('unlink', { filePath: `${USR}/d/e/f.txt` }))).toEqual({ errMsg: `unlink:fail no such file or directory ${USR}/d/e/f.txt`, errno: 1300002 });
  });

  it('refuses paths that climb out of wxfile://usr or name anything else, with the permission errMsg', async () => {
    const h = harness();
    expect(failureOf(await h.call('writeFile', { filePath: `${USR}/../x`, data: 'escape' }))).toEqual({ errMsg: `writeFile:fail permission denied, open ${USR}/../x`, errno: 1300013 });
    expect(failureOf(await h.call('readFile', { filePath: `${USR}/a/../../x` }))).toEqual({ errMsg: `readFile:fail permission denied, open ${USR}/a/../../x`, errno: 1300013 });
    expect(failureOf(await h.call('readdir', { dirPath: 'file:///etc' }))).toEqual({ errMsg: 'readdir:fail permission denied, open file:///etc', errno: 1300013 });
    expect(failureOf(await h.call('readFile', { filePath: '/etc/passwd' })).errMsg).toBe('readFile:fail permission denied, open /etc/passwd');
    // "." and ".." that stay inside are fine
    resultOf(await h.call('writeFile', { filePath: `${USR}/./in/../in.txt`, data: 'ok' }));
    expect(resultOf(await h.call('readFile', { filePath: `${USR}/in.txt`, encoding: 'utf8' })).data).toBe('ok');
  });

  it("keeps each app's files to itself: app B can neither read nor list nor remove app A's", async () => {
    const h = harness();
    resultOf(await h.call('mkdir', { dirPath: `${USR}/secret` }, h.callerA));
    resultOf(await h.call('writeFile', { filePath: `${USR}/secret/key.txt`, data: 'A only' }, h.callerA));
    expect(failureOf(await h.call('readFile', { filePath: `${USR}/secret/key.txt`, encoding: 'utf8' }, h.callerB)).errMsg).toBe(
      `readFile:fail no such file or directory, open ${USR}/secret/key.txt`,
    );
    expect(resultOf(await h.call('readdir', { dirPath: USR }, h.callerB)).files).toEqual([]);
    expect(failureOf(await h.call('unlink', { filePath: `${USR}/secret/key.txt` }, h.callerB)).errno).toBe(1300002);
    // B's file of the same name is its own
    resultOf(await h.call('writeFile', { filePath: `${USR}/secret.txt`, data: 'B' }, h.callerB));
    expect(resultOf(await h.call('readdir', { dirPath: USR }, h.callerA)).files).toEqual(['secret']);
    expect(resultOf(await h.call('readFile', { filePath: `${USR}/secret/key.txt`, encoding: 'utf8' }, h.callerA)).data).toBe('A only');
  });

  it('rename moves a folder with its contents; copyFile, truncate and getFileInfo work on the copy', async () => {
    const h = harness();
    resultOf(await h.call('mkdir', { dirPath: `${USR}/old/sub`, recursive: true }));
    resultOf(await h.call('writeFile', { filePath: `${USR}/old/sub/f.txt`, data: 'hello' }));
    resultOf(await h.call('rename', { oldPath: `${USR}/old`, newPath: `${USR}/new` }));
    expect(resultOf(await h.call('readdir', { dirPath: USR })).files).toEqual(['new']);
    expect(failureOf(await h.call('rename', { oldPath: `${USR}/old`, newPath: `${USR}/x` }))).toEqual({
      errMsg: `rename:fail no such file or directory, rename ${USR}/old -> ${USR}/x`,
      errno: 1300002,
    });
    resultOf(await h.call('copyFile', { srcPath: `${USR}/new/sub/f.txt`, destPath: `${USR}/copy.txt` }));
    resultOf(await h.call('truncate', { filePath: `${USR}/copy.txt`, length: 4 }));
    expect(resultOf(await h.call('getFileInfo', { filePath: `${USR}/copy.txt` }))).toEqual({
      size: 4,
      digest: '4229d691b07b13341da53f17ab9f2416', // md5("hell")
      errMsg: 'getFileInfo:ok',
    });
    expect(resultOf(await h.call('getFileInfo', { filePath: `${USR}/copy.txt`, digestAlgorithm: 'sha1' })).digest).toBe('a5cec7af5f7aab769cf0d4aa440e01c7bfc371b2');
  });
});
