// Test-only helpers: the assessments setting plus a CIO, and answers of the
// classification instrument (the domain's baseline, changed in one place).
import type { Actor } from "../../domain/permissions/permissions.ts";
import { annexIii, with_ } from "../../domain/ai-act/test-answers.ts";
import type { Deps } from "../../platform/deps.ts";
import { setting } from "../assessments/test-helpers.ts";
import { getOrCreateResponse, saveAnswers } from "../instrument-responses/service.ts";
import { bootstrapUser } from "../admin/bootstrap.ts";
import { loadActor } from "../../platform/auth/actor.ts";
import { PASSWORD } from "../../../test/support/fixtures.ts";

/** Annex III 5(a): eligibility for public assistance benefits and services, used by the municipality. */
export const HIGH_RISK = annexIii("5a");
/** Art. 5(1)(c): social scoring. */
export const PROHIBITED = with_({ art5_c: "yes" });
/** Says it is no AI system, and also a general-purpose AI system. */
export const CONTRADICTORY = with_({ ai_system: "no", gpai: "gpai_system" });

export async function aiActSetting(deps: Deps, slug = "alpha") {
  const s = await setting(deps, slug);
  const cioId = await bootstrapUser(deps, { organisation: s.org.organisationId, name: `cio ${slug}`, email: `cio@${slug}.example`, password: PASSWORD, roles: ["cio"] });
  const cio = (await loadActor(deps.db, cioId))!;
  return { ...s, actors: { ...s.actors, cio } };
}

export async function answerClassification(deps: Deps, actor: Actor, projectId: string, answers: Record<string, unknown>): Promise<void> {
  const response = await getOrCreateResponse(deps, actor, projectId, "ai-act-classification");
  await saveAnswers(deps, actor, response.id, answers, { partial: false });
}
