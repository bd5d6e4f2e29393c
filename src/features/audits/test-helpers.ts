import { organisationWith } from "../../../test/support/fixtures.ts";
import type { Deps } from "../../platform/deps.ts";
import { makeProject } from "../expert-table/test-helpers.ts";
import { planAudit } from "./plan-audit.ts";
import { saveAuditPlan } from "./save-audit-plan.ts";

/**
 * An organisation with an IT-auditor, a VIC, a project team (owner, lead,
 * member) and an FG who is also a member of the second project; two projects
 * and the audit plan of 2026.
 */
export async function auditWorld(deps: Deps, slug = "audit") {
  const org = await organisationWith(deps, slug, { auditor: ["it_auditor"], vic: ["vic"], fg: ["fg"], owner: [], lead: [], member: [], jurist: ["jurist"], outsider: [] });
  const u = org.users;
  const camera = await makeProject(deps, org.organisationId, {
    title: "Parkeertelling",
    phase: "execution",
    roles: [
      { userId: u.owner!.id, role: "owner" },
      { userId: u.lead!.id, role: "lead" },
      { userId: u.member!.id, role: "member" },
    ],
  });
  const sensors = await makeProject(deps, org.organisationId, { title: "Slimme containers", phase: "execution", roles: [{ userId: u.lead!.id, role: "lead" }, { userId: u.fg!.id, role: "member" }] });
  const other = await makeProject(deps, org.organisationId, { title: "Leegstand", phase: "execution", roles: [{ userId: u.owner!.id, role: "owner" }] });
  const auditor = await u.auditor!.actor();
  await saveAuditPlan(deps, auditor, 2026, { description: "Algoritmes in de openbare ruimte." });
  const audit = (over: Record<string, unknown> = {}) =>
    planAudit(deps, auditor, {
      year: 2026,
      title: "Werking van de parkeertelling",
      type: "algorithm",
      projectIds: [camera],
      criteriaValues: ["privacy"],
      requirements: "",
      periodFrom: "2026-01-01",
      periodTo: "2026-02-28",
      auditorIds: [u.auditor!.id, u.vic!.id],
      ...over,
    });
  return { org, u, projects: { camera, sensors, other }, auditor, audit };
}

export const FINDING = {
  title: "Kentekens worden te lang bewaard",
  description: "De ruwe kentekens blijven een week op de scanauto staan.",
  severity: "high",
  values: ["privacy"],
  evidenceText: "Logbestand van de scanauto bekeken.",
  evidenceLinks: ["https://intranet.example/logboek"],
};
