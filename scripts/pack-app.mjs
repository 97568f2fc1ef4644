#!/usr/bin/env node
// Packs a mini program folder into an installable, signed .zip:
//   npm run pack:app -- <folder> [out.zip] [--key <developer-key.pem>]
// Either format the shell installs: a web package (manifest.json) or a WeChat DevTools project
// (project.config.json + app.json). The package is checked by the very code the shell installs with
// (bundled with esbuild at run time so there is one source of truth): the manifest schema, or the WeChat
// project's reading and compilation, which also gives its appId. Every problem is reported, and nothing
// is written unless the whole package is valid. The package is signed with the developer's
// Ed25519 key (core/catalog/package-signature.ts, the shell's own verifier): --key, else
// $SUPERAPP_DEVELOPER_KEY, else ~/.superapp-shell/developer-key.pem, made on first use.
import { build } from 'esbuild';
import { generateKeyPairSync } from 'node:crypto';
import { createWriteStream, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Never part of a package: dependency trees, VCS/editor dotfiles, and a merchant backend (it runs on the merchant's server). */
const SKIPPED_DIRS = new Set(['node_modules', 'backend']);

class PackError extends Error {
  /** `problems`: how many there are, when a problem takes more than one line (a compile error with its code) */
  constructor(lines, problems = lines.length) {
    super(lines.join('\n'));
    this.lines = lines;
    this.problems = problems;
  }
}

/** Where the developer's signing key lives unless --key says otherwise. */
export function defaultKeyPath() {
  return process.env.SUPERAPP_DEVELOPER_KEY ? resolve(process.env.SUPERAPP_DEVELOPER_KEY) : join(homedir(), '.superapp-shell', 'developer-key.pem');
}

/** The developer's Ed25519 private key (PKCS#8 PEM), made on first use, readable by its owner only. */
export function loadOrMakeKey(keyPath) {
  if (existsSync(keyPath)) return { pem: readFileSync(keyPath, 'utf8'), made: false };
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  mkdirSync(dirname(keyPath), { recursive: true, mode: 0o700 });
  writeFileSync(keyPath, pem, { mode: 0o600, flag: 'wx' });
  return { pem, made: true };
}

/**
 * The WeChat template compiler loads its .wasm from beside its own file, so it stays a package of its own
 * (imported by file URL, as the bundle is a data: module); everything else is bundled.
 */
const besideItsFiles = {
  name: 'packages-beside-their-files',
  setup(b) {
    b.onResolve({ filter: /^glass-easel-template-compiler$/ }, (args) => ({ path: import.meta.resolve(args.path), external: true }));
  },
};

/** Bundled once per process (a test packs many packages). */
let core;
function loadCore() {
  core ??= bundleCore();
  return core;
}

async function bundleCore() {
  const out = await build({
    absWorkingDir: root,
    stdin: {
      contents: [
        "export { Manifest } from './core/contracts/app';",
        "export { SIGNATURE_FILE, keyFingerprint, publicKeyOf, sha256OfFile, signPackage } from './core/catalog/package-signature';",
        "export { packageFormat } from './core/catalog/package-reader';",
        "export { prepareWechatApp } from './core/wechat/wechat-package';",
        "export { WechatCompileError } from './core/wechat/compile-issues';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
    plugins: [besideItsFiles],
    // bundled CommonJS packages (PostCSS) require Node's own modules
    banner: { js: `import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(${JSON.stringify(join(root, 'package.json'))});` },
  });
  const code = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

function issuePath(path) {
  if (!path.length) return '(root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/**
 * A WeChat DevTools project, read and compiled as the shell's install does (core/wechat): its registration
 * (appId from project.config.json, or from the project's own manifest.json) is what the install pins the key to.
 */
async function readWechatProject(core, folder) {
  try {
    const prepared = await core.prepareWechatApp(folder);
    return { manifest: prepared.manifest, appIdGenerated: prepared.appIdGenerated, errors: [] };
  } catch (e) {
    if (e instanceof core.WechatCompileError) return { errors: e.message.split('\n'), problems: e.issues.length };
    throw e;
  }
}

function readManifest(folder) {
  const file = join(folder, 'manifest.json');
  if (!existsSync(file)) throw new PackError([`manifest.json: not found in ${folder}`, 'add a manifest.json at the root of the folder (see examples/api-showcase/manifest.json); a WeChat DevTools project has its project.config.json there instead']);
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
function collectFiles(folder, signatureFile) {
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
      } else if (st.isFile() && rel !== signatureFile) files.push([abs, rel]);
    }
  };
  walk(folder);
  return { files, errors, skipped };
}

function writeZip(files, extra, outFile) {
  return new Promise((resolvePromise, reject) => {
    const zip = new yazl.ZipFile();
    for (const [abs, rel] of files) zip.addFile(abs, rel);
    for (const [rel, bytes] of extra) zip.addBuffer(bytes, rel);
    const out = createWriteStream(outFile);
    out.on('close', resolvePromise);
    out.on('error', reject);
    zip.outputStream.on('error', reject).pipe(out);
    zip.end();
  });
}

export async function packApp(folderArg, outArg, options = {}) {
  if (!folderArg) throw new PackError(['usage: npm run pack:app -- <folder> [out.zip] [--key <developer-key.pem>]']);
  const folder = resolve(folderArg);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new PackError([`${folderArg}: not a folder; pass the mini program folder that holds manifest.json (or a WeChat project's project.config.json)`]);
  }
  const core = await loadCore();
  const format = await core.packageFormat(folder);
  const { manifest, errors, problems, appIdGenerated = false } =
    format === 'wechat' ? await readWechatProject(core, folder) : validateManifest(core.Manifest, readManifest(folder), folder);
  // a signature file in the folder is an old one: the package gets a fresh signature below
  const collected = manifest ? collectFiles(folder, core.SIGNATURE_FILE) : { files: [], errors: [], skipped: [] };
  errors.push(...collected.errors);
  if (errors.length) throw new PackError(errors, problems ?? errors.length);
  const outFile = resolve(outArg ?? `${manifest.appId}-${manifest.version}.zip`);
  if (outFile.startsWith(folder + sep)) throw new PackError([`${outArg}: write the .zip outside the folder being packed`]);
  const keyPath = resolve(options.keyPath ?? defaultKeyPath());
  const key = loadOrMakeKey(keyPath);
  const digests = {};
  for (const [abs, rel] of collected.files) digests[rel] = await core.sha256OfFile(abs);
  const signature = core.signPackage(digests, key.pem);
  await writeZip(collected.files, [[core.SIGNATURE_FILE, Buffer.from(JSON.stringify(signature, null, 2))]], outFile);
  const bytes = statSync(outFile).size;
  const fingerprint = core.keyFingerprint(signature.publicKey);
  return { format, manifest, appIdGenerated, outFile, files: collected.files.length, bytes, skipped: collected.skipped, keyPath, keyMade: key.made, fingerprint };
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const args = process.argv.slice(2);
  const keyAt = args.indexOf('--key');
  const keyPath = keyAt >= 0 ? args[keyAt + 1] : undefined;
  const [folderArg, outArg] = args.filter((_, i) => keyAt < 0 || (i !== keyAt && i !== keyAt + 1));
  try {
    if (keyAt >= 0 && !keyPath) throw new PackError(['--key needs the path of your developer key (an Ed25519 private key, PKCS#8 PEM)']);
    const r = await packApp(folderArg, outArg, { keyPath });
    if (r.keyMade) {
      console.log(`pack: made your developer key ${r.keyPath} (${r.fingerprint}). Back it up and keep it private:`);
      console.log('pack: the first install of an app pins its key, and only that key can sign its updates.');
    }
    if (r.appIdGenerated) {
      console.log(`pack: project.config.json names no appid, so the app installs as ${r.manifest.appId} (made from its projectname); set "appid" to keep it apart from other projects of that name`);
    }
    if (r.skipped.length) console.log(`pack: left out ${r.skipped.join(', ')} (not part of a mini program package)`);
    console.log(`pack: ${r.manifest.appId} ${r.manifest.version}${r.format === 'wechat' ? ' (WeChat project)' : ''}: ${r.files} files, ${(r.bytes / 1024).toFixed(1)} KB, signed with ${r.fingerprint} -> ${r.outFile}`);
  } catch (e) {
    if (!(e instanceof PackError)) throw e;
    for (const line of e.lines) console.error(`pack: ${line}`);
    if (e.lines.length > 1 || e.lines[0].startsWith('manifest.json')) console.error(`pack: nothing written; fix the ${e.problems} problem(s) above and run again (${basename(process.argv[1])})`);
    process.exitCode = 1;
  }
}
