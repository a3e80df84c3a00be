// The rule for every URL a user gives the server to call (push endpoints, CRM webhook URLs), checked when the URL
// is saved, for a clear answer: https only; no user:password@; the host must resolve, and only to public addresses
// (public-address.ts). The same address rule is enforced again at connect time with the address pinned
// (outbound-agent.ts), so a name that resolves differently later (DNS rebinding) still reaches nothing private.
// ALLOW_PRIVATE_OUTBOUND_URLS=true lifts the scheme and address parts, for local tests only.
import dns from "node:dns/promises";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isPublicAddress } from "@/lib/outbound/public-address";

export type Lookup = (hostname: string) => Promise<{ address: string }[]>;

const systemLookup: Lookup = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** Why `url` may not be called, or null when it may. */
export async function findOutboundUrlProblem(url: string, { lookup = systemLookup } = {}): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Enter a full URL such as https://example.com/hook.";
  }
  const allowPrivate = env().allowPrivateOutboundUrls;
  if (parsed.protocol !== "https:" && !(allowPrivate && parsed.protocol === "http:")) {
    return "Use an https:// URL.";
  }
  if (parsed.username || parsed.password) return "Leave user names and passwords out of the URL.";
  if (allowPrivate) return null;
  // WHATWG URL already turned 2130706433, 0x7f.1 and friends into dotted IPv4; IPv6 comes in brackets.
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = (await lookup(host)).map((entry) => entry.address);
  } catch {
    return "That host name does not resolve.";
  }
  if (addresses.length === 0) return "That host name does not resolve.";
  if (!addresses.every(isPublicAddress)) {
    return "That address is not public: Ringback only calls public internet addresses.";
  }
  return null;
}

/** The same check as a 422 naming the field, for the routes that save such a URL. */
export async function assertOutboundUrl(url: string, field: string): Promise<void> {
  const problem = await findOutboundUrlProblem(url);
  if (problem)
    throw new AppError("validation_failed", "Some fields are not valid.", [{ path: field, message: problem }]);
}
