import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { rowCounts } from "../db/tables.ts";

// Regression tests of issue 11, defects 1 (open redirect) and 2 (control characters), over HTTP on both engines.
describeEachEngine("hostile input at the edge", (get) => {
  async function setUp() {
    const { deps, db, engine } = get();
    const { users } = await organisationWith(deps, "rand", { auditor: ["it_auditor"], admin: ["admin"] });
    const counts = () => rowCounts(db, engine);
    return { deps, users, counts, app: createApp(deps, allFeatures) };
  }

  it("refuses a NUL or another control character anywhere in a request with 400, before anything is written", async () => {
    const { users, counts, app } = await setUp();
    const anonymous = new TestClient(app);
    await anonymous.get("/login");
    const auditor = new TestClient(app);
    await auditor.logIn(users.auditor!.email, PASSWORD);
    const admin = new TestClient(app);
    await admin.logIn(users.admin!.email, PASSWORD);

    const before = await counts();
    const tries: [string, () => Promise<Response>, "html" | "problem"][] = [
      ["GET /openbaar/advies/a%00b", () => anonymous.request("/openbaar/advies/a%00b"), "html"],
      ["GET /api/v1/public/advice/a%00b", () => anonymous.request("/api/v1/public/advice/a%00b"), "problem"],
      ["POST /login email=a%00@b.nl", () => anonymous.post("/login", { email: "a\u0000@b.nl", password: PASSWORD }), "html"],
      ["POST /login email with a NUL of a real account", () => anonymous.post("/login", { email: `${users.admin!.email}\u0000`, password: PASSWORD }), "html"],
      ["GET /audit-log?action=%00", () => auditor.request("/audit-log?action=%00"), "html"],
      ["GET /audit-log?action=%1b", () => auditor.request("/audit-log?action=%1b"), "html"],
      ["GET /audit-log?action=%7f", () => auditor.request("/audit-log?action=%7f"), "html"],
      ["GET /audit-log?action=a%09b (no tab in a query)", () => auditor.request("/audit-log?action=a%09b"), "html"],
      ["GET /api/v1/audit-events?action=%00", () => auditor.api("GET", "/api/v1/audit-events?action=%00"), "problem"],
      ["POST /api/v1/projects with \\u0000 in a JSON string", () => admin.api("POST", "/api/v1/projects", { title: "Test\u0000", goal: "Doel", ownerUserId: users.admin!.id }), "problem"],
      ["POST /api/v1/projects with \\u0000 deep in a JSON array", () => admin.api("POST", "/api/v1/projects", { title: "Test", technologies: ["ok", { x: ["\u0000"] }] }), "problem"],
      ["POST /api/v1/projects with \\u0007 in a JSON key", () => admin.api("POST", "/api/v1/projects", { "ti\u0007tle": "Test" }), "problem"],
      ["POST /api/v1/projects/a%00b/measures", () => admin.api("POST", "/api/v1/projects/a%00b/measures", { title: "M" }), "problem"],
      ["POST /projects form with a NUL", () => admin.post("/projects", { title: "Project\u0000", goal: "Doel" }), "html"],
      ["POST /admin/users with a NUL in a field name", () => admin.post("/admin/users", { "na\u0000me": "X", email: "x@rand.example" }), "html"],
      ["POST /language with a vertical tab", () => admin.post("/language", { locale: "en", returnTo: "/\u000b" }), "html"],
    ];
    for (const [name, send, kind] of tries) {
      const res = await send();
      expect(res.status, name).toBe(400);
      const text = await res.text();
      if (kind === "problem") {
        expect(res.headers.get("content-type"), name).toBe("application/problem+json");
        const problem = JSON.parse(text) as { code: string; detail: string; errors: { field: string }[] };
        expect(problem.code, name).toBe("validation");
        expect(problem.detail, name).toContain("onzichtbaar stuurteken");
        expect(problem.errors[0]!.field, name).toMatch(/^(path|query\.|body)/);
      } else {
        expect(res.headers.get("content-type"), name).toContain("text/html");
        expect(text, name).toContain("Wat u verstuurde bevat een onzichtbaar stuurteken");
      }
    }
    expect(await counts()).toEqual(before);
  });

  it("lets tabs and line ends through in multi-line text, and the route decides", async () => {
    const { users, app } = await setUp();
    const admin = new TestClient(app);
    await admin.logIn(users.admin!.email, PASSWORD);
    // Multi-line text is not refused at the edge: whatever the route answers, it is not the control-character rule.
    const res = await admin.api("POST", "/api/v1/projects", { title: "Regel 1\r\n\tRegel 2", goal: "Doel\nmet twee regels", ownerUserId: users.admin!.id });
    expect(res.status).toBeLessThan(500);
    expect(await res.text()).not.toContain("stuurteken");
  });

  it("never redirects elsewhere after login or a language switch, and a newline never gives a 500 (defect 1)", async () => {
    const { users, counts, app } = await setUp();
    const client = new TestClient(app);
    const { html } = await client.get("/login?next=%2F%2Fevil.example");
    expect(html).toContain('action="/login?next=%2F"');

    // Control characters in `next` are refused before the login is looked at: no session, no event.
    const before = await counts();
    for (const next of ["%2F%09%2Fevil.example", "%2F%0A%2Fx", "%2F%0D%0A%2Fx"]) {
      const page = await client.request(`/login?next=${next}`);
      expect(page.status, next).toBe(400);
      const res = await client.post(`/login?next=${next}`, { email: users.admin!.email, password: PASSWORD });
      expect(res.status, next).toBe(400);
      expect(res.headers.get("location"), next).toBeNull();
    }
    expect(await counts()).toEqual(before);

    // What gets past the control-character rule is made local by safeLocalPath.
    for (const next of ["%2F%2Fevil.example", "%2F%5Cevil.example", "https%3A%2F%2Fevil.example", "%2F%252F%2Fevil.example"]) {
      const fresh = new TestClient(app);
      await fresh.get("/login");
      const res = await fresh.post(`/login?next=${next}`, { email: users.admin!.email, password: PASSWORD });
      expect(res.status, next).toBe(303);
      expect(res.headers.get("location"), next).toBe("/");
    }
    const good = new TestClient(app);
    await good.get("/login");
    expect((await good.post("/login?next=%2Faccount", { email: users.admin!.email, password: PASSWORD })).headers.get("location")).toBe("/account");
    await good.get("/account"); // the CSRF token of the new session

    // POST /language: tabs and line ends are allowed in form fields, so safeLocalPath is what stops them.
    for (const returnTo of ["/\t/evil.example", "/\r\n/x", "/\n/x", "//evil.example", "/\\evil.example"]) {
      const res = await good.post("/language", { locale: "nl", returnTo });
      expect(res.status, JSON.stringify(returnTo)).toBe(303);
      expect(res.headers.get("location"), JSON.stringify(returnTo)).toBe("/");
    }
    expect((await good.post("/language", { locale: "nl", returnTo: "/projects" })).headers.get("location")).toBe("/projects");
  });
});
