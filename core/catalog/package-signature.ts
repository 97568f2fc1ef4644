import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ShellCommandError } from '../contracts/services';

/**
 * Package signatures. `npm run pack:app` writes SIGNATURE_FILE at the root of the package: the SHA-256 of
 * every other file and an Ed25519 signature (node:crypto) over them, made with the developer's key. The
 * shell checks it on the copy it is about to install, so a file changed, added or removed after signing
 * refuses the install. Both sides use this module (pack-app bundles it), so they agree byte for byte.
 */
export const SIGNATURE_FILE = 'superapp-signature.json';

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
export const PackageSignature = z.strictObject({
  v: z.literal(1),
  alg: z.literal('Ed25519'),
  /** the developer's public key, SPKI DER, base64 */
  publicKey: z.string().min(1).max(200),
  /** every file of the package but this one: posix path -> SHA-256 hex */
  files: z.record(z.string(), Sha256Hex),
  /** Ed25519 over signedBytes(), base64 */
  signature: z.string().min(1).max(200),
});
export type PackageSignature = z.infer<typeof PackageSignature>;

/** What is signed: a fixed label, the key and the sorted file list, one line each. */
function signedBytes(publicKey: string, files: Record<string, string>): Buffer {
  const lines = Object.keys(files)
    .sort()
    .map((path) => `${files[path]}  ${path}`);
  return Buffer.from(['superapp-package-signature v1 Ed25519', publicKey, ...lines, ''].join('\n'), 'utf8');
}

/** How people compare keys: "SHA256:" and the base64 of the SHA-256 of the public key (as ssh prints them). */
export function keyFingerprint(publicKeyDerBase64: string): string {
  return `SHA256:${createHash('sha256').update(Buffer.from(publicKeyDerBase64, 'base64')).digest('base64').replace(/=+$/, '')}`;
}

export function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' }).toString('base64');
}

/** The signature file for `files` (posix path -> SHA-256 hex), signed with an Ed25519 private key (PKCS#8 PEM). */
export function signPackage(files: Record<string, string>, privateKeyPem: string): PackageSignature {
  const key: KeyObject = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the signing key is ${key.asymmetricKeyType}; pack:app signs with Ed25519 keys`);
  const publicKey = publicKeyOf(privateKeyPem);
  const signature = sign(null, signedBytes(publicKey, files), key).toString('base64');
  return { v: 1, alg: 'Ed25519', publicKey, files, signature };
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every regular file below `root` as posix path -> SHA-256, the signature file left out. */
async function digestFolder(root: string, prefix = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const dirent of await readdir(join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${dirent.name}` : dirent.name;
    if (dirent.isDirectory()) Object.assign(out, await digestFolder(root, rel));
    else if (dirent.isFile() && rel !== SIGNATURE_FILE) out[rel] = await sha256OfFile(join(root, rel));
  }
  return out;
}

export type PackageSigner = { kind: 'signed'; fingerprint: string; publicKey: string } | { kind: 'unsigned' };

function refused(reason: string): ShellCommandError {
  return new ShellCommandError(
    `The package signature is not valid: ${reason}`,
    'The package was changed after it was signed, or the signature is broken. Get the package again from its developer; nothing was installed.',
  );
}

/**
 * Who signed the package copied to `folder` (the staging copy the shell is about to install): a package
 * without SIGNATURE_FILE is unsigned; one with it must match file for file and verify, or it is refused.
 */
export async function verifyPackageFolder(folder: string): Promise<PackageSigner> {
  const text = await readFile(join(folder, SIGNATURE_FILE), 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  if (text === undefined) return { kind: 'unsigned' };
  let parsed: PackageSignature;
  try {
    parsed = PackageSignature.parse(JSON.parse(text));
  } catch (e) {
    throw refused(`${SIGNATURE_FILE} is not a signature file (${e instanceof z.ZodError ? e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (e as Error).message})`);
  }
  const actual = await digestFolder(folder);
  const changed = Object.keys(actual).filter((p) => parsed.files[p] !== undefined && parsed.files[p] !== actual[p]);
  const added = Object.keys(actual).filter((p) => parsed.files[p] === undefined);
  const missing = Object.keys(parsed.files).filter((p) => actual[p] === undefined);
  const problems = [
    ...changed.map((p) => `${p} changed after signing`),
    ...added.map((p) => `${p} was added after signing`),
    ...missing.map((p) => `${p} is signed but missing`),
  ];
  if (problems.length) throw refused(problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : ''));
  let ok: boolean;
  try {
    const key = createPublicKey({ key: Buffer.from(parsed.publicKey, 'base64'), format: 'der', type: 'spki' });
    ok = key.asymmetricKeyType === 'ed25519' && verify(null, signedBytes(parsed.publicKey, parsed.files), key, Buffer.from(parsed.signature, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) throw refused(`the Ed25519 signature does not verify with the key it names (${keyFingerprint(parsed.publicKey)})`);
  return { kind: 'signed', fingerprint: keyFingerprint(parsed.publicKey), publicKey: parsed.publicKey };
}
