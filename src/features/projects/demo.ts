// Fictional projects of Gemeente Voorbeeldstad, one in every phase and one
// stopped. Other features add their records (canvas, advice …) to these
// projects in their own demo steps; demoProjectIds() finds them.
import { gateReadiness, type GateDecision, type Phase, type ProjectSnapshot } from "../../domain/lifecycle/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { loadActor } from "../../platform/auth/actor.ts";
import { createMeasure, setMeasureStatus, signOffMeasure } from "../measures/service.ts";
import { addMember, registerProject, writeEvaluation, writeGateDecision } from "./service.ts";
import { projectDescriptionOf, type ProjectDescription } from "./project-rows.ts";

interface DemoDecision {
  phase: Phase;
  decision: GateDecision;
  to: Phase;
  daysAgo: number;
  rationale: string;
}

export interface DemoMeasure {
  title: string;
  description: string;
  owner: "owner" | "lead" | "member";
  dueInDays: number | null;
  cadence: "none" | "monthly" | "quarterly" | "yearly";
  source: "canvas" | "risk" | "advice" | "manual";
  status: "open" | "in_progress" | "done" | "explained";
  evidence?: string;
  explanation?: string;
}

export interface DemoProject extends ProjectDescription {
  key: string;
  registeredDaysAgo: number;
  decisions: DemoDecision[];
  evaluation?: { daysAgo: number; text: string };
  measures: DemoMeasure[];
}

