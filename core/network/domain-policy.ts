import { isLoopbackHostname, parseOrigin, schemesOf, type NetworkKind, type ParsedOrigin, type ServerDomains } from '../contracts/network';

/**
 * WeChat's "server domain" rules for one URL: the scheme of its kind (https / wss; plain http / ws only
 * for loopback), and a declared domain for its host and port. Addresses are judged later, on what the
 * host name resolves to (address-policy.ts), because a declared name can still point anywhere.
 */

export type TargetVerdict = { ok: true; url: URL; origin: ParsedOrigin } | { ok: false; reason: string };

function matches(kind: NetworkKind, entry: ParsedOrigin, target: ParsedOrigin): boolean {
  if (entry.protocol !== target.protocol || entry.hostname !== target.hostname) return false;
  // wss domains admit every port (WeChat); loopback entries too, each origin being allowed one by one anyway.
  if (entry.port === undefined && (kind === 'socket' || isLoopbackHostname(entry.hostname))) return true;
  return entry.port === target.port;
}

export function checkTarget(kind: NetworkKind, rawUrl: string, domains: ServerDomains | undefined, allowedOrigins: ReadonlySet<string>): TargetVerdict {
  const target = parseOrigin(rawUrl);
  if (!target) return { ok: false, reason: `invalid url "${rawUrl}"` };
  const { secure, plain } = schemesOf(kind);
  if (target.protocol !== secure && target.protocol !== plain) return { ok: false, reason: `invalid url "${rawUrl}"` };
  const declared = (domains?.[kind] ?? []).map((e) => parseOrigin(e)).filter((e): e is ParsedOrigin => e !== undefined);
  if (!declared.some((entry) => matches(kind, entry, target))) return { ok: false, reason: 'url not in domain list' };
  // Plain text only to a loopback server the developer allowed by exact origin.
  if (target.protocol === plain && !(isLoopbackHostname(target.hostname) && allowedOrigins.has(target.origin))) {
    return { ok: false, reason: 'url not in domain list' };
  }
  return { ok: true, url: new URL(rawUrl), origin: target };
}
