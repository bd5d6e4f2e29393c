// Demo contracts of Gemeente Voorbeeldstad: a signed-off contract for each
// supplier project that passed the start → execution gate (recorded as it was
// then, with the 2nd line's sign-off before the gate decision), and for the
// camera project in the start phase a contract being prepared, with points and
// topics still open for people to try.
import { computeVisibility, type Instrument } from "../../instruments/index.ts";
import { loadActor, type ActorWithProfile } from "../../platform/auth/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { demoProjectIds } from "../projects/demo.ts";
import { latestChecklistInstrument } from "./facts.ts";
import { markSupplierMeasures } from "./mark-supplier-measures.ts";
import { registerContract } from "./register-contract.ts";
import { resolvePoint } from "./resolve-point.ts";
import { saveChecklist } from "./save-checklist.ts";
import { sourcePoints } from "./sources.ts";

const DAY = 24 * 60 * 60 * 1000;

/** Where the demo contracts arrange each topic. */
const CLAUSES: Record<string, string> = {
  processing_agreement: "Bijlage B (verwerkersovereenkomst), artikel 2 en 9",
  data_location: "Bijlage B, artikel 5: alleen in de EER",
  security_incidents: "Artikel 11: BIO; melding binnen 24 uur",
  audit_documentation: "Artikel 12 en bijlage D",
  register_assessments: "Artikel 13",
  bias_performance: "Artikel 8 en bijlage E",
  explainability_logging: "Artikel 9.2: logbestanden 1 jaar",
  human_oversight: "Artikel 9.4",
  change_management: "Artikel 15: wijziging 30 dagen vooraf melden",
  exit_deletion: "Artikel 18: gegevens terug in CSV, daarna verwijderen",
  liability: "Artikel 20: aansprakelijkheid tot tweemaal de contractwaarde",
};

interface DemoContract {
  key: string;
  supplier: string;
  reference: string;
  subject: string;
  start: string;
  end: string | null;
  valueBand: string;
  procedure: string;
  scope: { ai_variant: string; processor_role: string };
  /** Days before today: registered, and signed off by the 2nd line. */
  registeredDaysAgo: number;
  signedDaysAgo: number;
}

const SIGNED: DemoContract[] = [
  {
    key: "afvalcontainers",
    supplier: "Container Sensing B.V.",
    reference: "INK-2025-031",
    subject: "Levering, plaatsing en beheer van vulgraadsensoren in ondergrondse containers, met de koppeling naar de routeplanning.",
    start: "2025-09-01",
    end: "2029-08-31",
    valueBand: "50k_to_threshold",
    procedure: "multiple_private",
    scope: { ai_variant: "no_ai", processor_role: "none" },
    registeredDaysAgo: 150,
    signedDaysAgo: 125,
  },
  {
    key: "meldingen",
    supplier: "Tekstwijs B.V.",
    reference: "INK-2024-007",
    subject: "Een tekstmodel als clouddienst dat voorstelt welk team een melding openbare ruimte oppakt.",
    start: "2024-05-01",
    end: "2026-04-30",
    valueBand: "threshold_to_1m",
    procedure: "european_open",
    scope: { ai_variant: "light", processor_role: "processor" },
    registeredDaysAgo: 730,
    signedDaysAgo: 705,
  },
];

/** The checklist with every applicable topic arranged, except the topics named. */
function demoAnswers(instrument: Instrument, scope: Record<string, string>, leaveOpen: string[] = []): Record<string, string> {
  const answers: Record<string, string> = { ...scope };
  const visible = computeVisibility(instrument, answers);
  for (const s of instrument.sections.filter((x) => x.id !== "scope" && visible.sections.has(x.id) && !leaveOpen.includes(x.id))) {
    answers[`${s.id}_status`] = "covered";
    answers[`${s.id}_clause`] = CLAUSES[s.id] ?? "Artikel 1";
    if (s.questions.some((q) => q.id === `${s.id}_thresholds`)) answers[`${s.id}_thresholds`] = "Verhouding in uitkomst tussen wijken tussen 0,8 en 1,25; juistheid minstens 90 procent.";
  }
  return answers;
}

