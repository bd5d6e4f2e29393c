// Gate readiness: what the next phase still needs, from whom, since when, in
// words. applyGateDecision refuses a "go" on exactly this result, so the page
// and the transition can never disagree.
import type { LocalText } from "../../instruments/types.ts";
import { PHASE_LABELS, gateFor, type Transition } from "./phases.ts";
import { formatDate } from "./dates.ts";
import { changeLabel } from "./material-change.ts";
import type { GateDecisionRecord, IsoDate, ProjectSnapshot, ReviewVerdict, VerdictRecord } from "./snapshot.ts";

/** Who has to act; RESPONSIBLE_ROLES maps each to the roles that can. */
export type Responsible = "owner" | "lead" | "expert_table" | "fg" | "iso" | "second_line" | "facilitator";

export const RESPONSIBLE_ROLES: Record<Responsible, readonly string[]> = {
  owner: ["owner"],
  lead: ["lead"],
  expert_table: ["expert_table_member", "ethics_advisor"],
  fg: ["fg"],
  iso: ["iso"],
  second_line: ["privacy_officer", "iso", "jurist"],
  facilitator: ["ethics_advisor", "lead"],
};

export type MissingKey =
  | "canvas"
  | "expert_advice_request"
  | "expert_advice"
  | "advice_responses"
  | "screening"
  | "screening_redo"
  | "depia"
  | "depia_submission"
  | "depia_fg_review"
  | "depia_iso_review"
  | "residual_risk_acceptance"
  | "ap_prior_consultation"
  | "contract_signoff"
  | "open_deliberations"
  | "measures"
  | "evaluation";

export interface MissingItem {
  key: MissingKey;
  who: Responsible;
  message: LocalText;
  since?: IsoDate;
}

export interface GateReadiness {
  /** The gate asked about; null when the project is closed or stopped. */
  transition: Transition | null;
  /** True exactly when the owner's "go" would be accepted. */
  ready: boolean;
  missing: MissingItem[];
  summary: LocalText;
  latestDecision: GateDecisionRecord | null;
  /** Set after an "adjust" at this gate: the project is being reworked. */
  decisionNote?: LocalText;
}

const VERDICT_LABELS: Record<ReviewVerdict, LocalText> = {
  to_correct: { nl: "te corrigeren", en: "to correct" },
  improvable: { nl: "te verbeteren", en: "improvable" },
  acceptable: { nl: "aanvaardbaar", en: "acceptable" },
};

const need = (nl: string, en: string): LocalText => ({ nl: `Nog nodig: ${nl}`, en: `Still needed: ${en}` });

export function gateReadiness(snapshot: ProjectSnapshot, transition?: Transition): GateReadiness {
  const gate = gateFor(snapshot.phase);
  const latestDecision = snapshot.latestDecision;
  if (gate === null) {
    const summary: LocalText =
      snapshot.phase === "stopped"
        ? { nl: "Dit project is gestopt. Dat is een bewuste uitkomst van het proces.", en: "This project was stopped. That is a deliberate outcome of the process." }
        : { nl: "Dit project is afgesloten.", en: "This project is closed." };
    return { transition: null, ready: false, missing: [], summary, latestDecision };
  }
  if (transition && (transition.from !== gate.from || transition.to !== gate.to)) {
    const phase = PHASE_LABELS[snapshot.phase];
    return {
      transition,
      ready: false,
      missing: [],
      summary: {
        nl: `Deze overgang past niet bij de fase van het project (${phase.nl.toLowerCase()}).`,
        en: `This transition does not fit the project's phase (${phase.en.toLowerCase()}).`,
      },
      latestDecision,
    };
  }

  const missing = missingFor(snapshot);
  const to = PHASE_LABELS[gate.to];
  const summary: LocalText =
    missing.length === 0
      ? {
          nl: `Klaar voor de stap naar ${to.nl.toLowerCase()}. De opdrachtgever kan nu besluiten: doorgaan, bijstellen of stoppen.`,
          en: `Ready for the step to ${to.en.toLowerCase()}. The owner can now decide: go, adjust or stop.`,
        }
      : {
          nl: `Nog ${missing.length} ${missing.length === 1 ? "punt" : "punten"} nodig voor de stap naar ${to.nl.toLowerCase()}.`,
          en: `${missing.length} ${missing.length === 1 ? "item" : "items"} still needed for the step to ${to.en.toLowerCase()}.`,
        };
  const adjusted = latestDecision?.decision === "adjust" && latestDecision.phase === snapshot.phase;
  return {
    transition: gate,
    ready: missing.length === 0,
    missing,
    summary,
    latestDecision,
    ...(adjusted
      ? {
          decisionNote: {
            nl: `De opdrachtgever koos op ${formatDate(latestDecision.on, "nl")} voor bijstellen. Pas het project aan en vraag daarna opnieuw om een besluit.`,
            en: `On ${formatDate(latestDecision.on, "en")} the owner chose to adjust. Rework the project, then ask for a decision again.`,
          },
        }
      : {}),
  };
}

