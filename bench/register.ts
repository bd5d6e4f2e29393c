// Register benchmark: 10,000 published register entries across 20
// organisations; residents' search (`/openbaar?q=…`) and a detail page driven
// by 50 concurrent clients with autocannon, on SQLite and PostgreSQL, beside a
// bare Hono handler in the same run. See README.md.
//   npx tsx bench/register.ts [--engines sqlite,postgres] [--entries 10000] [--orgs 20]
//                             [--clients 50] [--seconds 10] [--port 3691]
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { searchTextOf } from "../src/features/register/search-index.ts";
import { indexTerms } from "../src/features/register/stem.ts";
import { freshDatabase, peakOf, readyOf, startServer, withDb } from "./support.ts";

const { values: opts } = parseArgs({
  options: {
    engines: { type: "string", default: "sqlite,postgres" },
    entries: { type: "string", default: "10000" },
    orgs: { type: "string", default: "20" },
    clients: { type: "string", default: "50" },
    seconds: { type: "string", default: "10" },
    port: { type: "string", default: "3691" },
  },
});
const ENTRIES = Number(opts.entries);
const ORGS = Number(opts.orgs);
const CLIENTS = Number(opts.clients);
const SECONDS = Number(opts.seconds);
const PORT = Number(opts.port);
const OUT = join(import.meta.dirname, "out");

/** Twenty subjects, so that a word like "afval" finds about one entry in twenty. */
const SUBJECTS = [
  ["Slimme afvalcontainers", "Sensoren melden hoe vol ondergrondse containers zijn, zodat de wagen alleen rijdt als het nodig is."],
  ["Parkeervergunningen toewijzen", "Een rekenregel verdeelt de vergunningen in wijken met een wachtlijst."],
  ["Vroegsignalering schulden", "Signalen van betaalachterstanden helpen inwoners met schulden eerder."],
  ["Meldingen openbare ruimte sorteren", "Meldingen over losse stoeptegels en zwerfafval gaan vanzelf naar het juiste team."],
  ["Fietsenstallingen tellen", "Tellers in stallingen laten zien waar plek is."],
  ["Bijstandsaanvragen controleren", "Een risicomodel kiest welke aanvragen extra worden bekeken."],
  ["Woningtoewijzing sociale huur", "Een rangorde van woningzoekenden op volgorde van inschrijfduur en urgentie."],
  ["Verkeerslichten regelen", "Slimme verkeerslichten geven fietsers vaker groen."],
  ["Energielabels schatten", "Een model schat het energielabel van woningen zonder label."],
  ["Leerlingenvervoer plannen", "Routes voor leerlingenvervoer worden berekend op reistijd."],
  ["Bomen inspecteren", "Beelden van bomen helpen bij het plannen van inspecties."],
  ["Vergunningaanvragen bouwen", "Een controle op volledigheid van aanvragen voor een omgevingsvergunning."],
  ["Geluidsoverlast meten", "Geluidsmeters in uitgaansgebieden melden overlast."],
  ["Subsidies verenigingen", "Een rekenregel bepaalt de hoogte van subsidies voor sportverenigingen."],
  ["Chatbot vragen inwoners", "Een chatbot beantwoordt eenvoudige vragen van inwoners over afval en paspoorten."],
  ["Grondwater voorspellen", "Een model voorspelt de grondwaterstand na hevige regen."],
  ["Wmo-indicaties voorbereiden", "Een hulpmiddel zet gegevens klaar voor het gesprek over ondersteuning."],
  ["Belastingaanslagen WOZ", "Een taxatiemodel schat de WOZ-waarde van woningen."],
  ["Evenementen risico's", "Een risicoscan voor evenementen helpt bij de vergunning."],
  ["Straatverlichting dimmen", "Lantaarnpalen dimmen als er niemand op straat is."],
] as const;
const STATUSES = ["In gebruik", "In ontwikkeling", "Buiten gebruik"];
const CATEGORIES = ["Overige algoritmes", "Impactvolle algoritmes", "Hoog-risico AI-systeem"];
const AREAS = ["Natuur en milieu", "Verkeer", "Wonen", "Sociale zekerheid", "Openbare orde en veiligheid"];
const VALUES = ["Privacy", "Rechtvaardigheid", "Duurzaamheid", "Autonomie"];

