// The Algoritmekader per project: the requirements that apply to its profile,
// each with its status from the evidence Afweging holds, or set by a person
// (not applicable with a reason; met with what shows it where no evidence is
// linked); and the organisation's view of met requirements and gaps.
import { z } from "zod";
import { aiActProfile, applicableRequirements, coverage, FRAMEWORK_PHASES, measuresFor, requirementStatus, validateOverride, type ApplicableRequirement, type ProjectProfile, type StatusOverride, type StatusResult, type SuggestedMeasure } from "../../domain/algoritmekader/index.ts";
import { isPhase } from "../../domain/lifecycle/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canWorkOnProject } from "../../domain/permissions/project-access.ts";
import type { EvidenceFacts, Framework } from "../../law/algoritmekader/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { readStringList } from "../../platform/db/json-columns.ts";
import { AppError, forbidden, invalid } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { frameworks } from "../ai-act/frameworks.ts";
import { classificationsOf } from "../ai-act/records.ts";
import { loadProjectForActor, lockProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { evidenceFacts } from "./evidence.ts";
import { toCsv } from "../assessments/rules.ts";
import "./schema.ts";

export const REASON_MAX = 2000;
/** Who sees the organisation's coverage: the second and the third line. */
export const COVERAGE_ROLES = ["privacy_officer", "iso", "jurist", "ethics_advisor", "expert_table_member", "cio", "ciso", "fg", "vic", "it_auditor"] as const;
export const mayViewCoverage = (actor: Actor) => COVERAGE_ROLES.some((r) => actor.organisationRoles.has(r));

export interface ProjectRequirement extends ApplicableRequirement {
  status: StatusResult;
}

export interface ProjectRequirements {
  project: ProjectRef;
  framework: Framework;
  classified: boolean;
  requirements: ProjectRequirement[];
  awaitingClassification: string[];
  facts: EvidenceFacts;
  measures: SuggestedMeasure[];
  canEdit: boolean;
}

function latest(): Framework {
  const f = frameworks().latestFramework();
  if (!f) throw new Error("no Algoritmekader version is loaded");
  return f;
}

async function profileOf(deps: Deps, project: ProjectRef): Promise<ProjectProfile> {
  const [current] = await classificationsOf(deps, project.organisationId, project.id);
  const row = await deps.db.selectFrom("projects").select("data_categories_json").where("id", "=", project.id).where("organisation_id", "=", project.organisationId).executeTakeFirst();
  const categories = readStringList(row?.data_categories_json);
  const view = current?.result.eventual;
  return {
    aiAct: current ? aiActProfile(current.result) : null,
    personalData: categories.some((c) => c !== "none"),
    publicBody: true,
    decisions: true,
    impactful: view ? view.publicationCategory !== "Overige algoritmes" && view.publicationCategory !== null : true,
    protectedWorks: false,
    thirdPartyDatabases: false,
    phases: isPhase(project.phase) ? FRAMEWORK_PHASES[project.phase] : [],
  };
}

async function overridesOf(deps: Deps, organisationId: string, projectId: string): Promise<Map<string, StatusOverride>> {
  const rows = await deps.db.selectFrom("ak_requirement_statuses").selectAll().where("organisation_id", "=", organisationId).where("project_id", "=", projectId).execute();
  return new Map(rows.map((r) => [r.requirement_id, { status: r.status as StatusOverride["status"], reason: r.reason }]));
}

/** The statuses of a project without an acting user (the organisation view). */
export async function statusesOf(deps: Deps, project: ProjectRef, framework = latest()) {
  const profile = await profileOf(deps, project);
  const facts = await evidenceFacts(deps, project);
  const overrides = await overridesOf(deps, project.organisationId, project.id);
  const applicability = applicableRequirements(profile, framework);
  const requirements = applicability.applicable.map((a) => ({ ...a, status: requirementStatus(a.requirement, framework, facts, overrides.get(a.requirement.id) ?? null) }));
  return { profile, facts, applicability, requirements };
}

export async function projectRequirements(deps: Deps, actor: Actor, projectId: string): Promise<ProjectRequirements> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  const framework = latest();
  const { profile, facts, applicability, requirements } = await statusesOf(deps, project, framework);
  return {
    project,
    framework,
    classified: profile.aiAct !== null,
    requirements,
    awaitingClassification: applicability.awaitingClassification,
    facts,
    measures: measuresFor(requirements.filter((r) => r.status.status === "not_yet").map((r) => r.requirement.id), framework),
    canEdit: canWorkOnProject(actor, project.id),
  };
}

