// Fictional canvases for the demo projects of Gemeente Voorbeeldstad:
// complete for every project past pre_start (and the one that stopped because
// of what its canvas showed), partly filled for the new one; with versions and
// a few comments from the FG and the ethics advisor. Written straight into this
// feature's tables with their dates in the past, checked by the engine first.
import { validateAnswers } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { DEMO_PROJECTS, demoProjectIds } from "../projects/demo.ts";
import { valueKeys } from "../values/service.ts";
import { CANVAS_INSTRUMENT_ID } from "./canvas.ts";

type Answers = Record<string, unknown>;

interface DemoCanvas {
  /** Answers of the first version ("eerste opzet"). */
  draft: Answers;
  /** Answers added or changed afterwards; together with the draft the current canvas. */
  final: Answers;
  comments: { who: "fg" | "ethics_advisor" | "member"; questionId: string; body: string }[];
  /** A section the team marked "ter review". */
  forReview?: string;
}

const CANVASES: Record<string, DemoCanvas> = {
  chatbot: {
    draft: {
      data_sources: "Vragen die inwoners in de chat typen, en de teksten van onze website over paspoorten, afval en parkeren. Het taalmodel zelf komt van de leverancier.",
      source_list: [
        { source: "Websiteteksten gemeente", owner: "Team Communicatie", personal_data: false },
        { source: "Chatgesprekken", owner: "Gemeente Voorbeeldstad", personal_data: true },
      ],
      legal_basis: "Publieke dienstverlening (algemeen belang). Inwoners kiezen zelf om de chat te gebruiken.",
      personal_data_kind: "personal",
      purpose: "Inwoners krijgen ook 's avonds en in het weekend antwoord op eenvoudige vragen, zodat medewerkers aan de balie meer tijd hebben voor mensen die echt hulp nodig hebben.",
    },
    final: {
      beneficiaries: "Inwoners die overdag werken, en medewerkers van de publieksbalie.",
      limitations: "Het taalmodel kan zelfverzekerd een fout antwoord geven. Het kent onze regels niet vanzelf. Mensen die minder goed Nederlands schrijven, krijgen mogelijk slechtere antwoorden.",
      values_at_stake: ["autonomie", "controle_over_technologie", "vng_5"],
    },
    comments: [{ who: "fg", questionId: "legal_basis", body: "Inwoners typen soms toch hun BSN of adres in de chat. Hoe lang worden de gesprekken bewaard, en waar?" }],
    forReview: "data_sources",
  },
  parkeerdruk: {
    draft: {
      data_sources: "Beelden van een scanauto die vier keer per jaar door de binnenstad rijdt. Uit de beelden halen we het aantal geparkeerde auto's per straat.",
      legal_basis: "Wettelijke taak: parkeerbeleid (Gemeentewet, Wegenverkeerswet). Alleen tellingen, geen handhaving.",
      personal_data_kind: "personal",
      purpose: "De gemeenteraad besluit op basis van feiten over parkeervergunningen en fietsparkeerplekken.",
    },
    final: {
      source_list: [{ source: "Beelden scanauto", owner: "Leverancier, in opdracht van de gemeente", personal_data: true }],
      original_purpose: "De beelden worden alleen voor deze telling gemaakt. Er is geen ander, eerder doel.",
      limitations: "Op marktdagen en tijdens evenementen is de telling niet representatief. Auto's op eigen terrein worden niet geteld.",
      team_perspectives: "Verkeerskundigen en een data-analist. Bewoners en ondernemers uit de binnenstad zaten niet in het team; we spreken ze via de wijkraad.",
      laws_and_codes: "AVG (kentekens zijn persoonsgegevens), Wegenverkeerswet, de Wet open overheid voor het delen van de resultaten.",
      beneficiaries: "Bewoners en ondernemers in de binnenstad, en de gemeenteraad die beter onderbouwd kan besluiten.",
      alternatives: "Handmatig tellen kan, maar kost veel meer tijd en is minder nauwkeurig.",
      values_at_stake: ["privacy", "vng_1"],
      positive_effects: "Beter passende parkeervergunningen en meer fietsparkeerplekken waar ze nodig zijn.",
      negative_effects: "Mensen kunnen zich bekeken voelen door een auto met camera's. Als kentekens niet goed onherkenbaar worden gemaakt, zijn bewegingen te volgen.",
      reidentification: { choice: "no", explanation: "Kentekens worden in de auto gehasht; we bewaren alleen tellingen per straat." },
      risk_communication: "Uitleg op de website en een bord op de scanauto.",
      mitigations: "Kentekens direct in de scanauto hashen; geen beelden bewaren; alleen tellingen per straat opslaan.",
      security: "De leverancier bewaart niets langer dan een dag. Alleen twee analisten kunnen bij de tellingen.",
      engagement: "Gesprek met de wijkraad binnenstad en de ondernemersvereniging voor de eerste meting.",
      correction_and_appeal: "Vragen en bezwaar via het algemene nummer en het contactformulier; antwoord binnen tien werkdagen.",
      communication: "Nieuwsbericht, pagina op de website en borden in de binnenstad, in eenvoudige taal.",
      reaching_everyone: "Bericht in de wijkkrant en een informatieavond in het buurthuis.",
      publication: "Beschrijving in het algoritmeregister en de tellingen per straat als open data.",
      algorithm_register: { choice: "yes" },
      sharing: "De tellingen per straat worden openbaar. Beelden en kentekens worden met niemand gedeeld.",
      routines: "De afspraken staan in de werkinstructie voor de meting en in het contract met de leverancier.",
      review_plan: "Na elke meting kijken we of de tellingen kloppen met een steekproef die we met de hand tellen.",
      review_frequency: "quarterly",
      actions_note: "Zie de maatregel over het informeren van inwoners.",
    },
    comments: [
      { who: "fg", questionId: "mitigations", body: "Hashen alleen is niet genoeg als het zout steeds hetzelfde is. Graag per meting een nieuw zout." },
      { who: "member", questionId: "mitigations", body: "Afgesproken met de leverancier: per meetdag een nieuw zout, daarna weggegooid." },
    ],
  },
  afvalcontainers: {
    draft: {
      data_sources: "Metingen van sensoren in de ondergrondse containers: hoe vol ze zijn, met tijdstip en containernummer.",
      legal_basis: "Wettelijke taak: inzameling van huishoudelijk afval (Wet milieubeheer).",
      personal_data_kind: "none",
      purpose: "Containers pas legen als ze bijna vol zijn, zodat er minder vrachtwagens door de wijken rijden en er minder afval naast staat.",
    },
    final: {
      source_list: [{ source: "Vulgraadsensoren", owner: "Gemeente (geleverd door leverancier)", personal_data: false }],
      limitations: "Een sensor kan vuil worden of uitvallen. Grofvuil naast de container meet de sensor niet.",
      laws_and_codes: "Wet milieubeheer, de afvalstoffenverordening. Geen persoonsgegevens, dus de AVG speelt niet zolang de afvalpasjes erbuiten blijven.",
      beneficiaries: "Bewoners van de wijken, de medewerkers van de inzameling en het milieu.",
      values_at_stake: ["kwaliteit_van_leven", "controle_over_technologie"],
      positive_effects: "Minder vrachtwagens in de straat, minder afval naast de containers en minder uitstoot.",
      negative_effects: "Als een sensor uitvalt, wordt een volle container misschien te laat geleegd.",
      reidentification: { choice: "no" },
      mitigations: "Een container zonder meting wordt volgens het oude schema geleegd. Meldingen van bewoners gaan voor.",
      engagement: "Bewoners kunnen een volle container blijven melden via de app en de website.",
      correction_and_appeal: "Via een melding openbare ruimte; die gaat direct naar de planning.",
      communication: "Bericht op de website en in de afvalapp.",
      publication: "Beschrijving in het algoritmeregister (routeplanning).",
      algorithm_register: { choice: "yes" },
      sharing: "De leverancier krijgt alleen de metingen, om de sensoren te onderhouden.",
      sharing_parties: [{ party: "Leverancier sensoren", data: "Vulgraad en storingen", agreement: "Verwerkersovereenkomst en onderhoudscontract" }],
      routines: "Planners controleren elke week de lijst met containers zonder meting.",
      review_plan: "Elk half jaar vergelijken we het aantal ritten en meldingen met het jaar ervoor.",
      review_frequency: "half_yearly",
    },
    comments: [{ who: "ethics_advisor", questionId: "sharing", body: "Leg vast dat de afvalpasjes ook later niet aan deze metingen gekoppeld worden." }],
  },
  leegstand: {
    draft: {
      data_sources: "Het woningbestand (BAG) en de inschrijvingen in de BRP, eens per kwartaal vergeleken.",
      legal_basis: "Wettelijke taak: Leegstandwet en Huisvestingswet; gegevensgebruik op grond van de Wet BRP (art. 3.3).",
      personal_data_kind: "special",
      purpose: "Woningen vinden die lang leegstaan, zodat er meer woningen beschikbaar komen voor woningzoekenden.",
    },
    final: {
      source_list: [
        { source: "BAG (woningbestand)", owner: "Gemeente Voorbeeldstad", personal_data: false },
        { source: "BRP (inschrijvingen)", owner: "Gemeente Voorbeeldstad", personal_data: true },
      ],
      original_purpose: "De BRP is er voor de bevolkingsadministratie. Het gebruik voor leegstand is een verenigbaar doel binnen een wettelijke taak; dat heeft de jurist getoetst.",
      limitations: "Niet iedereen staat ingeschreven waar hij woont, bijvoorbeeld studenten en arbeidsmigranten. Een adres zonder inschrijving is dus niet altijd leeg.",
      laws_and_codes: "AVG, Wet BRP, Leegstandwet, Huisvestingswet.",
      beneficiaries: "Woningzoekenden, en eigenaren die hulp krijgen bij het verhuren.",
      values_at_stake: ["privacy", "rechtvaardigheid", "vng_2"],
      positive_effects: "Meer woningen beschikbaar; eigenaren krijgen een aanbod voor hulp bij verhuur.",
      negative_effects: "Eigenaren of bewoners die niet staan ingeschreven kunnen onterecht een brief krijgen en zich verdacht voelen.",
      reidentification: { choice: "no" },
      mitigations: "Een medewerker controleert elk adres voordat er contact is. De lijst bevat alleen adressen, geen namen.",
      security: "De lijst staat in een afgeschermde map; alleen twee medewerkers van Wonen kunnen erbij.",
      engagement: "Gesprek met de huurdersvereniging en de vereniging van verhuurders.",
      correction_and_appeal: "De brief noemt een medewerker en een telefoonnummer. Een onterecht adres gaat dezelfde dag van de lijst.",
      communication: "De brief is in eenvoudige taal en legt uit waarom we contact opnemen en wat er niet gebeurt.",
      publication: "Beschrijving in het algoritmeregister en jaarlijks een verslag aan de raad.",
      algorithm_register: { choice: "yes" },
      sharing: "Er worden geen gegevens gedeeld buiten de afdeling Wonen.",
      routines: "Werkinstructie voor de controle van adressen; elk kwartaal een vast overleg.",
      review_plan: "We houden bij hoeveel adressen onterecht op de lijst stonden.",
      review_frequency: "quarterly",
    },
    comments: [
      { who: "fg", questionId: "limitations", body: "Goed dat dit benoemd is. Wat doen jullie met adressen van arbeidsmigranten?" },
      { who: "member", questionId: "limitations", body: "Die controleren we extra: eerst navragen bij de verhuurder, geen brief aan de bewoner." },
    ],
  },
  meldingen: {
    draft: {
      data_sources: "De tekst van meldingen openbare ruimte en de plek van de melding.",
      legal_basis: "Wettelijke taak: beheer openbare ruimte.",
      personal_data_kind: "personal",
      purpose: "Meldingen sneller bij het juiste team krijgen.",
    },
    final: {
      limitations: "Meldingen in slecht Nederlands of met alleen een foto worden minder goed gesorteerd.",
      laws_and_codes: "AVG, Wegenwet, het kwaliteitshandvest van de gemeente.",
      beneficiaries: "Inwoners die iets melden, en de teams die het oppakken.",
      values_at_stake: ["controle_over_technologie", "rechtvaardigheid"],
      positive_effects: "Meldingen worden sneller opgelost.",
      negative_effects: "Een melding uit een wijk waar mensen anders schrijven kan bij het verkeerde team blijven liggen.",
      reidentification: { choice: "no" },
      mitigations: "Een medewerker bevestigt elk voorstel. Het model beslist nooit zelf.",
      engagement: "Inwoners kunnen na afloop zeggen of hun melding goed is opgepakt.",
      correction_and_appeal: "Een verkeerd gesorteerde melding kan de medewerker direct doorzetten; inwoners kunnen reageren op de terugkoppeling.",
      communication: "Op het meldformulier staat dat een computer een voorstel doet en een medewerker beslist.",
      publication: "Beschrijving in het algoritmeregister.",
      algorithm_register: { choice: "yes" },
      sharing: "De leverancier van het model krijgt geen meldingen; het model draait bij de gemeente.",
      routines: "Werkinstructie voor het bevestigen van voorstellen.",
      review_plan: "Elk jaar nagaan of het model voor alle wijken even goed werkt.",
      review_frequency: "yearly",
    },
    comments: [],
  },
  schuldenproblematiek: {
    draft: {
      data_sources: "Betalingsachterstanden bij huur, energie en zorgverzekering, en uitkeringsgegevens, gekoppeld per huishouden.",
      legal_basis: "Wet gemeentelijke schuldhulpverlening (art. 3, vroegsignalering). Of die grond ook een voorspelmodel dekt, is de vraag.",
      personal_data_kind: "special",
      purpose: "Inwoners met beginnende geldzorgen eerder hulp aanbieden.",
    },
    final: {
      source_list: [
        { source: "Signalen woningcorporaties", owner: "Woningcorporaties", personal_data: true },
        { source: "Signalen energieleveranciers", owner: "Energieleveranciers", personal_data: true },
        { source: "Uitkeringsadministratie", owner: "Gemeente Voorbeeldstad", personal_data: true },
      ],
      limitations: "De signalen komen vooral uit huurwoningen; eigenaar-bewoners met schulden ontbreken. Het model zou vooral huishoudens in een paar wijken aanwijzen.",
      laws_and_codes: "AVG (bijzondere en financiële gegevens), Wgs, Participatiewet, het Kader waardengedreven werken.",
      beneficiaries: "Huishoudens met beginnende schulden, als het klopt.",
      alternatives: "Ja: de bestaande vroegsignalering via afspraken met woningcorporaties en energieleveranciers, zonder voorspelmodel.",
      values_at_stake: ["rechtvaardigheid", "menselijke_waardigheid", "privacy", "autonomie"],
      positive_effects: "Eerder hulp, minder hoge schulden.",
      negative_effects: "Mensen die ten onrechte worden aangewezen voelen zich gecontroleerd. Wijken met veel huurwoningen worden vaker aangewezen.",
      reidentification: { choice: "yes", explanation: "Bij kleine aantallen per buurt zijn huishoudens te herkennen in rapportages." },
      mitigations: "Niet goed te beperken zonder het model zelf los te laten.",
      engagement: "Gesprek met het klantpanel schuldhulp: zij vinden een voorspelmodel betuttelend.",
      correction_and_appeal: "Onduidelijk: een inwoner weet niet dat hij is aangewezen.",
      communication: "Moeilijk uit te leggen zonder mensen te stigmatiseren.",
      publication: "Zou in het algoritmeregister komen.",
      algorithm_register: { choice: "yes" },
      sharing: "Signalen komen van externe partijen; terug wordt niets gedeeld.",
      routines: "Niet van toepassing: het project is gestopt voor de start.",
      review_plan: "Niet van toepassing: het project is gestopt voor de start.",
      review_frequency: "other",
      review_frequency_other: "Geen: het project is gestopt.",
    },
    comments: [
      { who: "ethics_advisor", questionId: "alternatives", body: "Dit antwoord is de kern. Als het doel zonder model te halen is, waarom dan een model?" },
      { who: "fg", questionId: "legal_basis", body: "De Wgs geeft een grond voor vroegsignalering op signalen, niet voor voorspellen op gekoppelde gegevens." },
    ],
    forReview: "negative_effects",
  },
};