function missingFor(s: ProjectSnapshot): MissingItem[] {
  switch (s.phase) {
    case "pre_start":
      return [...canvasItems(s), ...adviceItems(s)];
    case "start":
      return [...screeningItems(s), ...depiaItems(s), ...contractItems(s), ...deliberationItems(s)];
    case "execution":
      return [...reopenedScreening(s), ...measureItems(s)];
    case "evaluation":
      return [...reopenedScreening(s), ...evaluationItems(s)];
    default:
      return [];
  }
}

function canvasItems(s: ProjectSnapshot): MissingItem[] {
  if (s.canvas.status === "complete") return [];
  const state =
    s.canvas.status === "not_started"
      ? { nl: "nog niet begonnen", en: "not started yet" }
      : { nl: "nog niet af", en: "not finished yet" };
  return [{ key: "canvas", who: "lead", message: need(`het ethisch canvas — ${state.nl}`, `the ethics canvas — ${state.en}`) }];
}

function adviceItems(s: ProjectSnapshot): MissingItem[] {
  const a = s.expertAdvice;
  if (a.status === "none") {
    return [
      {
        key: "expert_advice_request",
        who: "lead",
        message: need("advies van de experttafel — nog niet gevraagd", "advice from the expert table — not requested yet"),
      },
    ];
  }
  if (a.status === "requested") {
    return [
      {
        key: "expert_advice",
        who: "expert_table",
        since: a.requestedOn,
        message: need(
          `advies van de experttafel — gevraagd op ${formatDate(a.requestedOn, "nl")}, nog niet gegeven`,
          `advice from the expert table — requested on ${formatDate(a.requestedOn, "en")}, not given yet`,
        ),
      },
    ];
  }
  if (a.recommendationsAnswered >= a.recommendationsTotal) return [];
  return [
    {
      key: "advice_responses",
      who: "lead",
      since: a.givenOn,
      message: need(
        `een reactie op elke aanbeveling van de experttafel (opvolgen of uitleggen) — ${a.recommendationsAnswered} van ${a.recommendationsTotal} beantwoord`,
        `a response to every recommendation of the expert table (comply or explain) — ${a.recommendationsAnswered} of ${a.recommendationsTotal} answered`,
      ),
    },
  ];
}

function reopenedScreening(s: ProjectSnapshot): MissingItem[] {
  if (s.screening.status !== "reopened") return [];
  const reason = changeLabel(s.screening.reason);
  return [
    {
      key: "screening_redo",
      who: "lead",
      since: s.screening.on,
      message: need(
        `de screening (pre-DPIA) opnieuw doen — ${reason.nl} (sinds ${formatDate(s.screening.on, "nl")})`,
        `redo the screening (pre-DPIA) — ${reason.en} (since ${formatDate(s.screening.on, "en")})`,
      ),
    },
  ];
}

function screeningItems(s: ProjectSnapshot): MissingItem[] {
  if (s.screening.status === "not_done") {
    return [
      {
        key: "screening",
        who: "lead",
        message: need("de screening (pre-DPIA), samen met de FG — nog niet gedaan", "the screening (pre-DPIA), together with the DPO — not done yet"),
      },
    ];
  }
  return reopenedScreening(s);
}

