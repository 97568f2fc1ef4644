import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import yazl from 'yazl';

export async function tempDir(prefix = 'superapp-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export function manifest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    appId: 'demo-app',
    name: 'Demo',
    version: '1.0.0',
    entry: 'index.html',
    permissions: { openApi: ['login'], customApi: [] },
    ...overrides,
  };
}

/** Writes a package folder; `files` maps relative paths to contents. */
export async function writePackage(dir: string, files: Record<string, string | Buffer>): Promise<string> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/**
 * Zips entries. `rename` rewrites entry names in the finished bytes (same length), because yazl itself
 * refuses to write the unsafe names ("a/../../x") that a hostile zip would carry.
 */
export async function writeZip(file: string, files: Record<string, string | Buffer>, rename: Record<string, string> = {}): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) {
    zip.addBuffer(Buffer.from(content), name, { forceDosTimestamp: true } as yazl.Options);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  let bytes = Buffer.concat(chunks);
  for (const [from, to] of Object.entries(rename)) {
    if (from.length !== to.length) throw new Error('rename must keep the name length');
    bytes = Buffer.from(bytes.toString('latin1').split(from).join(to), 'latin1');
  }
  await writeFile(file, bytes);
  return file;
}