/** A contract as it was signed off before the gate: written as it stood then, every point covered, both places signed. */
async function seedSignedContract(deps: Deps, organisationId: string, projectId: string, people: Map<string, string>, d: DemoContract): Promise<void> {
  const instrument = latestChecklistInstrument(deps);
  const now = deps.now().getTime();
  const ago = (days: number) => new Date(now - days * DAY).toISOString();
  const id = deps.newId();
  const lead = people.get("lead")!;
  const names = new Map((await deps.db.selectFrom("users").select(["id", "name"]).where("organisation_id", "=", organisationId).execute()).map((u) => [u.id, u.name]));
  const points = await sourcePoints(deps, organisationId, projectId, []);
  // The demo organisation keeps the default: a jurist, and an ISO or a privacy officer.
  const signers = [
    { slot: "jurist", role: "jurist", user: people.get("jurist")! },
    { slot: "iso_or_privacy", role: "iso", user: people.get("iso")! },
  ];
  const system = { userId: null, organisationId, name: "systeem (demodata)" };
  await inTransaction(deps, system, async (tx) => {
    const registered = ago(d.registeredDaysAgo);
    const signed = ago(d.signedDaysAgo);
    await tx.db
      .insertInto("contracts")
      .values({ id, organisation_id: organisationId, project_id: projectId, supplier: d.supplier, reference: d.reference, subject: d.subject, start_date: d.start, end_date: d.end, value_band: d.valueBand, procedure: d.procedure, status: "active", revision: 1, checklist_instrument_id: instrument.id, checklist_instrument_version: instrument.version, checklist_answers_json: JSON.stringify(demoAnswers(instrument, d.scope)), withdrawn_reason: null, withdrawn_at: null, created_by: lead, created_at: registered, updated_by: lead, updated_by_name: names.get(lead) ?? "", updated_at: registered })
      .execute();
    for (const [i, p] of points.entries()) {
      await tx.db
        .insertInto("contract_point_resolutions")
        .values({ id: deps.newId(), organisation_id: organisationId, contract_id: id, point_key: p.key, verdict: "covered", clause_ref: `Artikel ${8 + i}`, reason: null, accepted_by: null, accepted_by_name: null, point_text: p.text, resolved_by: lead, resolved_by_name: names.get(lead) ?? "", resolved_at: registered })
        .execute();
    }
    for (const s of signers) {
      await tx.db.insertInto("contract_signoffs").values({ id: deps.newId(), organisation_id: organisationId, contract_id: id, revision: 1, slot: s.slot, role: s.role, user_id: s.user, user_name: names.get(s.user) ?? "", note: "", signed_at: signed }).execute();
    }
    await tx.audit({ action: "contract.registered", entityType: "contract", entityId: id, after: { projectId, supplier: d.supplier, reference: d.reference, demo: true } });
    await tx.audit({ action: "contract.signed_off", entityType: "contract", entityId: id, after: { revision: 1, slots: signers.map((s) => s.slot), demo: true } });
  });
}

/** The camera project's contract, being prepared: two topics and two attention points still open. */
async function seedContractInProgress(deps: Deps, organisationId: string, projectId: string, lead: ActorWithProfile, owner: string): Promise<void> {
  const id = await registerContract(deps, lead, projectId, {
    supplier: "Scanauto Services B.V.",
    reference: "INK-2026-004",
    subject: "Vier metingen per jaar met een scanauto die geparkeerde auto's telt; kentekens worden in de auto gehasht, alleen tellingen per straat worden geleverd.",
    startDate: "2026-06-01",
    endDate: "2028-05-31",
    valueBand: "50k_to_threshold",
    procedure: "multiple_private",
  });
  const instrument = latestChecklistInstrument(deps);
  await saveChecklist(deps, lead, id, { answers: demoAnswers(instrument, { ai_variant: "light", processor_role: "processor" }, ["exit_deletion", "liability"]) });
  const measure = await deps.db.selectFrom("measures").select("id").where("organisation_id", "=", organisationId).where("project_id", "=", projectId).where("title", "=", "Geen beelden bewaren").executeTakeFirst();
  if (measure) await markSupplierMeasures(deps, lead, id, { measureIds: [measure.id] });
  const points = await sourcePoints(deps, organisationId, projectId, measure ? [measure.id] : []);
  for (const p of points) {
    // The ISO's remark and the risk are left open: that is what the 2nd line still waits for.
    if (p.source === "risk" || (p.source === "review" && p.params.role === "iso")) continue;
    const input =
      p.source === "advice" && p.params.number === 3
        ? { pointKey: p.key, verdict: "not_covered", reason: "Publicatie in het algoritmeregister doet de gemeente zelf; de leverancier hoeft daar niets voor te doen.", acceptedByUserId: owner }
        : { pointKey: p.key, verdict: "covered", clauseRef: p.source === "bias_duty" ? CLAUSES.bias_performance : p.source === "advice" ? `Artikel ${7 + Number(p.params.number ?? 0)}` : "Bijlage B, artikel 4" };
    await resolvePoint(deps, lead, id, input);
  }
}

export async function seedProcurementDemo(deps: Deps, organisationId: string, people: Map<string, string>): Promise<void> {
  const ids = await demoProjectIds(deps, organisationId);
  for (const d of SIGNED) {
    const projectId = ids[d.key];
    if (projectId) await seedSignedContract(deps, organisationId, projectId, people, d);
  }
  const lead = await loadActor(deps.db, people.get("lead") ?? "");
  if (ids.parkeerdruk && lead) await seedContractInProgress(deps, organisationId, ids.parkeerdruk, lead, people.get("owner")!);
}
