import dns from 'node:dns';
import net from 'node:net';

/**
 * Addresses a webhook may not reach unless SWITCHBOARD_ALLOW_PRIVATE_TARGETS is on: private,
 * loopback, link-local (cloud metadata at 169.254.169.254), CGNAT, multicast, documentation and
 * reserved ranges, for IPv4 and IPv6. IPv4 mapped into IPv6 (::ffff:0:0/96) is checked as the
 * IPv4 address it is (BlockList does that); the other IPv6 forms that embed or translate to an
 * IPv4 address are refused whole: IPv4-compatible (::/96, deprecated), IPv4-translated
 * (::ffff:0:0:0/96), NAT64 (64:ff9b::/96 and the local-use 64:ff9b:1::/48), 6to4 (2002::/16) and
 * Teredo (2001::/32); so is the deprecated site-local fec0::/10.
 */
const blocked = new net.BlockList();
const V4: [string, number][] = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
];
const V6: [string, number][] = [
  ['::', 96], ['::ffff:0:0:0', 96], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 32], ['2001:db8::', 32], ['2002::', 16],
  ['3fff::', 20], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
];
for (const [a, p] of V4) blocked.addSubnet(a, p, 'ipv4');
for (const [a, p] of V6) blocked.addSubnet(a, p, 'ipv6');

export function isBlockedAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  if (net.isIPv4(ip)) return blocked.check(ip, 'ipv4');
  if (net.isIPv6(ip)) return blocked.check(ip, 'ipv6');
  return false;
}

export class BlockedAddressError extends Error {
  readonly code = 'EBLOCKED';
  constructor(address: string, host?: string) {
    super(host && host !== address ? `${host} resolves to ${address}, a private or reserved address` : `${address} is a private or reserved address`);
  }
}

/** A DNS lookup that refuses names resolving to blocked addresses (checked at connect time, so no rebinding). */
export const safeLookup: net.LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as unknown as dns.LookupAddress[];
    const bad = list.find((a) => isBlockedAddress(a.address));
    if (bad) return callback(new BlockedAddressError(bad.address, hostname) as NodeJS.ErrnoException, '', 0);
    if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
};

/** For a URL whose host is an IP literal (DNS is never asked): the reason to refuse it, if any. */
export function literalHostProblem(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return net.isIP(host) && isBlockedAddress(host) ? `${host} is a private or reserved address` : null;
}
