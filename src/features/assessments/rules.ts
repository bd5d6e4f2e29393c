// Pure rules of the DEPIA review: which verdict holds for each section of a
// version (an unchanged section keeps the verdict it had), whether a review is
// still open, and what an action-plan CSV looks like. No I/O here.
import type { ReviewVerdict } from "../../domain/lifecycle/snapshot.ts";

export const REVIEW_VERDICTS = ["to_correct", "improvable", "acceptable"] as const satisfies readonly ReviewVerdict[];
export const REVIEWER_ROLES = ["fg", "iso", "ciso", "privacy_officer"] as const;
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];
/** Roles an organisation may add beside the FG and the ISO. */
export const EXTRA_REVIEWER_ROLES = ["ciso", "privacy_officer"] as const;
export type ExtraReviewerRole = (typeof EXTRA_REVIEWER_ROLES)[number];
export const RISK_CATEGORIES = ["privacy", "ethics", "security", "fundamental_rights"] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];
export const SCREENING_OUTCOMES = ["required", "recommended", "not_required"] as const;

export function isReviewVerdict(x: unknown): x is ReviewVerdict {
  return typeof x === "string" && (REVIEW_VERDICTS as readonly string[]).includes(x);
}

export function requiredReviewers(extra: readonly ExtraReviewerRole[]): ReviewerRole[] {
  return ["fg", "iso", ...EXTRA_REVIEWER_ROLES.filter((r) => extra.includes(r))];
}

export interface VersionChanges {
  number: number;
  /** Sections changed since the version before; every section for version 1. */
  changedSections: readonly string[];
}

export interface SectionVerdictRecord {
  version: number;
  role: string;
  sectionId: string;
  verdict: ReviewVerdict;
  note: string;
}

export interface EffectiveVerdict {
  verdict: ReviewVerdict;
  /** The version the verdict was given on; lower than the asked version when carried over. */
  version: number;
  note: string;
}

/**
 * The verdict that holds for each section of `version` for one reviewer role:
 * given on that version, or carried over from an earlier version as long as
 * the section did not change since. null means a fresh verdict is needed.
 */
export function effectiveSectionVerdicts(
  versions: readonly VersionChanges[],
  verdicts: readonly SectionVerdictRecord[],
  role: string,
  version: number,
  sectionIds: readonly string[],
): Record<string, EffectiveVerdict | null> {
  const changed = new Map(versions.map((v) => [v.number, new Set(v.changedSections)]));
  const given = new Map<string, SectionVerdictRecord>();
  for (const v of verdicts) if (v.role === role) given.set(`${v.version}:${v.sectionId}`, v);
  const out: Record<string, EffectiveVerdict | null> = {};
  for (const sectionId of sectionIds) {
    out[sectionId] = null;
    for (let n = version; n >= 1; n--) {
      const here = given.get(`${n}:${sectionId}`);
      if (here) {
        out[sectionId] = { verdict: here.verdict, version: n, note: here.note };
        break;
      }
      // A version that is unknown or that changed the section ends the search.
      const c = changed.get(n);
      if (!c || c.has(sectionId)) break;
    }
  }
  return out;
}

/** Sections that need a fresh verdict from this role on this version. */
export function sectionsNeedingVerdict(effective: Record<string, EffectiveVerdict | null>): string[] {
  return Object.entries(effective)
    .filter(([, v]) => v === null)
    .map(([id]) => id);
}

/** Roles that have not yet given their review on the version. */
export function openReviewers(required: readonly ReviewerRole[], reviewedRoles: readonly string[]): ReviewerRole[] {
  return required.filter((r) => !reviewedRoles.includes(r));
}

// ---------------------------------------------------------------- CSV

/**
 * One CSV field for Dutch Excel: semicolon-separated, quoted when needed, and
 * a leading = + - @ made harmless so a cell is never read as a formula.
 */
export function csvField(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with BOM (so Excel reads the accents), semicolons, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(";")).join("\r\n")}\r\n`;
}
