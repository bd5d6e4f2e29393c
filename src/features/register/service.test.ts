import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { codeOf } from "../../../test/support/refusals.ts";
import { toV1, v1JsonSchema } from "./export.ts";
import { FEEDBACK, feedbackFormToken, submitFeedback } from "./feedback.ts";
import { prepareEntry } from "./prepare-entry.ts";
import { getPublicEntry, publishedEntriesOf, searchPublic, similarEntries } from "./public.ts";
import { getTeamEntry, listTeamEntries } from "./queries.ts";
import { approveEntry, publishEntry, retractEntry } from "./release.ts";
import { sanitiseHtml } from "./sanitise.ts";
import { queryTerms, stem } from "./stem.ts";
import { COMPLETE_FIELDS, registerSetting } from "./test-helpers.ts";
import type { Deps } from "../../platform/deps.ts";

const ajv = new Ajv2020({ allErrors: true, formats: { email: true, uri: true } });
const validate = ajv.compile(v1JsonSchema());

async function publishOne(deps: Deps, slug = "teststad", fields: Record<string, unknown> = COMPLETE_FIELDS) {
  const s = await registerSetting(deps, slug);
  await prepareEntry(deps, s.a.lead, s.projectId, { fields });
  await approveEntry(deps, s.a.owner, s.projectId);
  await publishEntry(deps, s.a.lead, s.projectId);
  const lars = (await getTeamEntry(deps, s.a.lead, s.projectId)).lars!;
  return { ...s, lars };
}

describe("Dutch stemming and sanitising", () => {
  it("gives a word and its plural one stem, and keeps only letters and digits of a query", () => {
    expect(stem("afvalcontainers")).toBe(stem("afvalcontainer"));
    expect(stem("woningen")).toBe(stem("woning"));
    expect(stem("algoritmes")).toBe(stem("algoritme"));
    expect(queryTerms("afval' OR 1=1; --")).toEqual(["afval", "or", "1"]);
    expect(queryTerms("afval:* & !x | (")).toEqual(["afval", "x"]);
  });

  it("keeps only the allowed tags, no attributes but a safe href, and balances what is left open", () => {
    const dirty = `<p onclick="x()">Goed <script>alert(1)</script><a href="javascript:alert(1)">a</a> <a href="https://example.org/x" target="_blank">b</a> <img src=x onerror=alert(1)><strong>vet<style>p{}</style></p><em>open`;
    expect(sanitiseHtml(dirty)).toBe(`<p>Goed <a>a</a> <a href="https://example.org/x">b</a> <strong>vet</strong></p><em>open</em>`);
    expect(sanitiseHtml(`<b>x</b> & <i>y`, false)).toBe("x &amp; y");
    expect(sanitiseHtml(`<a href="jav&#x61;script:alert(1)">x</a>`)).toBe("<a>x</a>");
  });
});

