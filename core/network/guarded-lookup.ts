import { promises as dns } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { addressRefusal, type AddressRules } from './address-policy';

/** Resolves a host name to every address it has (injected in tests, so a name can "be" 127.0.0.1). */
export type Resolver = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** A connection refused by the address rules; the message says why, for the app's errMsg. */
export class AddressRefused extends Error {
  constructor(readonly why: string) {
    super(`address not allowed: ${why}`);
    this.name = 'AddressRefused';
  }
}

/**
 * The `lookup` the socket uses to connect: the addresses are judged here, at connect time, on exactly
 * what the socket will dial, so a name that resolves to a public address when checked and to 127.0.0.1
 * a moment later (DNS rebinding) cannot slip through. Every address of the answer must pass.
 */
export function guardedLookup(resolver: Resolver, port: number, origin: string, rules: AddressRules): LookupFunction {
  return ((hostname: string, options: { all?: boolean; family?: number | string }, callback: (...args: unknown[]) => void) => {
    resolver(hostname)
      .then((addresses) => {
        if (addresses.length === 0) throw Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
        for (const { address } of addresses) {
          const why = addressRefusal(address, port, origin, rules);
          if (why) throw new AddressRefused(why);
        }
        const wanted = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
        const usable = wanted ? addresses.filter((a) => a.family === wanted) : addresses;
        if (usable.length === 0) throw Object.assign(new Error(`no IPv${wanted} address for ${hostname}`), { code: 'ENOTFOUND' });
        if (options.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      })
      .catch((error: unknown) => callback(error));
  }) as LookupFunction;
}

/** Node dials an IP literal without any lookup, so literals are judged before connecting. */
export function checkLiteral(hostname: string, port: number, origin: string, rules: AddressRules): void {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (!isIP(bare)) return;
  const why = addressRefusal(bare, port, origin, rules);
  if (why) throw new AddressRefused(why);
}
