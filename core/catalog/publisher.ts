import { z } from 'zod';
import type { AppInfo, Manifest } from '../contracts/app';
import { appInfoFromManifest } from '../contracts/app';
import { ShellCommandError } from '../contracts/services';
import type { PackageSigner } from './package-signature';

/**
 * Who stands behind an installed app, recorded with it in the catalog:
 * - "signed": its package was signed; the key is pinned for the appId at the first install, and only a
 *   package signed with the same key may update it. The developer identity (unionid scope) is the key.
 * - "bundled": a sample shipped inside the shell (the host's examples folder, part of the signed app
 *   bundle): trusted as the shell itself, updated only from there.
 * - "unsigned": installed only as a dev app, marked "Dev" in the catalog; its developer identity is
 *   kept apart from every signed or bundled developer with the same declared id.
 * An app installed before signatures existed has no record ("legacy"): nothing proves who made it, so
 * only the shell's own bundled copy may replace it (a dev app among them: a package declaring the same developer).
 */
export const Publisher = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('signed'), fingerprint: z.string(), publicKey: z.string() }),
  z.object({ kind: z.literal('bundled') }),
  z.object({ kind: z.literal('unsigned') }),
]);
export type Publisher = z.infer<typeof Publisher>;

export function publisherOf(signer: PackageSigner, bundled: boolean): Publisher {
  if (signer.kind === 'signed') return { kind: 'signed', fingerprint: signer.fingerprint, publicKey: signer.publicKey };
  return bundled ? { kind: 'bundled' } : { kind: 'unsigned' };
}

/** The app's identity for the platform: its developer is its key when signed, never only what the manifest says. */
export function appInfoOf(manifest: Manifest, publisher: Publisher | undefined): AppInfo {
  const info = appInfoFromManifest(manifest);
  if (publisher?.kind === 'signed') return { ...info, developerId: `key:${publisher.fingerprint}` };
  if (publisher?.kind === 'unsigned') return { ...info, developerId: `unsigned:${info.developerId}` };
  return info;
}

/** Who stands behind a manifest: its developer.id, or the appId when it names none (as appInfoFromManifest does). */
function developerOf(m: Manifest): string {
  return m.developer ? `"${m.developer.id}" (${m.developer.name})` : `"${m.appId}" (no developer in manifest.json)`;
}

const uninstallFirst = (installed: Manifest) =>
  `Uninstall "${installed.name}" first (that deletes its data and permissions; this package then gets keys of its own), then install it; ` +
  'or, if you build this package, give it an appId of its own.';

/**
 * An installed app's storage, grants, sessions and platform keys are keyed by its appId, so a package
 * that claims the appId would inherit all of them. Throws when `incoming` may not replace `installed`.
 */
export function assertMayUpdate(
  installed: { manifest: Manifest; publisher: Publisher | undefined; dev: boolean },
  incoming: { manifest: Manifest; publisher: Publisher },
): void {
  const was = installed.publisher;
  const now = incoming.publisher;
  const name = `"${incoming.manifest.appId}" is installed as "${installed.manifest.name}"`;
  if (was?.kind === 'signed') {
    if (now.kind === 'signed' && now.fingerprint === was.fingerprint) return;
    throw new ShellCommandError(
      now.kind === 'signed'
        ? `${name}, signed with key ${was.fingerprint}; this package is signed with another key, ${now.fingerprint}`
        : `${name}, signed with key ${was.fingerprint}; this package is not signed with that key`,
      `Only its developer's key (${was.fingerprint}) can update it. ${uninstallFirst(installed.manifest)}`,
    );
  }
  const describe = () => (now.kind === 'signed' ? `signed with key ${now.fingerprint}` : 'unsigned');
  if (was?.kind === 'bundled' && now.kind !== 'bundled') {
    throw new ShellCommandError(`${name}, a sample bundled with the shell; this package is ${describe()}`, uninstallFirst(installed.manifest));
  }
  // Installed before packages were signed, and not a dev app: whoever claims it now cannot prove they made it.
  if (was === undefined && !installed.dev && now.kind !== 'bundled') {
    throw new ShellCommandError(`${name}, installed before package signatures were checked, so no key can prove who made it; this package is ${describe()}`, uninstallFirst(installed.manifest));
  }
  const developerId = (m: Manifest) => m.developer?.id ?? m.appId;
  if (developerId(installed.manifest) === developerId(incoming.manifest)) return;
  throw new ShellCommandError(
    `"${incoming.manifest.appId}" is already installed as "${installed.manifest.name}" from developer ${developerOf(installed.manifest)}; ` +
      `this package is "${incoming.manifest.name}" from developer ${developerOf(incoming.manifest)}`,
    uninstallFirst(installed.manifest),
  );
}
