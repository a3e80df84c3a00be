// Which IP addresses the server may reach for a user-given URL: only global unicast ones. Loopback, private,
// link-local (169.254.169.254, the cloud metadata service, is one), unique-local, carrier-grade NAT, multicast,
// reserved, the unspecified address and IPv4 wrapped in IPv6 (::ffff:127.0.0.1, 64:ff9b::/96) are all refused.
// ipaddr.js classifies; request-filtering-agent (outbound-agent.ts) applies the same rule at connect time.
import ipaddr from "ipaddr.js";

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.parse(address).range() === "unicast";
}
