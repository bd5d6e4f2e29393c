// What the login page offers: the buttons of the organisation's identity
// providers, found by the organisation's login address (/login/<slug>) or by
// the domain of an e-mail address typed in, and whether passwords still work there.
import type { Deps } from "../../platform/deps.ts";
import { localPasswordsAllowed } from "./login-settings.ts";
import "./schema.ts";

export interface LoginButton {
  providerId: string;
  name: string;
  href: string;
}

export interface LoginChoices {
  organisationName: string | null;
  buttons: LoginButton[];
  passwordsAllowed: boolean;
  /** "offer": ask for an e-mail address to find the provider; "no_match": none found for this one. */
  lookup: "offer" | "no_match" | null;
  domain: string | null;
}

function startHref(providerId: string, next: string, loginHint: string | null): string {
  const q = new URLSearchParams({ next });
  if (loginHint) q.set("login_hint", loginHint);
  return `/login/sso/${encodeURIComponent(providerId)}/start?${q}`;
}

export function domainOf(email: string | null): string | null {
  const m = email?.trim().toLowerCase().match(/^[^\s@]+@([a-z0-9.-]+\.[a-z]{2,})$/);
  return m ? m[1]! : null;
}

export async function loginChoices(deps: Deps, where: { organisation: string | null; email: string | null; next: string }): Promise<LoginChoices | null> {
  const providers = deps.db
    .selectFrom("sso_providers")
    .innerJoin("organisations", "organisations.id", "sso_providers.organisation_id")
    .select(["sso_providers.id", "sso_providers.name", "sso_providers.email_domains", "sso_providers.organisation_id", "organisations.name as organisationName"])
    .where("sso_providers.enabled", "=", 1)
    .orderBy("sso_providers.name")
    .orderBy("sso_providers.id");
  if (where.organisation) {
    const org = await deps.db.selectFrom("organisations").select(["id", "name"]).where("slug", "=", where.organisation).executeTakeFirst();
    if (!org) return null;
    const rows = await providers.where("sso_providers.organisation_id", "=", org.id).execute();
    const passwordsAllowed = await localPasswordsAllowed(deps, org.id);
    if (!rows.length && passwordsAllowed) return null;
    return { organisationName: org.name, buttons: rows.map((r) => ({ providerId: r.id, name: r.name, href: startHref(r.id, where.next, null) })), passwordsAllowed, lookup: null, domain: null };
  }
  const all = await providers.where("sso_providers.email_domains", "!=", "").execute();
  if (!all.length) return null;
  const domain = domainOf(where.email);
  if (!domain) return { organisationName: null, buttons: [], passwordsAllowed: true, lookup: "offer", domain: null };
  const matching = all.filter((r) => r.email_domains.split(",").includes(domain));
  if (!matching.length) return { organisationName: null, buttons: [], passwordsAllowed: true, lookup: "no_match", domain };
  return {
    organisationName: matching[0]!.organisationName,
    buttons: matching.map((r) => ({ providerId: r.id, name: r.name, href: startHref(r.id, where.next, where.email!.trim().toLowerCase()) })),
    // The general login page keeps the password form: the break-glass account logs in there.
    passwordsAllowed: true,
    lookup: null,
    domain,
  };
}
