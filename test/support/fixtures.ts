import type { OrganisationRole } from "../../src/domain/permissions/roles.ts";
import { loadActor, type ActorWithProfile } from "../../src/platform/auth/actor.ts";
import { bootstrapUser } from "../../src/features/admin/bootstrap.ts";
import { createOrganisation } from "../../src/features/admin/organisation.ts";
import type { Deps } from "../../src/platform/deps.ts";

export const PASSWORD = "een lang testwachtwoord";

/** An organisation with one user per given role; returns ids and loaded actors. */
export async function organisationWith(deps: Deps, slug: string, people: Record<string, OrganisationRole[]>) {
  const organisationId = await createOrganisation(deps, { name: `Gemeente ${slug}`, slug });
  const users: Record<string, { id: string; email: string; actor: () => Promise<ActorWithProfile> }> = {};
  for (const [key, roles] of Object.entries(people)) {
    const email = `${key}@${slug}.example`;
    const id = await bootstrapUser(deps, { organisation: organisationId, name: `${key} ${slug}`, email, password: PASSWORD, roles });
    users[key] = { id, email, actor: async () => (await loadActor(deps.db, id))! };
  }
  return { organisationId, users };
}
