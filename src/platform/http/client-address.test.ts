import { describe, expect, it } from "vitest";
import { clientAddressOf, trustedProxyList } from "./client-address.ts";

describe("the client address", () => {
  const trusted = trustedProxyList(["10.0.0.0/8", "192.0.2.7", "2001:db8::/32"]);

  it("is the socket's peer when the peer is not a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf("203.0.113.5", undefined, trusted)).toBe("203.0.113.5");
    expect(clientAddressOf("203.0.113.5", "198.51.100.1", trusted)).toBe("203.0.113.5");
    expect(clientAddressOf("::ffff:203.0.113.5", "198.51.100.1", trusted)).toBe("203.0.113.5");
  });

  it("is the nearest address in X-Forwarded-For that is not a trusted proxy, when the peer is one", () => {
    expect(clientAddressOf("10.1.2.3", "198.51.100.1", trusted)).toBe("198.51.100.1");
    expect(clientAddressOf("::ffff:10.1.2.3", "198.51.100.1", trusted)).toBe("198.51.100.1");
    // A client cannot choose its address by sending a forged first entry: read from the right.
    expect(clientAddressOf("10.1.2.3", "1.1.1.1, 198.51.100.1, 192.0.2.7", trusted)).toBe("198.51.100.1");
    expect(clientAddressOf("2001:db8::1", "2001:db8::2, 2001:0db8:1::5", trusted)).toBe("2001:db8::2");
    expect(clientAddressOf("2001:db8::1", "2001:db9::9", trusted)).toBe("2001:db9::9");
  });

  it("stops at an entry that is no address, and knows no peer as unknown", () => {
    expect(clientAddressOf("10.1.2.3", "198.51.100.1, <script>", trusted)).toBe("10.1.2.3");
    expect(clientAddressOf("10.1.2.3", "10.9.9.9", trusted)).toBe("10.9.9.9");
    expect(clientAddressOf(undefined, "198.51.100.1", trusted)).toBe("unknown");
    expect(clientAddressOf("10.1.2.3", "198.51.100.1", trustedProxyList([]))).toBe("10.1.2.3");
  });
});
