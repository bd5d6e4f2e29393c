import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";

describeEachEngine("API caching and the session cookie (defect 10)", (get) => {
  it("marks every API answer no-store, also errors and the OpenAPI document", async () => {
    const { deps } = get();
    const { users } = await organisationWith(deps, "cache", { fg: ["fg"] });
    const client = new TestClient(createApp(deps, allFeatures));
    await client.logIn(users.fg!.email, PASSWORD);
    for (const path of ["/api/v1/me", "/api/v1/openapi.json", "/api/v1/no-such-thing", "/api/v1/users"]) {
      const res = await client.request(path);
      expect(res.headers.get("cache-control"), `${path} (${res.status})`).toBe("no-store");
    }
    expect((await client.request("/assets/app.css")).headers.get("cache-control")).toBe("public, max-age=3600"); // the plain name; hashed names are immutable (compression.test.ts)
  });

  it("over https uses a __Host- browser-session cookie, ignores one without the prefix, and clears it at logout", async () => {
    const { deps } = get();
    const { users } = await organisationWith(deps, "host", { fg: ["fg"] });
    const secure = { ...deps, config: { ...deps.config, baseUrl: "https://afweging.example", secureCookies: true } };
    const client = new TestClient(createApp(secure, allFeatures));
    const res = await client.logIn(users.fg!.email, PASSWORD);
    const cookie = res.headers.getSetCookie().find((c) => c.includes("afw_session"))!;
    expect(cookie).toMatch(/^__Host-afw_session=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect((await client.get("/")).html).toContain("Welkom, fg host");

    // The same token under the plain name (as a plain-http page or a sibling domain could set it) is not read.
    const token = client.cookie("__Host-afw_session")!;
    const plain = await createApp(secure, allFeatures).request("/projects", { headers: { cookie: `afw_session=${token}` } });
    expect(plain.status).toBe(303);
    expect(plain.headers.get("location")).toMatch(/^\/login(\?|$)/);

    const out = await client.post("/logout", {});
    expect(out.headers.getSetCookie().join("\n")).toMatch(/__Host-afw_session=; Max-Age=0; Path=\/; Secure/);
    expect(client.cookie("__Host-afw_session")).toBeUndefined();
  });
});