const DAY = 24 * 60 * 60 * 1000;

export async function seedCanvasDemo(deps: Deps, organisationId: string, people: Map<string, string>): Promise<void> {
  const ids = await demoProjectIds(deps, organisationId);
  const instrument = deps.instruments.latest(CANVAS_INSTRUMENT_ID)!;
  const keys = await valueKeys(deps, organisationId);
  const users = await deps.db.selectFrom("users").select(["id", "name"]).where("organisation_id", "=", organisationId).execute();
  const who = (key: string) => {
    const id = people.get(key);
    const user = users.find((u) => u.id === id);
    if (!user) throw new Error(`demo person ${key} is missing`);
    return user;
  };
  const now = deps.now().getTime();
  const ago = (days: number, hour = 10) => new Date(now - days * DAY + hour * 60 * 60 * 1000).toISOString();

  for (const project of DEMO_PROJECTS) {
    const projectId = ids[project.key];
    const canvas = CANVASES[project.key];
    if (!projectId || !canvas) continue;
    const current = { ...canvas.draft, ...canvas.final };
    const problems = validateAnswers(instrument, current, { partial: true, valueKeys: keys });
    if (problems.length) throw new Error(`demo canvas ${project.key}: ${problems.map((p) => `${p.path} ${p.code}`).join(", ")}`);
    const start = Math.max(project.registeredDaysAgo - 1, 2);
    const lead = who("lead");
    const member = who("member");
    const complete = Object.keys(canvas.final).length > 5;
    const responseId = deps.newId();
    await inTransaction(
      deps,
      { userId: lead.id, organisationId, name: lead.name },
      async (tx) => {
        await tx.db
          .insertInto("instrument_responses")
          .values({
            id: responseId,
            organisation_id: organisationId,
            project_id: projectId,
            instrument_id: instrument.id,
            instrument_version: instrument.version,
            subject: "",
            answers_json: JSON.stringify(current),
            section_marks_json: JSON.stringify(canvas.forReview ? { [canvas.forReview]: "for_review" } : {}),
            revision: 2,
            last_version: complete ? 2 : 1,
            created_at: ago(start, 9),
            created_by: lead.id,
            updated_at: ago(Math.max(start - 8, 1), 15),
            updated_by: member.id,
            updated_by_name: member.name,
          })
          .execute();
        const version = (number: number, answers: Answers, note: string, days: number, by: { id: string; name: string }) =>
          tx.db
            .insertInto("instrument_response_versions")
            .values({ id: deps.newId(), organisation_id: organisationId, response_id: responseId, number, instrument_version: instrument.version, answers_json: JSON.stringify(answers), note, created_at: ago(days, 16), created_by: by.id, created_by_name: by.name })
            .execute();
        await version(1, canvas.draft, "Eerste opzet van het projectteam", Math.max(start - 2, 1), lead);
        if (complete) await version(2, current, "Canvas af, klaar voor de gate", Math.max(start - 9, 1), lead);
        let hour = 11;
        for (const comment of canvas.comments) {
          const author = who(comment.who);
          await tx.db
            .insertInto("instrument_response_comments")
            .values({ id: deps.newId(), organisation_id: organisationId, response_id: responseId, question_id: comment.questionId, body: comment.body, author_id: author.id, author_name: author.name, created_at: ago(Math.max(start - 4, 1), hour++) })
            .execute();
        }
        await tx.audit({ action: "instrument_response.created", entityType: "instrument_response", entityId: responseId, after: { projectId, instrumentId: instrument.id, instrumentVersion: instrument.version, demo: true } });
      },
    );
  }
}
