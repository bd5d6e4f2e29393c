import type { Deps } from "../../platform/deps.ts";
import { bootstrapUser } from "../admin/bootstrap.ts";
import { createOrganisation } from "../admin/organisation.ts";
import { DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_PEOPLE } from "./people.ts";
import type {} from "./steps.ts";


export async function hasDemoOrganisation(deps: Deps): Promise<boolean> {
  return !!(await deps.db.selectFrom("organisations").select("id").where("slug", "=", DEMO_ORGANISATION.slug).executeTakeFirst());
}

/** Creates the demo municipality with a fictional person for every role. Does nothing when it exists. */
export async function seedDemo(deps: Deps): Promise<{ created: boolean }> {
  if (await hasDemoOrganisation(deps)) return { created: false };
  const steps = deps.extensions.get("demoSteps");
  if (steps.length === 0) throw new Error("seedDemo needs deps composed with the features (their demo steps)");
  const organisationId = await createOrganisation(deps, DEMO_ORGANISATION);
  const people = new Map<string, string>();
  for (const p of DEMO_PEOPLE) {
    people.set(p.key, await bootstrapUser(deps, { organisation: organisationId, name: p.name, email: p.email, password: DEMO_PASSWORD, roles: p.roles }, "systeem (demodata)"));
  }
  // Each feature's steps, in registry order; deps must carry the features' extensions.
  for (const step of steps) await step.run(deps, organisationId, people);
  return { created: true };
}

export function demoLoginsText(baseUrl: string): string {
  const width = Math.max(...DEMO_PEOPLE.map((p) => p.email.length));
  const lines = DEMO_PEOPLE.map((p) => `  ${p.email.padEnd(width)}  ${p.name} (${p.roles.join(", ") || p.key})`);
  return [`Afweging draait op ${baseUrl}`, "", `Demo-inloggegevens (wachtwoord voor iedereen: ${DEMO_PASSWORD}):`, ...lines].join("\n");
}
