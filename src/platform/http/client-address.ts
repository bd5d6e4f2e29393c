import { getConnInfo } from "@hono/node-server/conninfo";
import { BlockList, isIP } from "node:net";
import type { AppContext } from "./env.ts";

/**
 * The addresses of reverse proxies (load balancers) whose X-Forwarded-For
 * header is believed, from TRUSTED_PROXIES (addresses or CIDR ranges).
 */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/** `::ffff:10.0.0.1` (IPv4 on an IPv6 socket) is 10.0.0.1. */
function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The address of the client: the socket's peer, unless that peer is a trusted
 * proxy; then X-Forwarded-For is read from the right (the hop nearest to us)
 * and the first address that is not itself a trusted proxy is the client.
 * Anyone can send X-Forwarded-For, so it is ignored from any other peer.
 */
export function clientAddressOf(peer: string | undefined, forwardedFor: string | undefined, trusted: BlockList): string {
  if (!peer) return "unknown";
  let address = normalise(peer);
  if (!forwardedFor || !isTrusted(trusted, address)) return address;
  const hops = forwardedFor.split(",").map((h) => normalise(h.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return address; // a malformed entry: stop at the last address we could read
    address = hop;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return address;
}

const lists = new WeakMap<readonly string[], BlockList>();

/** The client address of a request, honouring TRUSTED_PROXIES. */
export function clientAddress(c: AppContext): string {
  const entries = c.get("deps").config.trustedProxies;
  let list = lists.get(entries);
  if (!list) {
    list = trustedProxyList(entries);
    lists.set(entries, list);
  }
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined; // not served by node (tests calling app.request without a socket)
  }
  return clientAddressOf(peer, c.req.header("x-forwarded-for"), list);
}
