import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";

/** The kinds of record that carry evidence; each is vouched for by the feature that owns it. */
export const SUBJECT_KINDS = ["measure", "contract", "audit", "audit_finding", "depia_review"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export interface EvidenceSubjectInfo {
  /** The project the record belongs to; null for a record above projects (an audit). */
  projectId: string | null;
  /** Where the record is shown: the page the evidence panel is on. */
  href: string;
  /** Whether this actor may add evidence to it (project members, the 2nd/3rd line who work on it). */
  mayAdd: boolean;
}

/**
 * A feature that owns records evidence can be attached to opens one for an
 * actor: in the actor's organisation, and only when the actor may see it
 * (otherwise it throws not found). Seeing it is what downloading needs.
 */
export interface EvidenceSubject {
  kind: SubjectKind;
  open(deps: Deps, actor: Actor, subjectId: string): Promise<EvidenceSubjectInfo>;
}

declare module "../../platform/feature.ts" {
  interface ExtensionPoints {
    /** Records that can carry evidence files and links. */
    evidenceSubjects: EvidenceSubject;
  }
}
