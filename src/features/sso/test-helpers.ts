// Shared set-up of the sign-in tests: an organisation with an admin, a
// provider pointing at the test identity provider, and a sign-in driven over
// HTTP the way a browser does it.
import { expect } from "vitest";
import { createApp } from "../../app.ts";
import type { OrganisationRole } from "../../domain/permissions/roles.ts";
import type { Deps } from "../../platform/deps.ts";
import { allFeatures } from "../../../test/support/database.ts";
import { organisationWith } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { ProviderBrowser, type TestClientRegistration } from "../../../test/support/oidc-provider.ts";
import { addMapping, createProvider } from "./providers.ts";

export const APP_BASE = "http://localhost:3000";
export const CLIENT_SECRET = "een-geheim-voor-de-test-0123";

export function testClients(...ids: string[]): TestClientRegistration[] {
  return ids.map((clientId) => ({ clientId, clientSecret: CLIENT_SECRET, redirectUris: [`${APP_BASE}/login/sso/callback`], postLogoutRedirectUris: [`${APP_BASE}/login/sso/logged-out`] }));
}

/** Deps on the real clock: the provider's tokens carry the machine's time. */
export function realTime(deps: Deps): Deps {
  return { ...deps, now: () => new Date() };
}

export async function organisationWithProvider(
  deps: Deps,
  slug: string,
  issuer: string,
  options: { clientId?: string; jit?: boolean; mappings?: [string, OrganisationRole][]; claimGroups?: string } = {},
) {
  const org = await organisationWith(deps, slug, { beheer: ["admin"], toezicht: ["fg"] });
  const admin = await org.users.beheer!.actor();
  const providerId = await createProvider(deps, admin, {
    name: `Inlogdienst ${slug}`,
    issuer,
    clientId: options.clientId ?? "afweging",
    clientSecret: CLIENT_SECRET,
    scopes: "openid email profile groups",
    claimGroups: options.claimGroups ?? "groups",
    emailDomains: `${slug}.example`,
    jitAccounts: options.jit === false ? "" : "1",
    enabled: "1",
  });
  for (const [group, role] of options.mappings ?? []) await addMapping(deps, admin, providerId, { group, role });
  return { ...org, admin, providerId };
}

/** Start → the provider's login as `subject` → the callback, as one browser; returns the app's answer at the callback. */
export async function signInThrough(
  client: TestClient,
  issuer: string,
  providerId: string,
  subject: string,
  tamper: { authorizationUrl?: (u: URL) => void; callback?: (u: URL) => void } = {},
  browser = new ProviderBrowser(issuer),
): Promise<Response> {
  const start = await client.request(`/login/sso/${providerId}/start?next=/`);
  expect(start.status, await start.clone().text()).toBe(303);
  const auth = new URL(start.headers.get("location")!);
  tamper.authorizationUrl?.(auth);
  const callback = new URL(await browser.signIn(auth.href, subject));
  expect(`${callback.origin}${callback.pathname}`).toBe(`${APP_BASE}/login/sso/callback`);
  tamper.callback?.(callback);
  return client.request(`${callback.pathname}${callback.search}`);
}

export function appClient(deps: Deps): TestClient {
  return new TestClient(createApp(deps, allFeatures));
}

/** What a refused sign-in must leave as it was. */
export async function accountState(deps: Deps) {
  const count = async (table: "users" | "role_assignments" | "sso_identities" | "sessions") => Number((await deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const roles = await deps.db.selectFrom("role_assignments").select(["user_id", "role", "project_id"]).orderBy("user_id").orderBy("role").execute();
  return { users: await count("users"), roles, identities: await count("sso_identities"), sessions: await count("sessions") };
}

export async function rolesOf(deps: Deps, email: string): Promise<string[]> {
  const rows = await deps.db
    .selectFrom("role_assignments")
    .innerJoin("users", "users.id", "role_assignments.user_id")
    .select("role_assignments.role")
    .where("users.email", "=", email)
    .where("role_assignments.project_id", "=", "")
    .orderBy("role_assignments.role")
    .execute();
  return rows.map((r) => r.role);
}