export const StatusInput = z.object({
  requirementId: z.string().trim().min(1, "field.required").max(100, "field.too_long"),
  status: z.enum(["met", "not_applicable", "clear"], "field.invalid_choice"),
  reason: z.string().trim().max(REASON_MAX, "field.too_long").optional().default(""),
});

/** The team marks a requirement not applicable (with a reason) or met (where no evidence is linked), or clears its mark. */
export async function setRequirementStatus(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    if (!canWorkOnProject(actor, project.id)) throw forbidden();
    const data = parseInput(StatusInput, input);
    const framework = latest();
    const requirement = framework.requirements.find((r) => r.id === data.requirementId);
    if (!requirement) throw invalid([{ field: "requirementId", messageKey: "ak.unknown_requirement" }]);
    const where = (q: any) => q.where("organisation_id", "=", actor.organisationId).where("project_id", "=", project.id).where("requirement_id", "=", requirement.id);
    if (data.status === "clear") {
      await where(tx.db.deleteFrom("ak_requirement_statuses")).execute();
    } else {
      const errors = validateOverride(requirement, { status: data.status, reason: data.reason });
      if (errors.length) throw invalid(errors.map((e) => ({ field: "reason", messageKey: e.code })));
      await where(tx.db.deleteFrom("ak_requirement_statuses")).execute();
      await tx.db
        .insertInto("ak_requirement_statuses")
        .values({ id: tx.newId(), organisation_id: actor.organisationId, project_id: project.id, requirement_id: requirement.id, framework_version: framework.version, status: data.status, reason: data.reason, set_by: actor.userId, set_by_name: actor.name, set_at: tx.now().toISOString() })
        .execute();
    }
    await tx.audit({ action: "ak.status_set", entityType: "project", entityId: project.id, after: { requirementId: requirement.id, status: data.status, reason: data.reason, frameworkVersion: framework.version } });
  });
}

export interface OrganisationCoverage {
  framework: Framework;
  projects: ProjectRef[];
  rows: ReturnType<typeof coverage>;
}

/** Per requirement across the organisation's active projects: how many meet it, and which do not yet. Second line and third line only. */
export async function organisationCoverage(deps: Deps, actor: Actor): Promise<OrganisationCoverage> {
  if (!mayViewCoverage(actor)) throw forbidden();
  const framework = latest();
  const rows = await deps.db.selectFrom("projects").select(["id", "title", "phase", "domain", "supplier_involved"]).where("organisation_id", "=", actor.organisationId).where("phase", "not in", ["stopped", "closed"]).orderBy("title").execute();
  const projects: ProjectRef[] = rows.map((r) => ({ id: r.id, organisationId: actor.organisationId, title: r.title, phase: r.phase, domain: r.domain, supplierInvolved: r.supplier_involved === 1 }));
  const statuses = [];
  for (const p of projects) statuses.push({ projectId: p.id, statuses: (await statusesOf(deps, p, framework)).requirements.map((r) => r.status) });
  return { framework, projects, rows: coverage(statuses) };
}

export async function coverageCsv(deps: Deps, actor: Actor, words: { met: string; notYet: string; notApplicable: string; requirement: string; title: string; gaps: string }): Promise<string> {
  const c = await organisationCoverage(deps, actor);
  const titles = new Map(c.projects.map((p) => [p.id, p.title]));
  const req = new Map(c.framework.requirements.map((r) => [r.id, r.title.nl]));
  return toCsv(
    [words.requirement, words.title, words.met, words.notYet, words.notApplicable, words.gaps],
    c.rows.map((r) => [r.requirementId, req.get(r.requirementId) ?? "", r.counts.met, r.counts.not_yet, r.counts.not_applicable, r.gaps.map((id) => titles.get(id) ?? id).join(", ")]),
  );
}

export function mayEditStatuses(actor: Actor, projectId: string): boolean {
  return canWorkOnProject(actor, projectId);
}

export { AppError };
