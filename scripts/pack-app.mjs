#!/usr/bin/env node
// Packs a mini program folder into an installable .zip:
//   npm run pack:app -- <folder> [out.zip]
// The manifest is checked with the very schema the shell installs with (core/contracts/app.ts,
// bundled with esbuild at run time so there is one source of truth), every bad field is reported,
// and nothing is written unless the whole package is valid.
import { build } from 'esbuild';
import { createWriteStream, existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Never part of a package: dependency trees, VCS/editor dotfiles, and a merchant backend (it runs on the merchant's server). */
const SKIPPED_DIRS = new Set(['node_modules', 'backend']);

class PackError extends Error {
  constructor(lines) {
    super(lines.join('\n'));
    this.lines = lines;
  }
}

async function loadManifestSchema() {
  const out = await build({
    absWorkingDir: root,
    entryPoints: ['core/contracts/app.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].text;
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return mod.Manifest;
}

function issuePath(path) {
  if (!path.length) return '(root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function readManifest(folder) {
  const file = join(folder, 'manifest.json');
  if (!existsSync(file)) throw new PackError([`manifest.json: not found in ${folder}`, 'add a manifest.json at the root of the folder (see examples/api-showcase/manifest.json)']);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new PackError([`manifest.json: not valid JSON: ${e.message}`]);
  }
}

export function validateManifest(Manifest, raw, folder) {
  const parsed = Manifest.safeParse(raw);
  const errors = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors.push(`manifest.json: ${issuePath(issue.path)}: ${issue.message}`);
    }
    return { errors };
  }
  const manifest = parsed.data;
  for (const field of ['entry', 'icon']) {
    const rel = manifest[field];
    if (!rel) continue;
    const abs = join(folder, rel);
    if (!existsSync(abs) || !statSync(abs).isFile()) errors.push(`manifest.json: ${field}: "${rel}" does not exist in the folder`);
  }
  return { manifest, errors };
}

/** Every file to pack, as [absolute, zip path]. Symlinks are refused: the package must carry its own bytes. */
function collectFiles(folder) {
  const files = [];
  const errors = [];
  const skipped = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      const rel = relative(folder, abs).split(sep).join('/');
      if (name.startsWith('.')) continue;
      const st = lstatSync(abs);
      if (st.isSymbolicLink()) errors.push(`${rel}: is a symbolic link; copy the file into the folder instead`);
      else if (st.isDirectory()) {
        if (SKIPPED_DIRS.has(name) && dir === folder) skipped.push(`${rel}/`);
        else if (name === 'node_modules') skipped.push(`${rel}/`);
        else walk(abs);
      } else if (st.isFile()) files.push([abs, rel]);
    }
  };
  walk(folder);
  return { files, errors, skipped };
}

function writeZip(files, outFile) {
  return new Promise((resolvePromise, reject) => {
    const zip = new yazl.ZipFile();
    for (const [abs, rel] of files) zip.addFile(abs, rel);
    const out = createWriteStream(outFile);
    out.on('close', resolvePromise);
    out.on('error', reject);
    zip.outputStream.on('error', reject).pipe(out);
    zip.end();
  });
}

export async function packApp(folderArg, outArg) {
  if (!folderArg) throw new PackError(['usage: npm run pack:app -- <folder> [out.zip]']);
  const folder = resolve(folderArg);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new PackError([`${folderArg}: not a folder; pass the mini program folder that holds manifest.json`]);
  const Manifest = await loadManifestSchema();
  const { manifest, errors } = validateManifest(Manifest, readManifest(folder), folder);
  const collected = manifest ? collectFiles(folder) : { files: [], errors: [], skipped: [] };
  errors.push(...collected.errors);
  if (errors.length) throw new PackError(errors);
  const outFile = resolve(outArg ?? `${manifest.appId}-${manifest.version}.zip`);
  if (outFile.startsWith(folder + sep)) throw new PackError([`${outArg}: write the .zip outside the folder being packed`]);
  await writeZip(collected.files, outFile);
  const bytes = statSync(outFile).size;
  return { manifest, outFile, files: collected.files.length, bytes, skipped: collected.skipped };
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const [folderArg, outArg] = process.argv.slice(2);
  try {
    const r = await packApp(folderArg, outArg);
    if (r.skipped.length) console.log(`pack: left out ${r.skipped.join(', ')} (not part of a mini program package)`);
    console.log(`pack: ${r.manifest.appId} ${r.manifest.version}: ${r.files} files, ${(r.bytes / 1024).toFixed(1)} KB -> ${r.outFile}`);
  } catch (e) {
    if (!(e instanceof PackError)) throw e;
    for (const line of e.lines) console.error(`pack: ${line}`);
    if (e.lines.length > 1 || e.lines[0].startsWith('manifest.json')) console.error(`pack: nothing written; fix the ${e.lines.length} problem(s) above and run again (${basename(process.argv[1])})`);
    process.exitCode = 1;
  }
}