interface Result { name: string; requests: number; rps: number; p50: number; p99: number; errors: number; non2xx: number }

async function main() {
  mkdirSync(OUT, { recursive: true });
  const load = { start: loadavg().map((x) => x.toFixed(2)).join(" / "), end: "" };
  const rows: { engine: string; results: Result[]; peakMb: number }[] = [];
  const bareBefore = await runBare();
  rows.push({ engine: "bare Hono (before)", results: [bareBefore.result], peakMb: bareBefore.peakMb });
  for (const engine of opts.engines!.split(",")) rows.push({ engine, ...(await runEngine(engine)) });
  const bareAfter = await runBare();
  rows.push({ engine: "bare Hono (after)", results: [bareAfter.result], peakMb: bareAfter.peakMb });
  load.end = loadavg().map((x) => x.toFixed(2)).join(" / ");
  const bareRps = (bareBefore.result.rps + bareAfter.result.rps) / 2;
  const lines = [
    `${ENTRIES} published entries across ${ORGS} organisations, ${CLIENTS} clients (autocannon), ${SECONDS} s per endpoint; ${new Date().toISOString()}`,
    `Load average (1/5/15 min) at start ${load.start}, at end ${load.end}`,
    "",
    "| engine | endpoint | req/s | p50 ms | p99 ms | errors / non-2xx | share of bare req/s | peak RSS MB |",
    "|---|---|---:|---:|---:|---|---:|---:|",
  ];
  for (const r of rows) for (const x of r.results) lines.push(`| ${r.engine} | ${x.name} | ${x.rps.toFixed(0)} | ${x.p50.toFixed(1)} | ${x.p99.toFixed(1)} | ${x.errors} / ${x.non2xx} | ${r.engine.startsWith("bare") ? "–" : `${((x.rps / bareRps) * 100).toFixed(0)} %`} | ${r.peakMb} |`);
  console.log(`\n${lines.join("\n")}`);
  writeFileSync(join(OUT, "register-results.md"), `${lines.join("\n")}\n`);
}

async function runBare() {
  const code = `import { Hono } from "hono"; import { serve } from "@hono/node-server"; const app = new Hono(); app.get("/", (c) => c.text("ok")); serve({ fetch: app.fetch, port: ${PORT} }, () => console.log("ready"));`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "inherit"], cwd: join(import.meta.dirname, "..") });
  await readyOf(child);
  const result = await drive("bare handler", `http://127.0.0.1:${PORT}/`);
  const peakMb = peakOf(child);
  await stop(child);
  return { result, peakMb };
}

async function stop(child: ChildProcess) {
  child.kill();
  await new Promise((r) => child.once("exit", r));
}

async function runEngine(engine: string) {
  const dir = join(OUT, `register-${engine}`);
  const { url, drop } = await freshDatabase(engine, dir, "bench_register");
  // Every client is a different resident: the overload guard is the app's, not a limit per address.
  const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: url, PORT: String(PORT), LOG_LEVEL: "error" };
  let server = startServer(env);
  await readyOf(server);
  await stop(server);
  const seeded = Date.now();
  const lars = await seedEntries(engine, url);
  console.log(`${engine}: seeded ${ENTRIES} entries in ${Date.now() - seeded} ms`);
  server = startServer(env);
  await readyOf(server);
  const base = `http://127.0.0.1:${PORT}`;
  const results: Result[] = [];
  results.push(await drive("/openbaar?q=afvalcontainer", `${base}/openbaar?q=afvalcontainer`));
  results.push(await drive("/openbaar?q=woningen&status=In+gebruik", `${base}/openbaar?q=woningen&status=In+gebruik`));
  results.push(await drive("/openbaar", `${base}/openbaar`));
  results.push(await drive("/openbaar/register/:lars", `${base}/openbaar/register/${lars}`));
  const peakMb = peakOf(server);
  await stop(server);
  await drop();
  return { results, peakMb };
}

