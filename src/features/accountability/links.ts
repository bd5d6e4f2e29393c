// Where a figure's records are, for this reader: a link only to a page the
// reader may open; otherwise null, and the view shows the text without a link.
import { canAudit } from "../../domain/permissions/audit-independence.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canViewProject, isSecondOrThirdLine } from "../../domain/permissions/project-access.ts";
import { canSeeCases } from "../committee/access.ts";

export interface Links {
  projects(filter: { phase?: string; domain?: string }): string | null;
  project(id: string): string | null;
  screening(projectId: string): string | null;
  depia(projectId: string): string | null;
  measures(projectId: string): string | null;
  contracts(): string | null;
  audits(): string | null;
  audit(id: string): string | null;
  biasAudits(): string | null;
  biasAudit(id: string): string | null;
  committee(): string | null;
  committeeCase(caseId: string, adviceId: string, published: boolean): string | null;
  registerEntry(projectId: string): string | null;
  publicRegister(lars: string): string;
  publicAdvice(adviceId: string): string;
}

export function linksFor(actor: Actor): Links {
  const project = (id: string, path = "") => (canViewProject(actor, id) ? `/projects/${encodeURIComponent(id)}${path}` : null);
  return {
    projects: (filter) => {
      if (!isSecondOrThirdLine(actor)) return null;
      const q = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]));
      return q.size ? `/projects?${q.toString()}` : "/projects";
    },
    project: (id) => project(id),
    screening: (id) => project(id, "/screening"),
    depia: (id) => project(id, "/depia"),
    measures: (id) => project(id, "/measures"),
    contracts: () => "/contracts",
    audits: () => (canAudit(actor, "read") ? "/audits" : null),
    audit: (id) => (canAudit(actor, "read") ? `/audits/${encodeURIComponent(id)}` : null),
    biasAudits: () => (isSecondOrThirdLine(actor) ? "/bias-audits" : null),
    biasAudit: (id) => (isSecondOrThirdLine(actor) ? `/bias-audits/${encodeURIComponent(id)}` : null),
    committee: () => (canSeeCases(actor) ? "/committee" : null),
    committeeCase: (caseId, adviceId, published) => (canSeeCases(actor) ? `/committee/cases/${encodeURIComponent(caseId)}` : published ? `/openbaar/advies/${encodeURIComponent(adviceId)}` : null),
    registerEntry: (id) => project(id, "/register"),
    publicRegister: (lars) => `/openbaar/register/${encodeURIComponent(lars)}`,
    publicAdvice: (id) => `/openbaar/advies/${encodeURIComponent(id)}`,
  };
}
