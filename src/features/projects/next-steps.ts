// Where a missing item of a gate is done: the page a "Nog nodig" line and an inbox entry link to.
import type { MissingKey } from "../../domain/lifecycle/index.ts";

export function missingHref(projectId: string, key: MissingKey): string {
  const p = `/projects/${encodeURIComponent(projectId)}`;
  switch (key) {
    case "canvas":
      return `${p}/canvas`;
    case "expert_advice_request":
      return `/expert-table/requests/new?project=${encodeURIComponent(projectId)}`;
    case "expert_advice":
    case "advice_responses":
      return "/expert-table";
    case "screening":
    case "screening_redo":
      return `${p}/screening`;
    case "depia":
    case "depia_submission":
      return `${p}/depia`;
    case "depia_fg_review":
    case "depia_iso_review":
      return `${p}/depia#depia-reviews`;
    case "residual_risk_acceptance":
      return `${p}/depia#depia-acceptance`;
    case "ap_prior_consultation":
      return `${p}/depia#depia-ap`;
    case "contract_signoff":
      return `${p}/contracts`;
    case "open_deliberations":
      return "/deliberations";
    case "measures":
      return `${p}/measures`;
    case "evaluation":
      return `${p}#evaluation`;
    case "periodic_evaluation":
      return `${p}/evaluations`;
    case "ai_act_prohibited":
      return `${p}#gate-decision`;
    case "ai_act_redo":
    case "ai_act_review":
      return `${p}/ai-act`;
    case "ai_act_fria":
      return `${p}/depia`;
    case "ai_act_eu_registration":
      return `${p}/ai-act/registration`;
  }
}
