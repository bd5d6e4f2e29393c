// The deployer's registration in the EU database (Art. 49(3), Annex VIII
// section C): the fields prepared from the project and its FRIA, edited by the
// team, checked for completeness, exported as JSON; the registration number the
// database gives is recorded here.
import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canWorkOnProject } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import { readJsonAs } from "../../platform/db/json-columns.ts";
import { AppError, forbidden } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { findResponse } from "../instrument-responses/service.ts";
import { loadProjectForActor, lockProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { euRegistrationOf } from "./records.ts";

export const REGISTRATION_FIELDS = [
  "deployer_name",
  "deployer_address",
  "deployer_contact",
  "submitter",
  "provider_entry_url",
  "fria_summary",
  "dpia_summary",
] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];
/** C2 (someone submitting on the deployer's behalf) is only needed when someone does. */
const OPTIONAL: readonly RegistrationField[] = ["submitter"];
export const FIELD_MAX: Record<RegistrationField, number> = {
  deployer_name: 200,
  deployer_address: 500,
  deployer_contact: 300,
  submitter: 500,
  provider_entry_url: 500,
  fria_summary: 4000,
  dpia_summary: 4000,
};
export const NUMBER_MAX = 100;

/** Annex VIII section C point of each field. */
export const ANNEX_POINT: Record<RegistrationField, string> = {
  deployer_name: "C1",
  deployer_address: "C1",
  deployer_contact: "C1",
  submitter: "C2",
  provider_entry_url: "C3",
  fria_summary: "C4",
  dpia_summary: "C5",
};

export type RegistrationFields = Record<RegistrationField, string>;

export interface Registration {
  project: ProjectRef;
  fields: RegistrationFields;
  /** Whether these fields are stored, or only prepared from the project. */
  saved: boolean;
  missing: RegistrationField[];
  number: string | null;
  registeredAt: string | null;
  canEdit: boolean;
}

const text = (v: unknown, max: number) => (typeof v === "string" ? v.slice(0, max) : "");

/** What Afweging already knows: the organisation, and the FRIA and DPIA answers in the DEPIA. */
async function prepared(deps: Deps, actor: Actor, project: ProjectRef): Promise<RegistrationFields> {
  const org = await deps.db.selectFrom("organisations").select("name").where("id", "=", actor.organisationId).executeTakeFirst();
  const depia = await findResponse(deps, actor, project.id, "depia", { project }).catch(() => null);
  const a = depia?.answers ?? {};
  const fria = ["fria_processes", "fria_persons", "fria_risks", "fria_oversight", "fria_measures"].map((k) => text(a[k], 800)).filter(Boolean).join("\n\n");
  const dpia = [text(a["summary"], 2000), text(a["risk_overview"], 1500)].filter(Boolean).join("\n\n");
  return {
    deployer_name: org?.name ?? "",
    deployer_address: "",
    deployer_contact: "",
    submitter: "",
    provider_entry_url: "",
    fria_summary: fria.slice(0, FIELD_MAX.fria_summary),
    dpia_summary: dpia.slice(0, FIELD_MAX.dpia_summary),
  };
}

export function missingFields(f: RegistrationFields): RegistrationField[] {
  return REGISTRATION_FIELDS.filter((k) => !OPTIONAL.includes(k) && f[k].trim() === "");
}

export async function getRegistration(deps: Deps, actor: Actor, projectId: string): Promise<Registration> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  const row = await euRegistrationOf(deps, actor.organisationId, project.id);
  const base = await prepared(deps, actor, project);
  const stored = row ? readJsonAs<Partial<RegistrationFields>>(row.fields_json, {}, (v): v is Partial<RegistrationFields> => !!v && typeof v === "object") : {};
  const merged = Object.fromEntries(REGISTRATION_FIELDS.map((k) => [k, typeof stored[k] === "string" ? stored[k]! : base[k]])) as RegistrationFields;
  return { project, fields: merged, saved: !!row, missing: missingFields(merged), number: row?.registration_number ?? null, registeredAt: row?.registered_at ?? null, canEdit: canWorkOnProject(actor, project.id) };
}

export const RegistrationInput = z.object(
  Object.fromEntries(REGISTRATION_FIELDS.map((k) => [k, z.string().trim().max(FIELD_MAX[k], "field.too_long").optional().default("")])) as Record<RegistrationField, z.ZodDefault<z.ZodOptional<z.ZodString>>>,
);

export const RegistrationNumberInput = z.object({ registrationNumber: fields.text(NUMBER_MAX) });

async function upsert(deps: Deps, actor: Actor, projectId: string, patch: { fields_json?: string; registration_number?: string; registered_at?: string }, fieldsJson: string) {
  const now = deps.now().toISOString();
  const existing = await euRegistrationOf(deps, actor.organisationId, projectId);
  if (existing) {
    await deps.db.updateTable("ai_act_eu_registrations").set({ ...patch, updated_by: actor.userId, updated_by_name: actor.name, updated_at: now }).where("id", "=", existing.id).where("organisation_id", "=", actor.organisationId).execute();
  } else {
    await deps.db
      .insertInto("ai_act_eu_registrations")
      .values({ id: deps.newId(), organisation_id: actor.organisationId, project_id: projectId, fields_json: fieldsJson, registration_number: null, registered_at: null, updated_by: actor.userId, updated_by_name: actor.name, updated_at: now, ...patch })
      .execute();
  }
}

/** The team saves the fields as they will enter them in the EU database. */
export async function saveRegistration(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    if (!canWorkOnProject(actor, project.id)) throw forbidden();
    const data = parseInput(RegistrationInput, input) as RegistrationFields;
    const json = JSON.stringify(data);
    await upsert(tx, actor, project.id, { fields_json: json }, json);
    await tx.audit({ action: "ai_act.eu_registration_saved", entityType: "project", entityId: project.id, after: { missing: missingFields(data) } });
  });
}

/** The number the EU database gave; refused while a field the database asks for is empty. */
export async function recordRegistrationNumber(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    if (!canWorkOnProject(actor, project.id)) throw forbidden();
    const data = parseInput(RegistrationNumberInput, input);
    const current = await getRegistration(tx, actor, project.id);
    if (!current.saved || current.missing.length > 0) throw new AppError("rule_refused", "ai_act.registration.incomplete");
    await upsert(tx, actor, project.id, { registration_number: data.registrationNumber, registered_at: tx.now().toISOString() }, JSON.stringify(current.fields));
    await tx.audit({ action: "ai_act.eu_registration_recorded", entityType: "project", entityId: project.id, after: { registrationNumber: data.registrationNumber } });
  });
}

/** The fields as JSON, by Annex VIII point, to copy into the EU database. */
export async function exportRegistration(deps: Deps, actor: Actor, projectId: string) {
  const r = await getRegistration(deps, actor, projectId);
  return {
    format: "afweging/eu-ai-database-deployer-registration",
    legalBasis: "Regulation (EU) 2024/1689, Art. 49(3), Annex VIII section C",
    project: { id: r.project.id, title: r.project.title },
    complete: r.missing.length === 0,
    missing: r.missing,
    fields: REGISTRATION_FIELDS.map((k) => ({ id: k, point: ANNEX_POINT[k], value: r.fields[k] })),
    registrationNumber: r.number,
  };
}
