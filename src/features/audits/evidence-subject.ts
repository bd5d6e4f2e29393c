// Audits and their findings carry evidence: the auditors add it to the audit
// and its findings; the audited project's owner and lead add theirs to a
// finding (with their response). Whoever sees the audit reads it.
import { hasProjectRole } from "../../domain/permissions/permissions.ts";
import { notFound } from "../../platform/errors.ts";
import type { EvidenceSubject } from "../evidence/extension-points.ts";
import { canWorkOnAudit, loadAudit } from "./access.ts";

export const auditEvidence: EvidenceSubject = {
  kind: "audit",
  async open(deps, actor, subjectId) {
    const { audit, people } = await loadAudit(deps, actor, subjectId);
    return { projectId: null, href: `/audits/${audit.id}`, mayAdd: canWorkOnAudit(actor, people) };
  },
};

export const findingEvidence: EvidenceSubject = {
  kind: "audit_finding",
  async open(deps, actor, subjectId) {
    const finding = await deps.db.selectFrom("audit_findings").select(["id", "audit_id", "project_id", "number"]).where("id", "=", subjectId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
    if (!finding) throw notFound();
    const { audit, people } = await loadAudit(deps, actor, finding.audit_id);
    const mayAdd = canWorkOnAudit(actor, people) || hasProjectRole(actor, finding.project_id, ["owner", "lead"]);
    return { projectId: finding.project_id, href: `/audits/${audit.id}#finding-${finding.number}`, mayAdd };
  },
};
