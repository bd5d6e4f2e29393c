// Progress per section, from the answers alone, so the page, the API and the
// gate rules agree on when a canvas or DEPIA is complete.
import type { Answers, Instrument } from "./types.ts";
import { isAnswered } from "./answer-reading.ts";
import { computeVisibility } from "./visibility.ts";

export type SectionProgress = "not_started" | "in_progress" | "complete" | "not_applicable";

export interface SectionStatus {
  sectionId: string;
  status: SectionProgress;
  answered: number;
  requiredTotal: number;
  requiredAnswered: number;
}

export function sectionStatus(instrument: Instrument, answers: Answers): SectionStatus[] {
  const visible = computeVisibility(instrument, answers);
  return instrument.sections.map((section) => {
    if (!visible.sections.has(section.id)) {
      return { sectionId: section.id, status: "not_applicable", answered: 0, requiredTotal: 0, requiredAnswered: 0 };
    }
    const questions = section.questions.filter((q) => visible.questions.has(q.id));
    const answered = questions.filter((q) => isAnswered(q, answers[q.id])).length;
    const required = questions.filter((q) => q.required);
    const requiredAnswered = required.filter((q) => isAnswered(q, answers[q.id])).length;
    // A section with only optional questions is complete once anything is written in it.
    const status: SectionProgress =
      answered === 0 ? "not_started" : requiredAnswered === required.length ? "complete" : "in_progress";
    return { sectionId: section.id, status, answered, requiredTotal: required.length, requiredAnswered };
  });
}

export type ResponseProgress = "not_started" | "in_progress" | "complete";

/** Complete when every applicable section with required questions is complete; optional-only sections never block. */
export function responseStatus(instrument: Instrument, answers: Answers): ResponseProgress {
  const sections = sectionStatus(instrument, answers);
  if (sections.every((s) => s.answered === 0)) return "not_started";
  const blocking = sections.filter((s) => s.status !== "not_applicable" && s.requiredTotal > 0);
  return blocking.every((s) => s.status === "complete") ? "complete" : "in_progress";
}