describeEachEngine("register entries", (get) => {
  it("is prefilled from the project, prepared by the team, approved by another, published, and found by a Dutch word in another form", async () => {
    const { deps } = get();
    const s = await registerSetting(deps);
    const fresh = await getTeamEntry(deps, s.a.member, s.projectId);
    expect(fresh.exists).toBe(false);
    expect(fresh.fields).toMatchObject({ name: "Afval ophalen op tijd", organization: "Gemeente teststad", lang: "nld", status: "In ontwikkeling" });
    await prepareEntry(deps, s.a.lead, s.projectId, { fields: COMPLETE_FIELDS });
    expect(await codeOf(approveEntry(deps, s.a.lead, s.projectId))).toBe("forbidden:register.approve_role");
    expect(await codeOf(publishEntry(deps, s.a.lead, s.projectId))).toBe("rule_refused:register.not_approved");
    // The owner prepares a change: then the owner may not approve it.
    await prepareEntry(deps, s.a.owner, s.projectId, { fields: COMPLETE_FIELDS });
    expect(await codeOf(approveEntry(deps, s.a.owner, s.projectId))).toBe("rule_refused:register.not_own_work");
    await approveEntry(deps, s.a.privacy, s.projectId);
    expect(await publishEntry(deps, s.a.lead, s.projectId)).toEqual({ version: 1 });
    const project = await deps.db.selectFrom("projects").select("publication_state").where("id", "=", s.projectId).executeTakeFirstOrThrow();
    expect(project.publication_state).toBe("published");

    for (const q of ["afvalcontainer", "afval", "Afvalcontainers", "vuilniswagens", "slim"]) {
      expect((await searchPublic(deps, { q })).items.map((i) => i.name), q).toEqual(["Slimme afvalcontainers"]);
    }
    expect((await searchPublic(deps, { q: "fietsenstalling" })).total).toBe(0);
    expect((await searchPublic(deps, { policyArea: "Natuur en milieu", value: "Privacy", technology: "sensors" })).total).toBe(1);
    expect((await searchPublic(deps, { policyArea: "Zorg en gezondheid" })).total).toBe(0);
  });

  it("publishes an update as a new version; the older one stays readable; a retracted entry is gone", async () => {
    const { deps } = get();
    const s = await publishOne(deps);
    await prepareEntry(deps, s.a.member, s.projectId, { fields: { ...COMPLETE_FIELDS, name: "Slimme afvalcontainers in de wijk" } });
    expect((await getPublicEntry(deps, s.lars)).fields.name).toBe("Slimme afvalcontainers");
    await approveEntry(deps, s.a.owner, s.projectId);
    await publishEntry(deps, s.a.lead, s.projectId);
    const now = await getPublicEntry(deps, s.lars);
    expect(now.version).toBe(2);
    expect(now.fields.name).toBe("Slimme afvalcontainers in de wijk");
    expect((await getPublicEntry(deps, s.lars, 1)).fields.name).toBe("Slimme afvalcontainers");
    expect(await codeOf(retractEntry(deps, s.a.lead, s.projectId, { reason: "" }))).toBe("validation:register.reason_required");
    await retractEntry(deps, s.a.lead, s.projectId, { reason: "Het algoritme is gestopt." });
    expect(await codeOf(getPublicEntry(deps, s.lars))).toBe("not_found:error.not_found");
    expect((await searchPublic(deps, { q: "afval" })).total).toBe(0);
  });

  it("refuses a field over its limit and a wrong enum, and changes nothing", async () => {
    const { deps } = get();
    const s = await registerSetting(deps);
    await prepareEntry(deps, s.a.lead, s.projectId, { fields: COMPLETE_FIELDS });
    const before = await getTeamEntry(deps, s.a.lead, s.projectId);
    const refusal = prepareEntry(deps, s.a.lead, s.projectId, { fields: { ...COMPLETE_FIELDS, name: "x".repeat(101), status: "Misschien" } });
    await expect(refusal).rejects.toMatchObject({ code: "validation", fieldErrors: [{ field: "fields.name", messageKey: "field.too_long" }, { field: "fields.status", messageKey: "field.invalid_choice" }] });
    expect((await getTeamEntry(deps, s.a.lead, s.projectId)).revision).toBe(before.revision);
    expect(await codeOf(prepareEntry(deps, s.a.lead, s.projectId, { fields: { ...COMPLETE_FIELDS, onbekend: "x" } }))).toMatch(/^validation:/);
  });

  it("keeps only the standard's allowed tags in a text field", async () => {
    const { deps } = get();
    const s = await publishOne(deps, "teststad", { ...COMPLETE_FIELDS, goal: `<p>Doel <script>alert(1)</script><a href="javascript:x">link</a></p>`, name: "<b>Slimme</b> afvalcontainers" });
    const entry = await getPublicEntry(deps, s.lars);
    expect(entry.fields.goal).toBe("<p>Doel <a>link</a></p>");
    expect(entry.fields.name).toBe("Slimme afvalcontainers");
  });

  it("treats SQL and full-text syntax in a search as words", async () => {
    const { deps } = get();
    await publishOne(deps);
    for (const q of ["'; DROP TABLE register_entries; --", "afval:* & !x", "%", "_", "\" OR \"\"=\"", "afval) OR (1=1", "NEAR(afval container)", "*"]) {
      const r = await searchPublic(deps, { q });
      expect(r.total, q).toBeLessThanOrEqual(1);
    }
    expect((await searchPublic(deps, { q: "%" })).total).toBe(0);
    expect((await searchPublic(deps, { q: "afval) OR (1=1" })).total).toBe(0);
    expect((await searchPublic(deps, {})).total).toBe(1);
  });

  it("exports entries that validate against the JSON Schema written from the standard", async () => {
    const { deps } = get();
    await publishOne(deps);
    const [entry] = await publishedEntriesOf(deps, "teststad");
    const v1 = toV1(entry!);
    expect(validate(v1), JSON.stringify(validate.errors)).toBe(true);
    expect(v1).toMatchObject({ name: "Slimme afvalcontainers", lang: "nld", standard_version: "1.0" });
    expect(v1).not.toHaveProperty("revision_date");
    expect(validate({ ...v1, name: "x".repeat(101) })).toBe(false);
    expect(validate({ ...v1, status: "Misschien" })).toBe(false);
    const { name: _n, ...withoutName } = v1;
    expect(validate(withoutName)).toBe(false);
  });

  it("lands a resident's report with the team, refuses a bot and a flood from one address", async () => {
    const { deps } = get();
    const s = await publishOne(deps);
    const shown = feedbackFormToken(deps);
    const later = { ...deps, now: () => new Date(deps.now().getTime() + (FEEDBACK.minSeconds + 1) * 1000) };
    const report = { kind: "error", message: "De link naar de website werkt niet.", replyTo: "", website: "", formToken: shown };
    expect(await codeOf(submitFeedback(deps, s.lars, report, "203.0.113.7"))).toBe("rule_refused:register.feedback_refused");
    expect(await codeOf(submitFeedback(later, s.lars, { ...report, website: "http://spam.example" }, "203.0.113.7"))).toBe("rule_refused:register.feedback_refused");
    expect(await codeOf(submitFeedback(later, s.lars, { ...report, formToken: `${Date.now() - 60_000}.vals` }, "203.0.113.7"))).toBe("rule_refused:register.feedback_refused");
    for (let i = 0; i < FEEDBACK.perAddressPerHour; i++) await submitFeedback(later, s.lars, report, "203.0.113.7");
    expect(await codeOf(submitFeedback(later, s.lars, report, "203.0.113.7"))).toBe("throttled:register.feedback_throttled");
    await submitFeedback(later, s.lars, { ...report, kind: "question", message: "Waar staan de containers?" }, "198.51.100.2");
    const team = await getTeamEntry(deps, s.a.member, s.projectId);
    expect(team.feedback).toHaveLength(FEEDBACK.perAddressPerHour + 1);
    expect((await listTeamEntries(deps, s.a.lead))[0]!.feedbackCount).toBe(FEEDBACK.perAddressPerHour + 1);
  });

  it("shows another organisation nothing of a non-public entry, and finds similar ones across organisations", async () => {
    const { deps } = get();
    const a = await publishOne(deps, "stad-a");
    const b = await registerSetting(deps, "stad-b");
    await prepareEntry(deps, b.a.lead, b.projectId, { fields: { ...COMPLETE_FIELDS, name: "Geheime afvalcontainers" } });
    // Organisation A's people cannot open B's project or its entry, nor approve it.
    expect(await codeOf(getTeamEntry(deps, a.a.privacy, b.projectId))).toBe("not_found:error.not_found");
    expect(await codeOf(approveEntry(deps, a.a.privacy, b.projectId))).toBe("not_found:error.not_found");
    expect(await codeOf(publishEntry(deps, a.a.lead, b.projectId))).toBe("not_found:error.not_found");
    const bLars = (await getTeamEntry(deps, b.a.lead, b.projectId)).lars!;
    expect(await codeOf(getPublicEntry(deps, bLars))).toBe("not_found:error.not_found");
    expect((await searchPublic(deps, { q: "geheime" })).total).toBe(0);
    expect(await publishedEntriesOf(deps, "stad-b")).toEqual([]);
    expect((await listTeamEntries(deps, a.a.privacy)).map((e) => e.lars)).toEqual([a.lars]);
    // Once B publishes, A's entry lists it as similar.
    await approveEntry(deps, b.a.owner, b.projectId);
    await publishEntry(deps, b.a.lead, b.projectId);
    const aEntry = await getPublicEntry(deps, a.lars);
    expect((await similarEntries(deps, aEntry.id)).map((e) => e.lars)).toEqual([bLars]);
  });
});