export const DEMO_PROJECTS: DemoProject[] = [
  {
    key: "chatbot",
    title: "Chatbot voor de publieksbalie",
    goal: "Inwoners krijgen ook buiten openingstijden snel antwoord op veelgestelde vragen over paspoorten, afval en parkeren, zodat medewerkers aan de balie meer tijd hebben voor mensen die hulp nodig hebben.",
    description: "Een chatbot op de website beantwoordt algemene vragen. De chatbot vraagt geen persoonsgegevens en verwijst bij persoonlijke vragen door naar een medewerker. Een leverancier levert het taalmodel als clouddienst.",
    domain: "publieke_dienstverlening",
    technologies: ["ai_algorithm", "cloud"],
    dataCategories: ["personal"],
    supplierInvolved: true,
    registeredDaysAgo: 14,
    decisions: [],
    measures: [],
  },
  {
    key: "parkeerdruk",
    title: "Parkeerdrukmeting met camera's",
    goal: "Weten hoe vol de straten in de binnenstad echt zijn, zodat de gemeenteraad op basis van feiten kan besluiten over nieuwe parkeervergunningen en fietsparkeerplekken.",
    description: "Een scanauto rijdt vier keer per jaar door de binnenstad en telt geparkeerde auto's. Kentekens worden direct in de auto onherkenbaar gemaakt; alleen tellingen per straat worden bewaard.",
    domain: "fysiek",
    technologies: ["camera", "sensors", "ai_algorithm"],
    dataCategories: ["location", "personal"],
    supplierInvolved: true,
    registeredDaysAgo: 75,
    decisions: [
      {
        phase: "pre_start",
        decision: "go",
        to: "start",
        daysAgo: 20,
        rationale: "Het canvas is af en de experttafel heeft geadviseerd. We nemen het advies over om kentekens direct in de scanauto te hashen en beelden niet op te slaan. Door naar de startfase.",
      },
    ],
    measures: [
      {
        title: "Kentekens direct in de scanauto onherkenbaar maken",
        description: "Kentekens worden gehasht voordat ze de scanauto verlaten. Er worden geen beelden bewaard.",
        owner: "lead",
        dueInDays: 30,
        cadence: "none",
        source: "advice",
        status: "in_progress",
      },
      {
        title: "Inwoners informeren over de meting",
        description: "Bericht op de website en borden in de binnenstad: wanneer er gemeten wordt, wat er gebeurt met de gegevens en waar je vragen kunt stellen.",
        owner: "member",
        dueInDays: 45,
        cadence: "quarterly",
        source: "canvas",
        status: "open",
      },
    ],
  },
  {
    key: "afvalcontainers",
    title: "Slimme afvalcontainers",
    goal: "Ondergrondse containers pas legen als ze bijna vol zijn, zodat er minder vrachtwagens door de wijken rijden en er minder afval naast de containers staat.",
    description: "Sensoren in de containers meten hoe vol ze zijn. De routeplanning van de afvalinzameling gebruikt die meting. Er worden geen gegevens van inwoners gebruikt: de pasjes van de containers blijven buiten dit project.",
    domain: "fysiek",
    technologies: ["sensors", "cloud"],
    dataCategories: ["location"],
    supplierInvolved: true,
    registeredDaysAgo: 260,
    decisions: [
      {
        phase: "pre_start",
        decision: "go",
        to: "start",
        daysAgo: 200,
        rationale: "Het canvas laat weinig risico's zien: er worden geen persoonsgegevens gebruikt. De experttafel adviseert om het gebruik van de afvalpasjes uitdrukkelijk buiten het project te houden; dat nemen we over.",
      },
      {
        phase: "start",
        decision: "go",
        to: "execution",
        daysAgo: 120,
        rationale: "De screening wijst uit dat een DEPIA niet nodig is. Het contract met de leverancier is door de jurist en de informatiebeveiliger getoetst. We gaan de sensoren plaatsen.",
      },
    ],
    measures: [
      {
        title: "Sensoren meten alleen de vulgraad",
        description: "De sensoren meten alleen hoe vol de container is. Geen camera's, geen koppeling met de afvalpasjes.",
        owner: "member",
        dueInDays: -90,
        cadence: "yearly",
        source: "advice",
        status: "done",
        evidence: "Technische specificatie van de leverancier, versie 2.1, hoofdstuk 3 (in het projectdossier).",
      },
      {
        title: "Bewaartermijn van de sensorgegevens vastleggen",
        description: "Vulgraden worden twaalf maanden bewaard en daarna verwijderd.",
        owner: "lead",
        dueInDays: -10,
        cadence: "none",
        source: "canvas",
        status: "in_progress",
      },
      {
        title: "Jaarlijks beveiligingsonderzoek door de leverancier",
        description: "De leverancier laat elk jaar een pentest doen en deelt het rapport met de informatiebeveiliger.",
        owner: "lead",
        dueInDays: 60,
        cadence: "yearly",
        source: "risk",
        status: "open",
      },
    ],
  },
  {
    key: "leegstand",
    title: "Koppeling woningbestand en BRP voor leegstand",
    goal: "Woningen vinden die lang leegstaan, zodat de gemeente met eigenaren in gesprek kan gaan en er meer woningen beschikbaar komen voor woningzoekenden.",
    description: "Het woningbestand (BAG) wordt eens per kwartaal vergeleken met de inschrijvingen in de BRP. Adressen waar langer dan zes maanden niemand staat ingeschreven, komen op een lijst. Een medewerker controleert elk adres voordat er contact is met de eigenaar.",
    domain: "fysiek",
    technologies: ["data_linkage"],
    dataCategories: ["personal", "bsn"],
    supplierInvolved: false,
    registeredDaysAgo: 420,
    decisions: [
      {
        phase: "pre_start",
        decision: "go",
        to: "start",
        daysAgo: 380,
        rationale: "De experttafel vraagt om een menselijke controle van elk adres voordat een eigenaar wordt benaderd. Dat nemen we op in het werkproces. Door naar de startfase.",
      },
      {
        phase: "start",
        decision: "go",
        to: "execution",
        daysAgo: 300,
        rationale: "De DEPIA is door de FG en de informatiebeveiliger aanvaardbaar gevonden. De restrisico's zijn laag en aanvaard.",
      },
      {
        phase: "execution",
        decision: "go",
        to: "evaluation",
        daysAgo: 25,
        rationale: "Alle maatregelen zijn uitgevoerd of uitgelegd. Na een jaar gebruik evalueren we het project.",
      },
    ],
    measures: [
      {
        title: "Menselijke controle van elk adres",
        description: "Een medewerker controleert elk adres op de lijst voordat er contact is met de eigenaar.",
        owner: "member",
        dueInDays: -280,
        cadence: "quarterly",
        source: "advice",
        status: "done",
        evidence: "Werkinstructie leegstand, versie 1.0, vastgesteld door de afdelingsmanager.",
      },
      {
        title: "Alleen adressen, geen namen op de lijst",
        description: "De lijst bevat alleen adressen en de duur van de leegstand, geen namen of BSN.",
        owner: "lead",
        dueInDays: -290,
        cadence: "none",
        source: "risk",
        status: "done",
        evidence: "Controle door de privacy officer op de eerste drie kwartaallijsten.",
      },
      {
        title: "Koppeling met energieverbruik",
        description: "Idee uit het canvas: ook het energieverbruik gebruiken om leegstand te vinden.",
        owner: "lead",
        dueInDays: null,
        cadence: "none",
        source: "canvas",
        status: "explained",
        explanation: "Niet gedaan: de experttafel vond dit een te grote inbreuk op de privacy voor het doel. De koppeling met de BRP is genoeg.",
      },
    ],
  },
  {
    key: "meldingen",
    title: "Meldingen openbare ruimte automatisch sorteren",
    goal: "Meldingen van inwoners over de openbare ruimte (losse stoeptegels, kapotte lantaarnpalen) sneller bij het juiste team krijgen.",
    description: "Een tekstmodel stelt voor welk team een melding oppakt. Een medewerker bevestigt of verandert dat voorstel. Het model beslist nooit zelf.",
    domain: "publieke_dienstverlening",
    technologies: ["ai_algorithm"],
    dataCategories: ["personal", "location"],
    supplierInvolved: true,
    registeredDaysAgo: 800,
    decisions: [
      { phase: "pre_start", decision: "go", to: "start", daysAgo: 760, rationale: "Canvas af, advies van de experttafel opgevolgd: het model doet alleen een voorstel." },
      { phase: "start", decision: "go", to: "execution", daysAgo: 700, rationale: "Screening gedaan, geen DEPIA nodig. Contract met de leverancier getoetst." },
      { phase: "execution", decision: "go", to: "evaluation", daysAgo: 200, rationale: "Alle maatregelen zijn afgerond." },
      { phase: "evaluation", decision: "go", to: "closed", daysAgo: 120, rationale: "De evaluatie is positief. Het sorteren is onderdeel van het gewone werk geworden; het project is klaar." },
    ],
    evaluation: {
      daysAgo: 130,
      text: "Meldingen komen gemiddeld een dag sneller bij het juiste team. Medewerkers veranderen ongeveer één op de tien voorstellen. Er zijn geen klachten van inwoners over de sortering. Aanbeveling: elk jaar nagaan of het model voor alle wijken even goed werkt.",
    },
    measures: [
      {
        title: "Medewerker bevestigt elk voorstel",
        description: "Het model doet alleen een voorstel; een medewerker beslist.",
        owner: "member",
        dueInDays: -650,
        cadence: "none",
        source: "advice",
        status: "done",
        evidence: "Schermafdrukken van het meldingensysteem en werkinstructie.",
      },
    ],
  },
  {
    key: "schuldenproblematiek",
    title: "Voorspellen van schuldenproblematiek",
    goal: "Inwoners met beginnende geldzorgen eerder hulp aanbieden, voordat schulden hoog oplopen.",
    description: "Idee: een voorspelmodel op gekoppelde gegevens (betalingsachterstanden bij huur, energie en zorgverzekering, uitkeringsgegevens) wijst huishoudens aan die een risico lopen. Schuldhulpverleners nemen dan contact op.",
    domain: "sociaal_domein",
    technologies: ["ai_algorithm", "profiling", "data_linkage"],
    dataCategories: ["personal", "financial", "bsn", "special_categories"],
    supplierInvolved: true,
    registeredDaysAgo: 150,
    decisions: [
      {
        phase: "pre_start",
        decision: "adjust",
        to: "pre_start",
        daysAgo: 110,
        rationale: "Het canvas roept vragen op over de gevolgen voor inwoners die ten onrechte worden aangewezen. We werken eerst uit of het doel ook zonder voorspelmodel te bereiken is.",
      },
      {
        phase: "pre_start",
        decision: "stop",
        to: "stopped",
        daysAgo: 60,
        rationale: "Het canvas liet zien dat het model vooral huishoudens in een paar wijken zou aanwijzen, en dat mensen die ten onrechte worden aangewezen zich gecontroleerd voelen. Het doel bereiken we ook met vroegsignalering via de bestaande afspraken met woningcorporaties en energieleveranciers. We stoppen, voordat er gegevens gekoppeld zijn.",
      },
    ],
    measures: [],
  },
];

