/**
 * Which addresses newsgraph may fetch a page from. Pure: the fetcher (fetch.ts) asks about every address
 * a name resolves to, and about the one it connects to.
 *
 * Only public unicast addresses are fetched: a URL given to newsgraph must never reach the machine it runs
 * on, its network, or a cloud's metadata service (169.254.169.254), whatever the URL looks like
 * (`http://2130706433/` is 127.0.0.1, `http://[::ffff:10.0.0.1]/` is 10.0.0.1). An allowlist
 * (NEWSGRAPH_FETCH_ALLOW) names the hosts and networks that may be fetched all the same.
 */
import ipaddr from 'ipaddr.js';

/** What each refused range is called in a message. */
const RANGE_NAMES: Record<string, string> = {
  private: 'a private address',
  uniqueLocal: 'a private (unique local) address',
  loopback: 'a loopback address',
  linkLocal: 'a link-local address',
  unspecified: 'the unspecified address',
  carrierGradeNat: 'a shared (carrier-grade NAT) address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  deprecatedSiteLocal: 'a site-local address',
};

/** An allowlist as parsed once: host names (lower case) and networks. */
export interface FetchAllow {
  hosts: Set<string>;
  networks: [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

/** True for an entry that is an address or a network (`10.0.0.0/8`, `::1`), not a host name. */
function network(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | null {
  const bare = entry.replace(/^\[(.*)\]$/, '$1');
  try {
    if (bare.includes('/')) {
      const [address, bits] = ipaddr.parseCIDR(bare);
      // ::ffff:10.0.0.0/104 is 10.0.0.0/8: addresses are judged as IPv4 once unmapped.
      if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress() && bits >= 96) return [address.toIPv4Address(), bits - 96];
      return [address, bits];
    }
    if (ipaddr.isValid(bare)) {
      const address = ipaddr.process(bare);
      return [address, address.kind() === 'ipv4' ? 32 : 128];
    }
  } catch {
    return null;
  }
  return null;
}

/** Host names and CIDRs, as NEWSGRAPH_FETCH_ALLOW lists them; an entry that is neither is an error. */
export function parseAllow(entries: readonly string[]): FetchAllow {
  const allow: FetchAllow = { hosts: new Set(), networks: [] };
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    const net = network(entry);
    if (net) allow.networks.push(net);
    else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/.test(entry)) allow.hosts.add(entry.replace(/\.$/, ''));
    else throw new Error(`"${raw}" is neither a host name nor an address or network (such as 10.0.0.0/8)`);
  }
  return allow;
}

/** Is this a valid allowlist entry? (For the configuration check.) */
export function isAllowEntry(entry: string): boolean {
  try {
    parseAllow([entry]);
    return true;
  } catch {
    return false;
  }
}

export function hostAllowed(host: string, allow: FetchAllow): boolean {
  return allow.hosts.has(host.toLowerCase().replace(/\.$/, ''));
}

/**
 * Why an address may not be fetched ("a private address"), or null when it may: public unicast, or in
 * an allowed network. An IPv4 address written as IPv6 (`::ffff:10.0.0.1`) is judged as the IPv4 one.
 * Something that is not an address at all is refused too.
 */
export function addressRefusal(address: string, allow?: FetchAllow): string | null {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return 'not an IP address';
  const ip = ipaddr.process(bare);
  for (const [net, bits] of allow?.networks ?? []) {
    if (net.kind() === ip.kind() && ip.match(net, bits)) return null;
  }
  const range = ip.range();
  if (range === 'unicast') return null;
  return RANGE_NAMES[range] ?? `a reserved address (${range})`;
}
