import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { createApp } from "../../app.ts";
import { operationsOf, tagSlug, type OpenApiDoc } from "./api-docs.tsx";

describeEachEngine("browsable API documentation at /api/docs (issue 13)", (get) => {
  it("documents every operation of the OpenAPI document, without login and without scripts of its own", async () => {
    const app = createApp(get().deps, allFeatures);
    const doc = (await (await app.request("/api/v1/openapi.json")).json()) as OpenApiDoc;
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(100);

    const index = await app.request("/api/docs");
    expect(index.status).toBe(200);
    expect(index.headers.get("content-security-policy")).toContain("script-src 'self'");
    const indexHtml = await index.text();
    expect(indexHtml).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(indexHtml).toContain('href="/api/v1/openapi.json"');

    const parts = [...new Set(ops.map((o) => o.tag))];
    for (const part of parts) {
      expect(indexHtml, part).toContain(`href="/api/docs/${tagSlug(part)}"`);
      const page = await app.request(`/api/docs/${tagSlug(part)}`);
      expect(page.status, part).toBe(200);
      const html = await page.text();
      const mine = ops.filter((o) => o.tag === part);
      // Each operation once, as a section with its method and full path.
      expect([...html.matchAll(/<section class="afw-section afw-apidocs__op"/g)].length, part).toBe(mine.length);
      for (const o of mine) expect(html, `${o.method} ${o.path}`).toContain(`<code>/api/v1${o.path}</code>`);
    }
  });

  it("shows a request body's fields with the limits of the use case's own schema, in the reader's language", async () => {
    const app = createApp(get().deps, allFeatures);
    const nl = await (await app.request("/api/docs/measures")).text();
    expect(nl).toContain("API: Maatregelen");
    // NewMeasureBody: title is required, 1–200 characters; reviewCadence is one of four codes.
    expect(nl).toMatch(/<dt><code>title<\/code><\/dt><dd>tekst · verplicht · hoogstens 200 tekens<\/dd>/);
    expect(nl).toMatch(/<code>reviewCadence<\/code><\/dt><dd>keuze uit een lijst · niet verplicht · een van: <code>none<\/code>/);
    expect(nl).toMatch(/<code>source\.type<\/code>/);

    const en = await (await app.request("/api/docs/measures", { headers: { cookie: "afw_lang=en" } })).text();
    expect(en).toContain("API: Measures");
    expect(en).toMatch(/<dt><code>title<\/code><\/dt><dd>text · required · at most 200 characters<\/dd>/);
  });

  it("answers an unknown part with the not-found page", async () => {
    const app = createApp(get().deps, allFeatures);
    expect((await app.request("/api/docs/no-such-part")).status).toBe(404);
    expect((await app.request("/api/docs/%3Cscript%3E")).status).toBe(404);
  });
});
