import type { OrganisationRole } from "../../domain/permissions/roles.ts";

/** Fictional people of the demo municipality. Any likeness to real people is chance. */
export const DEMO_ORGANISATION = { name: "Gemeente Voorbeeldstad", slug: "voorbeeldstad", tooiCode: "gm9999" } as const;
export const DEMO_PASSWORD = "Voorbeeldstad-demo-2026";

export const DEMO_PEOPLE: { key: string; name: string; email: string; roles: OrganisationRole[] }[] = [
  { key: "admin", name: "Fleur Aalbers", email: "beheerder@voorbeeldstad.example", roles: ["admin"] },
  { key: "owner", name: "Marloes Vos", email: "opdrachtgever@voorbeeldstad.example", roles: [] },
  { key: "lead", name: "Jesse Kuipers", email: "projectleider@voorbeeldstad.example", roles: [] },
  { key: "member", name: "Sara Peters", email: "projectlid@voorbeeldstad.example", roles: [] },
  { key: "privacy_officer", name: "Noor Jansen", email: "privacy@voorbeeldstad.example", roles: ["privacy_officer"] },
  { key: "iso", name: "Daan Visser", email: "iso@voorbeeldstad.example", roles: ["iso"] },
  { key: "jurist", name: "Lotte van Dijk", email: "jurist@voorbeeldstad.example", roles: ["jurist"] },
  { key: "ethics_advisor", name: "Mila Bakker", email: "ethiek@voorbeeldstad.example", roles: ["ethics_advisor", "expert_table_member"] },
  { key: "expert_table_member", name: "Sem de Wit", email: "experttafel@voorbeeldstad.example", roles: ["expert_table_member"] },
  { key: "cio", name: "Ruben Smit", email: "cio@voorbeeldstad.example", roles: ["cio"] },
  { key: "ciso", name: "Yara el Idrissi", email: "ciso@voorbeeldstad.example", roles: ["ciso"] },
  { key: "fg", name: "Henk Vermeer", email: "fg@voorbeeldstad.example", roles: ["fg"] },
  { key: "vic", name: "Ilse Kramer", email: "vic@voorbeeldstad.example", roles: ["vic"] },
  { key: "it_auditor", name: "Tom Zwart", email: "auditor@voorbeeldstad.example", roles: ["it_auditor"] },
  { key: "committee_chair", name: "Karel Dekker", email: "voorzitter@voorbeeldstad.example", roles: ["committee_chair", "committee_member"] },
  { key: "committee_member", name: "Eva Mulder", email: "commissielid@voorbeeldstad.example", roles: ["committee_member"] },
  { key: "committee_secretary", name: "Fatima Bouali", email: "secretaris@voorbeeldstad.example", roles: ["committee_secretary"] },
  { key: "board_member", name: "Pieter Hoekstra", email: "wethouder@voorbeeldstad.example", roles: ["board_member"] },
];
