import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { createApp } from "../../app.ts";
import { assetHref, preferredEncoding } from "./assets.ts";

describeEachEngine("response compression and asset caching (issue 14)", (get) => {
  it("serves every stylesheet and script under a content-hashed name, cached for a year, brotli or gzip as asked", async () => {
    const app = createApp(get().deps, allFeatures);
    const html = await (await app.request("/login")).text();
    const hrefs = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThanOrEqual(6);
    for (const href of hrefs) {
      expect(href).toMatch(/^\/assets\/[a-z.-]+\.[0-9a-f]{10}\.(css|js)$/);
      const plain = await app.request(href);
      expect(plain.headers.get("cache-control"), href).toBe("public, max-age=31536000, immutable");
      expect(plain.headers.get("content-encoding"), href).toBeNull();
      const original = Buffer.from(await plain.arrayBuffer());
      const br = await app.request(href, { headers: { "accept-encoding": "gzip, deflate, br" } });
      expect(br.headers.get("content-encoding"), href).toBe("br");
      expect(br.headers.get("vary")).toContain("Accept-Encoding");
      const packed = Buffer.from(await br.arrayBuffer());
      expect(brotliDecompressSync(packed).equals(original), href).toBe(true);
      if (original.length > 10_000) expect(packed.length, href).toBeLessThan(original.length / 3);
      const gz = await app.request(href, { headers: { "accept-encoding": "gzip" } });
      expect(gz.headers.get("content-encoding")).toBe("gzip");
      expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(original)).toBe(true);
    }
    // A changed file gets a new name; the plain name still answers, but only briefly cached.
    expect((await app.request("/assets/app.css")).headers.get("cache-control")).toBe("public, max-age=3600");
    expect(assetHref("app.css")).not.toBe("/assets/app.css");
  });

  it("compresses pages and API answers, keeps their headers and cookies, and leaves small answers alone", async () => {
    const app = createApp(get().deps, allFeatures);
    const page = await app.request("/login", { headers: { "accept-encoding": "br" } });
    expect(page.headers.get("content-encoding")).toBe("br");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(page.headers.getSetCookie().length).toBeGreaterThan(0);
    const html = brotliDecompressSync(Buffer.from(await page.arrayBuffer())).toString("utf8");
    expect(html).toContain("<html");
    expect(Number(page.headers.get("content-length"))).toBeLessThan(html.length);

    const doc = await app.request("/api/v1/openapi.json", { headers: { "accept-encoding": "gzip" } });
    expect(doc.headers.get("content-encoding")).toBe("gzip");
    expect(JSON.parse(gunzipSync(Buffer.from(await doc.arrayBuffer())).toString("utf8")).openapi).toBe("3.1.0");

    const health = await app.request("/health", { headers: { "accept-encoding": "br" } });
    expect(health.headers.get("content-encoding")).toBeNull();
    expect(await health.json()).toEqual({ status: "ok" });
    const identity = await app.request("/login");
    expect(identity.headers.get("content-encoding")).toBeNull();
    expect(await identity.text()).toContain("<html");
  });
});

it("prefers brotli, then gzip, and honours q=0", () => {
  expect(preferredEncoding("gzip, deflate, br")).toBe("br");
  expect(preferredEncoding("gzip;q=1, br;q=0")).toBe("gzip");
  expect(preferredEncoding("identity")).toBeNull();
  expect(preferredEncoding(undefined)).toBeNull();
});
