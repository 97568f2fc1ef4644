import { BlockList, isIP } from 'node:net';

/**
 * Which resolved addresses a mini program's request may connect to. Anything that is not a public
 * unicast address (this machine, the LAN, link-local, carrier NAT, multicast...) would let a page use the
 * host as a bridge into places the page itself could never reach, so it is refused unless the developer
 * allowed that exact origin; the shell's own ports are refused even then.
 */

type AddressClass = 'loopback' | 'unspecified' | 'private' | 'link-local' | 'shared' | 'multicast' | 'reserved';

const RANGES: Array<[AddressClass, string, number, 'ipv4' | 'ipv6']> = [
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['unspecified', '0.0.0.0', 8, 'ipv4'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['link-local', '169.254.0.0', 16, 'ipv4'],
  ['shared', '100.64.0.0', 10, 'ipv4'],
  ['reserved', '192.0.0.0', 24, 'ipv4'],
  ['reserved', '198.18.0.0', 15, 'ipv4'],
  ['multicast', '224.0.0.0', 4, 'ipv4'],
  ['reserved', '240.0.0.0', 4, 'ipv4'],
  ['loopback', '::1', 128, 'ipv6'],
  ['unspecified', '::', 128, 'ipv6'],
  ['private', 'fc00::', 7, 'ipv6'],
  ['link-local', 'fe80::', 10, 'ipv6'],
  ['multicast', 'ff00::', 8, 'ipv6'],
];

const lists = new Map<AddressClass, BlockList>();
for (const [cls, network, prefix, family] of RANGES) {
  const list = lists.get(cls) ?? new BlockList();
  list.addSubnet(network, prefix, family);
  lists.set(cls, list);
}

/** "::ffff:127.0.0.1" is 127.0.0.1 to the kernel, so it is judged as such. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

/** The class of a non-public address, or undefined for a public one. */
export function addressClass(address: string): AddressClass | undefined {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!isIP(bare)) return 'reserved';
  const { address: a, family } = unmapped(bare);
  for (const [cls, list] of lists) if (list.check(a, family)) return cls;
  return undefined;
}

export interface AddressRules {
  /** scheme://host:port origins the developer allowed to reach non-public addresses */
  allowedOrigins: ReadonlySet<string>;
  /** the shell's own ports on this machine (server API, shell channel): never reachable */
  hostPorts: ReadonlySet<number>;
}

/** Why connecting to `address:port` for `origin` is refused, or undefined when it may go ahead. */
export function addressRefusal(address: string, port: number, origin: string, rules: AddressRules): string | undefined {
  const cls = addressClass(address);
  if (cls === undefined) return undefined;
  if ((cls === 'loopback' || cls === 'unspecified') && rules.hostPorts.has(port)) return `${address}:${port} is the shell itself`;
  const described = `${address} is ${cls === 'unspecified' ? 'an' : 'a'} ${cls} address`;
  if (cls === 'unspecified' || cls === 'multicast' || cls === 'reserved') return described;
  if (rules.allowedOrigins.has(origin)) return undefined;
  return described;
}