async function drive(name: string, url: string): Promise<Result> {
  // A short warm-up, then the measured run.
  await autocannon({ url, connections: CLIENTS, duration: 1 });
  const r = await autocannon({ url, connections: CLIENTS, duration: SECONDS });
  const result = { name, requests: r.requests.total, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
  console.log(`  ${name}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`);
  return result;
}

const LARS_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const larsOf = (i: number) => {
  let s = "";
  let n = i + 1_000_000;
  for (let k = 0; k < 8; k++) {
    s += LARS_ALPHABET[n % LARS_ALPHABET.length];
    n = Math.floor(n / LARS_ALPHABET.length);
  }
  return s;
};

/** Published entries straight into the tables (with their search terms, as publishing writes them). Returns one entry's register id. */
async function seedEntries(engine: string, url: string): Promise<string> {
  return withDb(engine, url, async (q, bulk) => {
    const [demo] = await q("select id from organisations where slug = ?", ["voorbeeldstad"]);
    const now = Date.now();
    const orgs: Record<string, unknown>[] = [];
    const orgIds = [String(demo!.id)];
    for (let o = 1; o < ORGS; o++) {
      orgs.push({ id: `bench-org-${o}`, slug: `proef-${o}`, name: `Gemeente Proef ${o}`, theme_class: "voorbeeld-theme", created_at: new Date(now).toISOString() });
      orgIds.push(`bench-org-${o}`);
    }
    await bulk("organisations", orgs);
    const projects: Record<string, unknown>[] = [];
    const entries: Record<string, unknown>[] = [];
    const versions: Record<string, unknown>[] = [];
    const terms: Record<string, unknown>[] = [];
    for (let i = 0; i < ENTRIES; i++) {
      const org = orgIds[i % ORGS]!;
      const [title, summary] = SUBJECTS[i % SUBJECTS.length]!;
      const at = new Date(now - i * 60_000).toISOString();
      const fields = {
        name: `${title} ${Math.floor(i / SUBJECTS.length) + 1}`,
        description_short: summary,
        organization: org === orgIds[0] ? "Gemeente Voorbeeldstad" : `Gemeente Proef ${i % ORGS}`,
        status: STATUSES[i % STATUSES.length],
        contact_email: "register@voorbeeld.example",
        publication_category: CATEGORIES[i % CATEGORIES.length],
        lang: "nld",
        category: [AREAS[i % AREAS.length]!],
        goal: `<p>${summary} Zo werken we beter en eerlijker.</p>`,
        risks: "<p>Een fout in de gegevens kan leiden tot een verkeerde uitkomst. Een medewerker kijkt altijd mee.</p>",
        values_weighed: [VALUES[i % VALUES.length]!],
        revision_date: "2027-12-01",
      };
      const id = `bench-entry-${i}`;
      projects.push({ id: `bench-p-${i}`, organisation_id: org, title: fields.name, goal: summary, description: "", domain: "fysiek", technologies_json: '["sensors"]', data_categories_json: '["none"]', supplier_involved: 0, phase: "execution", publication_state: "published", created_at: at, updated_at: at });
      entries.push({
        id, organisation_id: org, project_id: `bench-p-${i}`, lars: larsOf(i), draft_json: JSON.stringify(fields), draft_state: "published", revision: 1, public_state: "published", published_version: 1,
        prepared_by: null, prepared_by_name: "Proef", prepared_at: at, approved_by: null, approved_by_name: "Proef", approved_at: at, first_published_at: at, retract_reason: null, retracted_at: null, revision_date: "2027-12-01",
        pub_name: fields.name, pub_summary: summary, pub_status: fields.status, pub_category: fields.publication_category, pub_policy_areas_json: JSON.stringify(fields.category), pub_values_json: JSON.stringify(fields.values_weighed), pub_technologies_json: '["sensors"]', pub_updated_at: at,
        created_at: at, updated_at: at,
      });
      versions.push({ id: `bench-v-${i}`, organisation_id: org, entry_id: id, version: 1, fields_json: JSON.stringify(fields), prepared_by: null, prepared_by_name: "Proef", approved_by: null, approved_by_name: "Proef", published_at: at });
      for (const term of indexTerms(searchTextOf(fields))) terms.push({ organisation_id: org, entry_id: id, term });
    }
    await bulk("projects", projects);
    await bulk("register_entries", entries);
    await bulk("register_entry_versions", versions);
    await bulk("register_search_terms", terms);
    await q("insert into register_term_counts (term, entries) select term, count(*) from register_search_terms group by term");
    await q("analyze");
    return larsOf(0);
  });
}

await main();
