// The stored readiness (project_readiness, project_waits) equals the readiness
// computed afresh after every kind of write of the demo journey: registering,
// gate decisions, measures, the canvas, advice, screening, DEPIA, contracts,
// deliberations, evaluations … (each feature's demo step runs its use cases).
import { expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { realTime } from "../../../test/support/demo-seed.ts";
import { gateReadiness } from "../../domain/lifecycle/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { bootstrapUser } from "../admin/bootstrap.ts";
import { createOrganisation } from "../admin/organisation.ts";
import { DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_PEOPLE } from "../demo/people.ts";
import "../demo/steps.ts";
import { buildSnapshots } from "./build-snapshot.ts";
import { fillMissingReadiness, READINESS_RULES_VERSION, storedMissing } from "./stored-readiness.ts";

/** project id → [missing keys with who and since, waits] as stored and as computed now. */
async function storedAndFresh(deps: Deps) {
  const projects = await deps.db.selectFrom("projects").select(["id", "organisation_id", "title", "phase", "domain", "supplier_involved"]).orderBy("organisation_id").execute();
  const fresh: Record<string, unknown> = {};
  const byOrg = new Map<string, typeof projects>();
  for (const p of projects) byOrg.set(p.organisation_id, [...(byOrg.get(p.organisation_id) ?? []), p]);
  for (const rows of byOrg.values()) {
    const snapshots = await buildSnapshots(
      deps,
      rows.map((r) => ({ id: r.id, organisationId: r.organisation_id, title: r.title, phase: r.phase, domain: r.domain, supplierInvolved: r.supplier_involved === 1 })),
    );
    for (const r of rows) {
      const missing = gateReadiness(snapshots.get(r.id)!).missing;
      fresh[r.id] = { missing, waits: [...new Set(missing.map((m) => m.who))].sort() };
    }
  }
  const stored: Record<string, unknown> = {};
  const readiness = await deps.db.selectFrom("project_readiness").selectAll().execute();
  const waits = await deps.db.selectFrom("project_waits").select(["project_id", "who"]).execute();
  for (const r of readiness) {
    expect(r.rules_version).toBe(READINESS_RULES_VERSION);
    stored[r.project_id] = { missing: storedMissing(r.missing_json), waits: waits.filter((w) => w.project_id === r.project_id).map((w) => w.who).sort() };
  }
  return { stored, fresh, count: projects.length };
}

describeEachEngine("stored readiness", (get) => {
  it("equals the freshly computed readiness after each step of the demo journey", { timeout: 300_000 }, async () => {
    const deps = realTime(get().deps);
    const organisationId = await createOrganisation(deps, DEMO_ORGANISATION);
    const people = new Map<string, string>();
    for (const p of DEMO_PEOPLE) people.set(p.key, await bootstrapUser(deps, { organisation: organisationId, name: p.name, email: p.email, password: DEMO_PASSWORD, roles: p.roles }, "systeem (demodata)"));
    const steps = deps.extensions.get("demoSteps");
    expect(steps.length).toBeGreaterThan(5);
    let waiting = 0;
    for (const step of steps) {
      await step.run(deps, organisationId, people);
      const { stored, fresh } = await storedAndFresh(deps);
      expect(stored, `after the demo step ${step.name}`).toEqual(fresh);
      waiting = Object.values(fresh).filter((f) => (f as { waits: string[] }).waits.length > 0).length;
    }
    expect(waiting).toBeGreaterThan(0);
  });

  it("start-up fills rows that are missing or computed by older rules", { timeout: 120_000 }, async () => {
    const deps = realTime(get().deps);
    const organisationId = await createOrganisation(deps, { ...DEMO_ORGANISATION, slug: "andere" });
    const people = new Map<string, string>();
    for (const p of DEMO_PEOPLE) people.set(p.key, await bootstrapUser(deps, { organisation: organisationId, name: p.name, email: p.email.replace("@", ".b@"), password: DEMO_PASSWORD, roles: p.roles }, "systeem (demodata)"));
    const projectsStep = deps.extensions.get("demoSteps").find((s) => s.name === "projects")!;
    await projectsStep.run(deps, organisationId, people);
    const [first, second] = await deps.db.selectFrom("project_readiness").select("project_id").orderBy("project_id").limit(2).execute();
    await deps.db.deleteFrom("project_readiness").where("project_id", "=", first!.project_id).execute();
    await deps.db.deleteFrom("project_waits").where("project_id", "=", first!.project_id).execute();
    await deps.db.updateTable("project_readiness").set({ rules_version: READINESS_RULES_VERSION - 1, missing_json: "[]" }).where("project_id", "=", second!.project_id).execute();
    expect(await fillMissingReadiness(deps)).toBe(2);
    const { stored, fresh } = await storedAndFresh(deps);
    expect(stored).toEqual(fresh);
  });
});
