import { expect, it } from "vitest";
import { TestClient } from "../../../test/support/http-client.ts";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { createApp } from "../../app.ts";
import { describeEachEngine, allFeatures } from "../../../test/support/database.ts";

describeEachEngine("logging in and out over HTTP", (get) => {
  it("wrong password and unknown e-mail get the same message; nothing is created", async () => {
    const { deps, db } = get();
    const { users } = await organisationWith(deps, "login", { fg: ["fg"] });
    const client = new TestClient(createApp(deps, allFeatures));
    await client.get("/login");
    const wrong = await client.post("/login", { email: users.fg!.email, password: "verkeerd wachtwoord" });
    const unknown = await client.post("/login", { email: "niemand@login.example", password: "verkeerd wachtwoord" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.text(), await unknown.text()];
    expect(a).toContain("Het e-mailadres of het wachtwoord klopt niet.");
    expect(b).toContain("Het e-mailadres of het wachtwoord klopt niet.");
    expect(a).toContain('value="fg@login.example"'); // the field keeps what was typed
    expect(await db.selectFrom("sessions").selectAll().execute()).toHaveLength(0);
  });

  it("logs in, rotates the session, switches language and back, logs out", async () => {
    const { deps } = get();
    const { users } = await organisationWith(deps, "taal", { fg: ["fg"] });
    const client = new TestClient(createApp(deps, allFeatures));
    await client.get("/login");
    const csrfBefore = client.cookie("afw_csrf");
    const res = await client.post("/login?next=/account", { email: users.fg!.email, password: PASSWORD });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/account");
    const setCookies = res.headers.getSetCookie().join("\n");
    // A browser-session cookie (no Max-Age); the server ends it when idle (plain http here, so no __Host- prefix).
    expect(setCookies).toMatch(/afw_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    expect(setCookies).not.toMatch(/afw_session=[^\n]*Max-Age/);
    expect(client.cookie("afw_csrf")).not.toBe(csrfBefore);

    let page = await client.get("/");
    expect(page.html).toContain("Welkom, fg taal");
    expect(await client.post("/language", { locale: "en", returnTo: "/" })).toHaveProperty("status", 303);
    page = await client.get("/");
    expect(page.html).toContain("Welcome, fg taal");
    expect(page.html).toContain('<html lang="en"');
    await client.post("/language", { locale: "nl", returnTo: "/" });
    expect((await client.get("/")).html).toContain("Welkom, fg taal");

    const out = await client.post("/logout", {});
    expect(out.headers.get("location")).toBe("/login");
    // Logged out, the start page is the public one again, and the staff pages send to the login.
    const after = await client.request("/projects");
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toBe("/login?next=%2Fprojects");
  });

  it("refuses a form without a valid CSRF token and changes nothing", async () => {
    const { deps, db } = get();
    const { users } = await organisationWith(deps, "csrf", { admin: ["admin"] });
    const client = new TestClient(createApp(deps, allFeatures));
    await client.logIn(users.admin!.email, PASSWORD);
    const missing = await client.post("/admin/users", { name: "X", email: "x@csrf.example", password: PASSWORD }, { csrf: null });
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain("Het formulier is verlopen of niet geldig.");
    const forged = await client.post("/admin/users", { name: "X", email: "x@csrf.example", password: PASSWORD }, { csrf: "forged" });
    expect(forged.status).toBe(403);
    const apiNoHeader = await client.request("/api/v1/users", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(apiNoHeader.status).toBe(403);
    expect(apiNoHeader.headers.get("content-type")).toBe("application/problem+json");
    expect(await db.selectFrom("users").select("id").where("email", "=", "x@csrf.example").execute()).toHaveLength(0);
  });

  it("an expired session sends the user to the login page with a clear message", async () => {
    const { deps, db } = get();
    const { users } = await organisationWith(deps, "verlopen", { fg: ["fg"] });
    const client = new TestClient(createApp(deps, allFeatures));
    await client.logIn(users.fg!.email, PASSWORD);
    await db.updateTable("sessions").set({ expires_at: "2000-01-01T00:00:00.000Z" }).execute();
    const res = await client.request("/account");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login?next=%2Faccount");
    const page = await client.get("/login?next=%2Faccount");
    expect(page.html).toContain("U was te lang niet actief. Log opnieuw in.");
    expect(await db.selectFrom("sessions").selectAll().execute()).toHaveLength(0);
  });

  it("throttles after repeated failures per account and address, with a clear Dutch message", async () => {
    const { deps } = get();
    const { users } = await organisationWith(deps, "rem", { fg: ["fg"] });
    let now = Date.parse("2026-03-02T09:00:00.000Z");
    const client = new TestClient(createApp({ ...deps, now: () => new Date(now) }, allFeatures));
    await client.get("/login");
    for (let i = 0; i < 3; i++) expect((await client.post("/login", { email: users.fg!.email, password: "fout fout fout" })).status).toBe(401);
    const blocked = await client.post("/login", { email: users.fg!.email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe("1");
    expect(await blocked.text()).toContain("U heeft te vaak een verkeerd wachtwoord ingevuld. Probeer het over 2 seconden opnieuw.");
    now += 1000;
    expect((await client.post("/login", { email: users.fg!.email, password: PASSWORD })).status).toBe(303);
  });

  it("serves a strict Content-Security-Policy and no inline script", async () => {
    const { deps } = get();
    const client = new TestClient(createApp(deps, allFeatures));
    const { res, html } = await client.get("/login");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/\son[a-z]+="/);
  });
});
