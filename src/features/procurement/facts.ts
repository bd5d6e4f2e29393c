// Everything that decides a contract's state, gathered in one place: its
// checklist progress, its attention points as computed now from their sources
// with the verdicts given on them, and its sign-offs. The page, the API, the
// sign-off and the gate snapshot all read a contract through contractFacts.
import { responseStatus, sectionStatus, type Instrument } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { secondSignerOf, type ContractRow } from "./access.ts";
import { CHECKLIST_INSTRUMENT_ID, POINT_SOURCES, SIGNER_ROLES, SLOTS, type AttentionPoint, type ChecklistView, type ContractState, type PointResolution, type PointSource, type SignerRole, type SignoffView, type Slot, type SlotView, type StalePoint } from "./model.ts";
import { contractState, fullySignedRevisions, signedOffOn, signoffLapsed, slotsFor, slotViews } from "./rules.ts";
import type {} from "./schema.ts";
import { sourcePoints } from "./sources.ts";

export interface ContractFacts {
  row: ContractRow;
  instrument: Instrument;
  checklist: ChecklistView;
  points: AttentionPoint[];
  stalePoints: StalePoint[];
  openPoints: number;
  markedMeasureIds: string[];
  slots: SlotView[];
  earlierSignoffs: SignoffView[];
  state: ContractState;
  /** A sign-off was given but no longer holds. */
  reopened: boolean;
  signedOffOn: string | null;
  /** Whether every place was signed on the current revision (before looking at new points). */
  fullySignedNow: boolean;
}

/** The instrument version a contract's checklist is pinned to. */
export function checklistInstrument(deps: Deps, row: Pick<ContractRow, "checklist_instrument_id" | "checklist_instrument_version">): Instrument {
  const instrument = deps.instruments.get(row.checklist_instrument_id, row.checklist_instrument_version);
  if (!instrument) throw new Error(`instrument ${row.checklist_instrument_id} ${row.checklist_instrument_version} is not loaded`);
  return instrument;
}

export function latestChecklistInstrument(deps: Deps): Instrument {
  const instrument = deps.instruments.latest(CHECKLIST_INSTRUMENT_ID);
  if (!instrument) throw new Error(`instrument ${CHECKLIST_INSTRUMENT_ID} is not loaded`);
  return instrument;
}

export function parseAnswers(json: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function checklistOf(instrument: Instrument, row: ContractRow): ChecklistView {
  const answers = parseAnswers(row.checklist_answers_json);
  return { instrumentId: instrument.id, instrumentVersion: instrument.version, answers, progress: responseStatus(instrument, answers), sections: sectionStatus(instrument, answers) };
}

const asSlot = (s: string): Slot => ((SLOTS as readonly string[]).includes(s) ? (s as Slot) : "jurist");
const asRole = (s: string): SignerRole => ((SIGNER_ROLES as readonly string[]).includes(s) ? (s as SignerRole) : "jurist");
const asSource = (key: string): PointSource | null => {
  const head = key.split(":")[0] ?? "";
  return (POINT_SOURCES as readonly string[]).includes(head) ? (head as PointSource) : null;
};

async function resolutionsOf(deps: Deps, row: ContractRow): Promise<Map<string, PointResolution & { pointText: string }>> {
  const rows = await deps.db.selectFrom("contract_point_resolutions").selectAll().where("organisation_id", "=", row.organisation_id).where("contract_id", "=", row.id).orderBy("resolved_at").execute();
  return new Map(
    rows.map((r) => [
      r.point_key,
      { verdict: r.verdict === "covered" ? "covered" : "not_covered", clauseRef: r.clause_ref, reason: r.reason, acceptedById: r.accepted_by, acceptedByName: r.accepted_by_name, resolvedByName: r.resolved_by_name, resolvedAt: r.resolved_at, pointText: r.point_text },
    ]),
  );
}

async function signoffsOf(deps: Deps, row: ContractRow): Promise<SignoffView[]> {
  const rows = await deps.db.selectFrom("contract_signoffs").selectAll().where("organisation_id", "=", row.organisation_id).where("contract_id", "=", row.id).orderBy("signed_at").orderBy("id").execute();
  return rows.map((s) => ({ id: s.id, revision: Number(s.revision), slot: asSlot(s.slot), role: asRole(s.role), userId: s.user_id, userName: s.user_name, note: s.note, signedAt: s.signed_at }));
}

export async function markedMeasuresOf(deps: Deps, row: Pick<ContractRow, "id" | "organisation_id">): Promise<string[]> {
  const rows = await deps.db.selectFrom("contract_supplier_measures").select("measure_id").where("organisation_id", "=", row.organisation_id).where("contract_id", "=", row.id).execute();
  return rows.map((r) => r.measure_id);
}

/** The points as computed now, each with its verdict; and the verdicts whose point is gone. */
async function pointsOf(deps: Deps, row: ContractRow, marked: string[]): Promise<{ points: AttentionPoint[]; stalePoints: StalePoint[] }> {
  const sources = await sourcePoints(deps, row.organisation_id, row.project_id, marked);
  const resolutions = await resolutionsOf(deps, row);
  const points = sources.map((p): AttentionPoint => {
    const r = resolutions.get(p.key);
    return { ...p, resolution: r ? withoutText(r) : null };
  });
  const current = new Set(sources.map((p) => p.key));
  const stalePoints = [...resolutions].filter(([key]) => !current.has(key)).map(([key, r]) => ({ key, source: asSource(key), text: r.pointText, resolution: withoutText(r) }));
  return { points, stalePoints };
}

function withoutText(r: PointResolution & { pointText: string }): PointResolution {
  const { pointText: _text, ...rest } = r;
  return rest;
}

export async function contractFacts(deps: Deps, row: ContractRow): Promise<ContractFacts> {
  const instrument = checklistInstrument(deps, row);
  const checklist = checklistOf(instrument, row);
  const marked = await markedMeasuresOf(deps, row);
  const { points, stalePoints } = await pointsOf(deps, row, marked);
  const openPoints = points.filter((p) => !p.resolution).length;
  const slotIds = slotsFor(await secondSignerOf(deps, row.organisation_id));
  const signoffs = await signoffsOf(deps, row);
  const current = signoffs.filter((s) => s.revision === row.revision);
  const slots = slotViews(slotIds, current);
  const fully = fullySignedRevisions(slotIds, signoffs);
  const facts = { withdrawn: row.status === "withdrawn", checklistComplete: checklist.progress === "complete", openPoints, slots, earlierFullySigned: [...fully].some((r) => r < row.revision) };
  const state = contractState(facts);
  return {
    row,
    instrument,
    checklist,
    points,
    stalePoints,
    openPoints,
    markedMeasureIds: marked,
    slots,
    earlierSignoffs: signoffs.filter((s) => s.revision !== row.revision).reverse(),
    state,
    reopened: signoffLapsed(facts),
    signedOffOn: signedOffOn(state, slots),
    fullySignedNow: fully.has(row.revision),
  };
}