/** The demo projects of an organisation by their key (chatbot, parkeerdruk, afvalcontainers, leegstand, meldingen, schuldenproblematiek). */
export async function demoProjectIds(deps: Deps, organisationId: string): Promise<Record<string, string>> {
  const rows = await deps.db
    .selectFrom("projects")
    .select(["id", "title"])
    .where("organisation_id", "=", organisationId)
    .where("title", "in", DEMO_PROJECTS.map((p) => p.title))
    .execute();
  const out: Record<string, string> = {};
  for (const p of DEMO_PROJECTS) {
    const row = rows.find((r) => r.title === p.title);
    if (row) out[p.key] = row.id;
  }
  return out;
}

const DAY = 24 * 60 * 60 * 1000;

/** The readiness as it stood at a demo decision: complete for a go, the canvas alone for the stop. */
function demoReadiness(phase: Phase, decision: GateDecision, supplier: boolean) {
  const snapshot: ProjectSnapshot = {
    phase,
    canvas: { status: "complete" },
    expertAdvice: decision === "go" ? { status: "given", givenOn: "2026-01-15", recommendationsTotal: 2, recommendationsAnswered: 2 } : { status: "none" },
    latestDecision: null,
    screening: { status: "done", outcome: "not_required", on: "2026-02-01" },
    depia: { exists: false },
    supplier: supplier ? { involved: true, contractSignedOff: true } : { involved: false },
    openDeliberations: 0,
    measures: { total: 0, doneOrExplained: 0 },
    evaluation: { recorded: true },
  };
  return gateReadiness(snapshot);
}

