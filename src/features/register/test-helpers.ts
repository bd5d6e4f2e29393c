// Test-only: an organisation with a project team and a privacy officer, a
// project about waste containers, and a complete set of register fields.
import type { Deps } from "../../platform/deps.ts";
import { organisationWith } from "../../../test/support/fixtures.ts";
import { addMember, registerProject } from "../projects/service.ts";

export const COMPLETE_FIELDS = {
  name: "Slimme afvalcontainers",
  description_short: "Sensoren in ondergrondse containers melden hoe vol ze zijn. Zo rijdt de vuilniswagen alleen langs als het nodig is.",
  organization: "Gemeente Teststad",
  status: "In gebruik",
  contact_email: "afval@teststad.example",
  publication_category: "Overige algoritmes",
  category: ["Natuur en milieu"],
  goal: "<p>Minder ritten, minder uitstoot.</p>",
  risks: "<p>Een sensor kan stuk gaan. Dan rijdt de wagen volgens het oude rooster.</p>",
  values_weighed: ["Duurzaamheid", "Privacy"],
  revision_date: "2027-06-01",
  begin_date: "2026-01",
};

export async function registerSetting(deps: Deps, slug = "teststad") {
  const org = await organisationWith(deps, slug, { owner: [], lead: [], member: [], privacy: ["privacy_officer"], other: [], jurist: ["jurist"] });
  const u = org.users;
  const projectId = await registerProject(deps, await u.lead!.actor(), {
    title: "Afval ophalen op tijd",
    goal: "Containers legen als ze vol zijn",
    domain: "fysiek",
    technologies: ["sensors"],
    dataCategories: ["location"],
    supplierInvolved: false,
    ownerUserId: u.owner!.id,
    leadUserId: u.lead!.id,
  });
  await addMember(deps, await u.lead!.actor(), projectId, { userId: u.member!.id, role: "member" });
  const a = { owner: await u.owner!.actor(), lead: await u.lead!.actor(), member: await u.member!.actor(), privacy: await u.privacy!.actor(), other: await u.other!.actor(), jurist: await u.jurist!.actor() };
  return { org, projectId, a };
}
