// Demo records: this year's audit plan, a final audit with two answered
// findings (one agreed, with its measure; one explained) and a follow-up audit
// in fieldwork, on the demo projects.
import type { Deps } from "../../platform/deps.ts";
import { loadActor, type ActorWithProfile } from "../../platform/auth/actor.ts";
import { demoProjectIds } from "../projects/demo.ts";
import { advanceAudit } from "./advance-audit.ts";
import { planAudit } from "./plan-audit.ts";
import { recordFinding } from "./record-finding.ts";
import { respondToFinding } from "./respond-to-finding.ts";
import { saveAuditPlan } from "./save-audit-plan.ts";

const DAY = 86_400_000;

export async function seedAuditsDemo(deps: Deps, organisationId: string, people: Map<string, string>): Promise<void> {
  const ids = await demoProjectIds(deps, organisationId);
  if (!ids.leegstand || !ids.afvalcontainers) return;
  const actor = async (key: string): Promise<ActorWithProfile> => {
    const id = people.get(key);
    const a = id ? await loadActor(deps.db, id) : null;
    if (!a) throw new Error(`demo person ${key} cannot act`);
    return a;
  };
  const auditor = await actor("it_auditor");
  const lead = await actor("lead");
  const now = deps.now().getTime();
  const date = (days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);
  const year = new Date(now).getUTCFullYear();

  await saveAuditPlan(deps, auditor, year, {
    description: "Dit jaar kijken we vooral naar koppelingen van gegevens en naar sensoren in de openbare ruimte: worden persoonsgegevens niet langer bewaard dan nodig, en doen leveranciers wat in het contract staat?",
  });
  const scope = [ids.leegstand, ids.afvalcontainers];
  const auditors = [people.get("it_auditor")!, people.get("vic")!];
  const first = await planAudit(deps, auditor, {
    year,
    title: "Bewaartermijnen en afspraken met leveranciers",
    type: "data_protection",
    projectIds: scope,
    criteriaValues: ["privacy", "veiligheid"],
    requirements: "AVG artikel 5 (opslagbeperking) en de afspraken in de verwerkersovereenkomsten.",
    periodFrom: date(-150),
    periodTo: date(-60),
    auditorIds: auditors,
  });
  await advanceAudit(deps, auditor, first, { to: "fieldwork" });
  const f1 = await recordFinding(deps, auditor, first, {
    projectId: ids.leegstand,
    title: "Oude kwartaallijsten worden niet verwijderd",
    description: "De lijsten met adressen van eerdere kwartalen staan nog op de gedeelde schijf. Na controle van een adres is de lijst niet meer nodig.",
    severity: "medium",
    values: ["privacy"],
    evidenceText: "Map 'Leegstand' op de afdelingsschijf bekeken op de dag van het onderzoek: vijf kwartaallijsten aanwezig.",
    evidenceLinks: ["https://intranet.voorbeeldstad.example/leegstand/werkinstructie"],
  });
  const f2 = await recordFinding(deps, auditor, first, {
    projectId: ids.afvalcontainers,
    title: "Het pentestrapport van de leverancier is niet gedeeld",
    description: "Het contract vraagt een jaarlijkse pentest. Het rapport van vorig jaar is niet bij de informatiebeveiliger bekend.",
    severity: "low",
    values: ["veiligheid"],
    evidenceText: "Gesprek met de informatiebeveiliger en het contract, artikel 9.",
  });
  await advanceAudit(deps, auditor, first, { to: "draft_report" });
  await respondToFinding(deps, lead, f1, { response: "agree", text: "Na elke controle wordt de kwartaallijst verwijderd. Oude lijsten verwijderen we nu.", ownerUserId: people.get("lead")!, dueDate: date(30) });
  await respondToFinding(deps, lead, f2, { response: "explain", text: "Het rapport is er wel: de leverancier stuurde het naar de oude postbus. Het is nu doorgestuurd; de maatregel 'jaarlijks beveiligingsonderzoek' loopt al." });
  await advanceAudit(deps, auditor, first, { to: "final" });

  const second = await planAudit(deps, auditor, {
    year,
    title: "Vervolgaudit bewaartermijnen",
    type: "data_protection",
    projectIds: [ids.leegstand],
    criteriaValues: ["privacy"],
    requirements: "",
    periodFrom: date(-30),
    periodTo: date(30),
    auditorIds: [people.get("it_auditor")!],
    followsAuditId: first,
  });
  await advanceAudit(deps, auditor, second, { to: "fieldwork" });
}