export async function seedDemoProjects(deps: Deps, organisationId: string, people: Map<string, string>): Promise<void> {
  const person = (key: string) => {
    const id = people.get(key);
    if (!id) throw new Error(`demo person ${key} is missing`);
    return id;
  };
  const actorOf = async (key: string) => {
    const actor = await loadActor(deps.db, person(key));
    if (!actor) throw new Error(`demo person ${key} cannot act`);
    return actor;
  };
  const now = deps.now().getTime();
  const ago = (days: number) => new Date(now - days * DAY).toISOString();
  const dateIn = (days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);

  for (const p of DEMO_PROJECTS) {
    const lead = await actorOf("lead");
    const id = await registerProject(deps, lead, {
      ...projectDescriptionOf(p),
      ownerUserId: person("owner"),
    });
    await addMember(deps, await actorOf("lead"), id, { userId: person("member"), role: "member" });

    for (const m of p.measures) {
      const creator = await actorOf("lead");
      const measureId = await createMeasure(deps, creator, {
        projectId: id,
        title: m.title,
        description: m.description,
        ownerUserId: person(m.owner),
        ...(m.dueInDays === null ? {} : { dueDate: dateIn(m.dueInDays) }),
        source: { type: m.source },
        reviewCadence: m.cadence,
      });
      if (m.status === "open") continue;
      const measureOwner = await actorOf(m.owner);
      await setMeasureStatus(deps, measureOwner, measureId, { status: m.status, evidence: m.evidence, explanation: m.explanation });
      if (m.status === "done") await signOffMeasure(deps, await actorOf(m.owner === "lead" ? "owner" : "lead"), measureId);
    }

    const owner = { userId: person("owner"), name: (await deps.db.selectFrom("users").select("name").where("id", "=", person("owner")).executeTakeFirst())?.name ?? "" };
    const project = { id, organisationId };
    const system = { userId: null, organisationId, name: "systeem (demodata)" };
    // The history as the service writes it, with the dates of the story and the readiness of that moment.
    await inTransaction(deps, system, async (tx) => {
      await tx.db.updateTable("projects").set({ created_at: ago(p.registeredDaysAgo) }).where("id", "=", id).execute();
      for (const d of p.decisions) {
        const readiness = demoReadiness(d.phase, d.decision, p.supplierInvolved);
        await writeGateDecision(tx, project, { from: d.phase, to: d.to, decision: d.decision, rationale: d.rationale, decidedBy: owner, at: ago(d.daysAgo), readiness }, { demo: true });
      }
      if (p.evaluation) {
        await writeEvaluation(tx, project, { phase: "evaluation", text: p.evaluation.text, recordedBy: { userId: person("lead"), name: lead.name }, at: ago(p.evaluation.daysAgo) }, { demo: true });
      }
    });
  }
}