function depiaItems(s: ProjectSnapshot): MissingItem[] {
  if (s.screening.status !== "done" || s.screening.outcome !== "required") return [];
  const d = s.depia;
  if (!d.exists) {
    return [
      {
        key: "depia",
        who: "lead",
        since: s.screening.on,
        message: need("een DEPIA — de screening wijst uit dat die verplicht is", "a DEPIA — the screening shows it is required"),
      },
    ];
  }
  const items: MissingItem[] = [];
  const v = d.currentVersion;
  const onCurrent = (r: VerdictRecord | null) => (r && r.version === v ? r : null);
  const fg = onCurrent(d.fg);
  const iso = onCurrent(d.iso);
  if ((!fg || !iso) && d.submittedOn === undefined) {
    items.push({
      key: "depia_submission",
      who: "lead",
      message: need(`versie ${v} van de DEPIA indienen ter beoordeling`, `submit version ${v} of the DEPIA for review`),
    });
  }
  items.push(...reviewItem("depia_fg_review", "fg", { nl: "de FG", en: "the DPO" }, fg, v, d.submittedOn));
  items.push(...reviewItem("depia_iso_review", "iso", { nl: "de ISO", en: "the ISO" }, iso, v, d.submittedOn));

  if (!d.residualRiskAcceptance || d.residualRiskAcceptance.version !== v) {
    items.push({
      key: "residual_risk_acceptance",
      who: "owner",
      message: need(
        `aanvaarding van de restrisico's door de opdrachtgever, op versie ${v} van de DEPIA`,
        `the owner's acceptance of the residual risks, on version ${v} of the DEPIA`,
      ),
    });
  }
  if (d.highestResidualLevel === "high" && !d.apPriorConsultation) {
    items.push({
      key: "ap_prior_consultation",
      who: "owner",
      message: need(
        "voorafgaande raadpleging van de Autoriteit Persoonsgegevens — er blijft een hoog restrisico over",
        "prior consultation of the Dutch Data Protection Authority — a high residual risk remains",
      ),
    });
  }
  return items;
}

function reviewItem(
  key: "depia_fg_review" | "depia_iso_review",
  who: "fg" | "iso",
  name: LocalText,
  verdict: VerdictRecord | null,
  version: number,
  submittedOn: IsoDate | undefined,
): MissingItem[] {
  if (verdict?.verdict === "acceptable") return [];
  if (verdict) {
    const label = VERDICT_LABELS[verdict.verdict];
    return [
      {
        key,
        who: "lead",
        since: verdict.on,
        message: need(
          `een nieuwe versie van de DEPIA — ${name.nl} vond versie ${version} op ${formatDate(verdict.on, "nl")} '${label.nl}'`,
          `a new version of the DEPIA — on ${formatDate(verdict.on, "en")} ${name.en} found version ${version} '${label.en}'`,
        ),
      },
    ];
  }
  if (submittedOn === undefined) return [];
  return [
    {
      key,
      who,
      since: submittedOn,
      message: need(
        `oordeel van ${name.nl} over versie ${version} van de DEPIA — ingediend op ${formatDate(submittedOn, "nl")}, nog niet beoordeeld`,
        `the verdict of ${name.en} on version ${version} of the DEPIA — submitted on ${formatDate(submittedOn, "en")}, not reviewed yet`,
      ),
    },
  ];
}

function contractItems(s: ProjectSnapshot): MissingItem[] {
  if (!s.supplier.involved || s.supplier.contractSignedOff) return [];
  return [
    {
      key: "contract_signoff",
      who: "second_line",
      message: need(
        "akkoord van de tweede lijn op de contractchecklist voor de leverancier",
        "sign-off of the supplier contract checklist by the second line",
      ),
    },
  ];
}

function deliberationItems(s: ProjectSnapshot): MissingItem[] {
  const n = s.openDeliberations;
  if (n <= 0) return [];
  return [
    {
      key: "open_deliberations",
      who: "facilitator",
      message: need(
        `${n === 1 ? "één moreel beraad" : `${n} morele beraden`} afronden of voorleggen aan de ethische commissie`,
        `${n === 1 ? "one moral deliberation" : `${n} moral deliberations`} closed or escalated to the ethics committee`,
      ),
    },
  ];
}

function measureItems(s: ProjectSnapshot): MissingItem[] {
  const { total, doneOrExplained } = s.measures;
  if (doneOrExplained >= total) return [];
  const open = total - doneOrExplained;
  return [
    {
      key: "measures",
      who: "lead",
      message: need(
        `${open} van ${total} maatregelen afronden, of uitleggen waarom niet`,
        `${open} of ${total} measures done, or explained why not`,
      ),
    },
  ];
}

function evaluationItems(s: ProjectSnapshot): MissingItem[] {
  if (s.evaluation.recorded) return [];
  return [
    {
      key: "evaluation",
      who: "lead",
      message: need("de evaluatie van het project — nog niet vastgelegd", "the project's evaluation — not recorded yet"),
    },
  ];
}
