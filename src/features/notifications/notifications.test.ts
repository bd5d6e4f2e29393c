import { afterEach, expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { codeOf } from "../../../test/support/refusals.ts";
import { decodedText, startSmtp, type TestSmtp } from "../../../test/support/smtp.ts";
import { createApp } from "../../app.ts";
import type { Deps } from "../../platform/deps.ts";
import { deliverOutbox } from "../../platform/mail/outbox.ts";
import { smtpTransport } from "../../platform/mail/transport.ts";
import { notify } from "../../platform/notify.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { createMeasure } from "../measures/service.ts";
import { addMember, registerProject } from "../projects/service.ts";
import { projectInput } from "../projects/test-helpers.ts";
import { sendDigests } from "./digest.ts";
import { scanInboxes } from "./scan-inbox.ts";
import { backgroundFailures, getPreferences, listNotifications, markRead, unreadCount, updatePreferences } from "./service.ts";

let servers: TestSmtp[] = [];
afterEach(async () => {
  for (const s of servers) await s.close();
  servers = [];
});

// testDeps' clock starts on 2026-03-01.
async function setting(deps: Deps, slug: string) {
  const { users, organisationId } = await organisationWith(deps, slug, { owner: [], lead: [], member: [], outsider: [], fg: ["fg"] });
  const projectId = await registerProject(deps, await users.lead!.actor(), projectInput(users.owner!.id));
  await addMember(deps, await users.lead!.actor(), projectId, { userId: users.member!.id, role: "member" });
  const other = await organisationWith(deps, `${slug}-ander`, { member: [] });
  return { users, organisationId, projectId, other, as: (key: string) => users[key]!.actor() };
}

async function outboxTo(deps: Deps, address: string) {
  return deps.db.selectFrom("outbox").selectAll().where("to_address", "=", address).orderBy("created_at").execute();
}

describeEachEngine("notifications (issue 15)", (get) => {
  it("the inbox becomes notifications: asked of me at once by mail, overdue and due soon for the digest, each only once", async () => {
    const { deps } = get();
    const { users, projectId, as } = await setting(deps, "melding");
    await createMeasure(deps, await as("lead"), { projectId, title: "Dimmen testen", ownerUserId: users.member!.id, dueDate: "2026-02-15", source: { type: "manual" } });
    await createMeasure(deps, await as("lead"), { projectId, title: "Wijkraad informeren", ownerUserId: users.member!.id, dueDate: "2026-03-03", source: { type: "manual" } });
    await createMeasure(deps, await as("lead"), { projectId, title: "Evaluatie plannen", ownerUserId: users.member!.id, dueDate: "2026-09-01", source: { type: "manual" } });

    await scanInboxes(deps);
    const mine = await listNotifications(deps, await as("member"));
    const byKind = mine.items.map((n) => [n.kind, n.text_nl, n.due_date, n.delivery]).sort();
    expect(byKind).toEqual([
      ["due_soon", "De maatregel uitvoeren: Wijkraad informeren", "2026-03-03", "digest"],
      ["overdue", "De maatregel uitvoeren: Dimmen testen", "2026-02-15", "digest"],
      ["requested", "De maatregel uitvoeren: Evaluatie plannen", "2026-09-01", "immediate"],
      ["requested", "De maatregel uitvoeren: Wijkraad informeren", "2026-03-03", "immediate"],
    ]);
    expect(mine.unread).toBe(4);
    // Immediate: a mail each for the two new tasks, none for the digest ones.
    expect((await outboxTo(deps, users.member!.email)).map((m) => m.subject).sort()).toEqual(["Afweging: De maatregel uitvoeren: Evaluatie plannen", "Afweging: De maatregel uitvoeren: Wijkraad informeren"]);

    await scanInboxes(deps);
    expect((await listNotifications(deps, await as("member"))).total).toBe(4);
    expect(await outboxTo(deps, users.member!.email)).toHaveLength(2);
  });

  it("a digest gathers the day's notifications in one mail, in the person's language, with links to where they act; the next digest has nothing new", async () => {
    const { deps } = get();
    const { users, projectId, as } = await setting(deps, "digest");
    await deps.db.updateTable("users").set({ locale: "en" }).where("id", "=", users.member!.id).execute();
    await updatePreferences(deps, await as("member"), { preferences: { requested: "digest" } });
    const late = await createMeasure(deps, await as("lead"), { projectId, title: "Dimmen testen", ownerUserId: users.member!.id, dueDate: "2026-02-15", source: { type: "manual" } });
    const soon = await createMeasure(deps, await as("lead"), { projectId, title: "Wijkraad <informeren> & meer", ownerUserId: users.member!.id, dueDate: "2026-03-02", source: { type: "manual" } });
    await scanInboxes(deps);
    expect(await outboxTo(deps, users.member!.email)).toEqual([]);

    expect(await sendDigests(deps)).toBe(1);
    expect(await sendDigests(deps)).toBe(0);
    const [digest, ...more] = await outboxTo(deps, users.member!.email);
    expect(more).toEqual([]);
    expect(digest!.subject).toBe("Afweging: 3 notifications");

    const server = await startSmtp();
    servers.push(server);
    const transport = smtpTransport({ host: "127.0.0.1", port: server.port, tls: "none" });
    expect(await deliverOutbox(deps, transport, "w")).toMatchObject({ failed: 0 });
    transport.close?.();
    const toMember = server.received.filter((m) => m.to.includes(users.member!.email));
    expect(toMember).toHaveLength(1);
    const got = toMember[0]!;
    expect(got.to).toEqual([users.member!.email]);
    const text = decodedText(got.raw);
    expect(text).toContain("Subject: Afweging: 3 notifications");
    expect(text).toContain("Dear member digest,");
    expect(text).toContain("Overdue: Carry out the measure: Dimmen testen (was due 15 February 2026)");
    expect(text).toContain("Due soon: Carry out the measure: Wijkraad <informeren> & meer (by 2 March 2026)");
    expect(text).toContain(`http://localhost:3000/projects/${projectId}/measures/${late}`);
    expect(text).toContain(`href="http://localhost:3000/projects/${projectId}/measures/${soon}"`);
    // The HTML part escapes what people typed.
    expect(text).toContain("Wijkraad &lt;informeren&gt; &amp; meer");
    expect(text).not.toContain("<informeren> & meer</strong>");
    expect(text).toContain("http://localhost:3000/account/notifications");
    expect(text).toMatch(/Content-Type: text\/plain/);
    expect(text).toMatch(/Content-Type: text\/html/);
  }, 60_000);

  it("notifications respect what the recipient may see: nobody outside the project or the organisation, nothing of another project", async () => {
    const { deps } = get();
    const { users, organisationId, projectId, other, as } = await setting(deps, "zicht");
    await createMeasure(deps, await as("lead"), { projectId, title: "Geheime maatregel", ownerUserId: users.member!.id, dueDate: "2026-02-15", source: { type: "manual" } });
    await inTransaction(deps, await as("fg"), (tx) =>
      notify(tx, { organisationId, projectId, recipients: [users.outsider!.id, other.users.member!.id, users.lead!.id], kind: "outcome", key: "test:1", message: { key: "notifications.event.review_given" }, href: `/projects/${projectId}/depia` }),
    );
    await scanInboxes(deps);
    expect((await listNotifications(deps, await as("outsider"))).items).toEqual([]);
    expect((await listNotifications(deps, await other.users.member!.actor())).items).toEqual([]);
    expect((await listNotifications(deps, await as("fg"))).items.filter((n) => n.text_nl.includes("Geheime"))).toEqual([]);
    const lead = (await listNotifications(deps, await as("lead"))).items.filter((n) => n.kind === "outcome");
    expect(lead.map((n) => [n.text_nl, n.text_en, n.project_title])).toEqual([["Er is een oordeel gegeven over de DEPIA van uw project", "A verdict was given on your project's DEPIA", "Slimme lantaarnpalen"]]);
    expect(await outboxTo(deps, users.outsider!.email)).toEqual([]);
    expect(await outboxTo(deps, other.users.member!.email)).toEqual([]);
    // Someone else's notification cannot be marked read.
    expect(await codeOf(markRead(deps, await as("outsider"), lead[0]!.id))).toBe("not_found:error.not_found");
  });

  it("an event's notification and its mail are stored with the change or not at all", async () => {
    const { deps } = get();
    const { users, organisationId, projectId, as } = await setting(deps, "samen");
    await expect(
      inTransaction(deps, await as("fg"), async (tx) => {
        await notify(tx, { organisationId, projectId, projectRoles: ["owner", "lead"], kind: "outcome", key: "x:1", message: { key: "notifications.event.review_given" }, href: `/projects/${projectId}/depia` });
        throw new Error("the verdict is refused");
      }),
    ).rejects.toThrow("the verdict is refused");
    expect(await deps.db.selectFrom("notifications").select("id").execute()).toEqual([]);
    expect(await deps.db.selectFrom("outbox").select("id").execute()).toEqual([]);
    await inTransaction(deps, await as("fg"), (tx) =>
      notify(tx, { organisationId, projectId, projectRoles: ["owner", "lead"], kind: "outcome", key: "x:1", message: { key: "notifications.event.review_given" }, href: `/projects/${projectId}/depia` }),
    );
    expect((await deps.db.selectFrom("outbox").select("to_address").execute()).map((r) => r.to_address).sort()).toEqual([users.lead!.email, users.owner!.email].sort());
  });

  it("each person chooses per kind; a kind that does not exist, or a delivery that does not, is refused", async () => {
    const { deps } = get();
    const { users, projectId, as } = await setting(deps, "keuze");
    const member = await as("member");
    expect(await getPreferences(deps, member)).toEqual({ requested: "immediate", outcome: "immediate", due_soon: "digest", overdue: "digest", resident_report: "immediate" });
    expect(await codeOf(updatePreferences(deps, member, { preferences: { nonsense: "digest" } }))).toBe("validation:notifications.prefs.unknown_kind");
    expect(await codeOf(updatePreferences(deps, member, { preferences: { requested: "sms" } }))).toBe("validation:notifications.prefs.choose");
    await updatePreferences(deps, member, { preferences: { requested: "app", overdue: "immediate" } });
    expect(await getPreferences(deps, member)).toMatchObject({ requested: "app", overdue: "immediate" });
    const event = await deps.db.selectFrom("audit_events").select("action").where("action", "=", "user.notification_preferences_updated").execute();
    expect(event).toHaveLength(1);
    await createMeasure(deps, await as("lead"), { projectId, title: "Later", ownerUserId: users.member!.id, dueDate: "2026-09-01", source: { type: "manual" } });
    await createMeasure(deps, await as("lead"), { projectId, title: "Te laat", ownerUserId: users.member!.id, dueDate: "2026-02-01", source: { type: "manual" } });
    await scanInboxes(deps);
    expect((await outboxTo(deps, users.member!.email)).map((m) => m.subject)).toEqual(["Afweging: Te laat: De maatregel uitvoeren: Te laat (uiterlijk 1 februari 2026)"]);
    expect(await unreadCount(deps, member)).toBe(2);
  });

  it("the instance administrator's list of failed background work names each job in words", async () => {
    const { deps } = get();
    const { as } = await setting(deps, "taken");
    const now = deps.now().toISOString();
    const failed = { unique_key: null, payload_json: "{}", state: "failed" as const, run_at: now, attempts: 5, max_attempts: 5, last_error: "timeout", locked_by: null, locked_until: null, created_at: now, updated_at: now };
    await deps.db.insertInto("jobs").values([{ id: deps.newId(), kind: "register.deliveries", ...failed }, { id: deps.newId(), kind: "a.kind.no.longer.known", ...failed }]).execute();
    const admin = { ...(await as("lead")), instanceAdmin: true };
    const { jobs } = await backgroundFailures(deps, admin);
    expect(jobs?.map((j) => [j.kind, j.labelKey]).sort()).toEqual([["a.kind.no.longer.known", null], ["register.deliveries", "register.job.deliveries"]]);
  });

  it("pages and API: the list with its unread count, mark read, the preferences form refusing an unknown kind", async () => {
    const { deps } = get();
    const { users, projectId, as } = await setting(deps, "pagina");
    await createMeasure(deps, await as("lead"), { projectId, title: "Dimmen testen", ownerUserId: users.member!.id, dueDate: "2026-02-15", source: { type: "manual" } });
    await scanInboxes(deps);
    const client = new TestClient(createApp(deps, allFeatures));
    await client.logIn(users.member!.email, PASSWORD);
    const page = await client.get("/notifications");
    expect(page.res.status).toBe(200);
    expect(page.html).toContain("Te laat: De maatregel uitvoeren: Dimmen testen (uiterlijk 15 februari 2026)");
    expect(page.html).toMatch(/href="\/notifications"[^>]*>[\s\S]*?afw-nav__count[^>]*>1</);
    const list = await (await client.api("GET", "/api/v1/notifications")).json();
    expect(list).toMatchObject({ total: 1, unread: 1, items: [{ kind: "overdue", read: false, text: { en: "Overdue: Carry out the measure: Dimmen testen (was due 15 February 2026)" } }] });
    expect((await client.post(`/notifications/${list.items[0].id}/read`, {})).status).toBe(303);
    expect((await (await client.api("GET", "/api/v1/notifications")).json()).unread).toBe(0);

    const form = await client.get("/account/notifications");
    expect(form.html).toContain('name="preferences.overdue"');
    const refused = await client.post("/account/notifications", { "preferences.bestaat_niet": "digest" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Deze soort melding bestaat niet.");
    expect((await client.post("/account/notifications", { "preferences.overdue": "app" })).status).toBe(303);
    const api = await client.api("PUT", "/api/v1/me/notification-preferences", { preferences: { overdue: "immediate", nope: "app" } });
    expect(api.status).toBe(400);
    expect((await (await client.api("GET", "/api/v1/me/notification-preferences")).json()).preferences.overdue).toBe("app");
    expect((await client.get("/admin/jobs")).res.status).toBe(403);
    const doc = await (await client.api("GET", "/api/v1/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/notifications", "/notifications/{id}/read", "/me/notification-preferences", "/admin/background-failures", "/admin/jobs/{jobId}/retry"]));
  }, 60_000);
});
