// Words for the codes the figures carry: a code the catalogue does not know
// is shown as a dash, never as the code itself.
import { PHASES } from "../../domain/lifecycle/phases.ts";
import type { Translate } from "../../platform/i18n/index.ts";
import type { MessageKey } from "../../platform/i18n/index.ts";
import { DOMAINS } from "../projects/fields.ts";

const KNOWN: Record<string, readonly string[]> = {
  "projects.phase": PHASES,
  "projects.domain": DOMAINS,
  "projects.decision": ["go", "adjust", "stop"],
  "assessments.outcome": ["required", "recommended", "not_required"],
  "assessments.verdict": ["to_correct", "improvable", "acceptable"],
  "accountability.fg": ["waiting", "confirmed", "overruled"],
  role: ["fg", "iso", "ciso", "privacy_officer"],
  "measures.status": ["open", "in_progress", "awaiting_signoff", "done", "explained"],
  "audits.status": ["planned", "fieldwork", "draft_report", "final", "followed_up"],
  "audits.severity": ["low", "medium", "high", "critical"],
  "audits.type": ["process", "algorithm", "data_protection", "information_security", "ethics"],
  "accountability.finding": ["unanswered", "in_progress", "closed", "explained"],
  "bias_audit.status": ["uploaded", "queued", "running", "done", "failed"],
  "deliberation.status": ["open", "closed", "escalated"],
  "accountability.level": ["low", "medium", "high"],
};

export type LabelKind = keyof typeof KNOWN;

/** The word for a code of a kind, or "—" when the code is not one the catalogue has. */
export function label(t: Translate, kind: LabelKind, code: string | null | undefined): string {
  if (!code || !KNOWN[kind]?.includes(code)) return "—";
  return t(`${kind}.${code}` as MessageKey);
}

export function codesOf(kind: LabelKind): readonly string[] {
  return KNOWN[kind] ?? [];
}
