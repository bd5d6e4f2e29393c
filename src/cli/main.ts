import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { AppError } from "../platform/errors.ts";
import { translator } from "../platform/i18n/index.ts";
import { InstrumentLoadError } from "../instruments/index.ts";

// Each command loads its own modules: `bias-audit` must not pay for starting the whole web app.
const app = () => import("../main.ts");

const HELP = `afweging — verantwoord omgaan met data en algoritmen

Gebruik: afweging <opdracht> [opties]

Opdrachten:
  serve                      start de webapplicatie (zoals npm start)
  migrate                    werk de database bij naar de nieuwste versie
  seed-demo                  maak de demo-organisatie Gemeente Voorbeeldstad aan
  user add                   voeg een gebruiker toe
      --organisation SLUG --email E --name N --password P [--role ROL …] [--break-glass]
                             --break-glass: een noodaccount (beheerder) dat altijd met
                             een wachtwoord mag inloggen; elk gebruik staat in het logboek
  audit-log verify           controleer de hashketen van het logboek
  bias-audit FILE …          onderzoek uitkomsten van een algoritme op vooringenomenheid
                             (afweging bias-audit --help voor de opties)
  --help                     deze hulp

Configuratie via omgevingsvariabelen: PORT, DATABASE_URL, BASE_URL, SESSION_SECRET, DATA_DIR.`;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const consoleIo: Io = { stdout: (s) => process.stdout.write(s + "\n"), stderr: (s) => process.stderr.write(s + "\n") };

export async function runCli(argv: string[], io: Io = consoleIo): Promise<number> {
  const [command, ...rest] = argv;
  const t = translator("nl");
  try {
    switch (command) {
      case undefined:
      case "--help":
      case "-h":
      case "help":
        io.stdout(HELP);
        return 0;
      case "serve":
        await (await app()).startServer();
        return -1; // keeps running
      case "migrate": {
        const deps = await (await app()).openDeps(loadConfig());
        await deps.close();
        io.stdout("De database is bijgewerkt.");
        return 0;
      }
      case "seed-demo": {
        const config = loadConfig();
        const deps = await (await app()).openDeps(config);
        const { demoLoginsText, seedDemo } = await import("../features/demo/seed-demo.ts");
        const { created } = await seedDemo(deps);
        await deps.close();
        io.stdout(created ? demoLoginsText(config.baseUrl) : "De demo-organisatie bestaat al.");
        return 0;
      }
      case "user":
        return await userCommand(rest, io);
      case "audit-log":
        return await auditLogCommand(rest, io);
      case "bias-audit": {
        const { biasAuditCommand } = await import("./bias-audit.ts");
        return await biasAuditCommand(rest, io);
      }
      default:
        io.stderr(`Onbekende opdracht: ${command}\n\n${HELP}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof AppError) {
      const details = e.fieldErrors.map((f) => `  ${f.field}: ${t(f.messageKey, f.params)}`);
      io.stderr([t(e.messageKey, e.params), ...details].join("\n"));
      return 2;
    }
    if (e instanceof InstrumentLoadError) {
      io.stderr(`Een instrumentbestand klopt niet:\n${e.message}`);
      return 1;
    }
    if (e instanceof Error && /Invalid configuration|ERR_PARSE_ARGS/.test(`${e.message} ${(e as { code?: string }).code}`)) {
      io.stderr(e.message);
      return 2;
    }
    throw e;
  }
}

async function userCommand(argv: string[], io: Io): Promise<number> {
  if (argv[0] !== "add") {
    io.stderr("Gebruik: afweging user add --organisation SLUG --email E --name N --password P [--role ROL …] [--break-glass]");
    return 2;
  }
  const { values } = parseArgs({
    args: argv.slice(1),
    options: {
      organisation: { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      role: { type: "string", multiple: true },
      "break-glass": { type: "boolean" },
    },
    strict: true,
  });
  const deps = await (await app()).openDeps(loadConfig());
  const input = { organisation: values.organisation ?? "", email: values.email ?? "", name: values.name ?? "", password: values.password ?? "", roles: values.role ?? [] };
  try {
    if (values["break-glass"]) {
      const { createBreakGlassAccount } = await import("../features/sso/break-glass.ts");
      const id = await createBreakGlassAccount(deps, input);
      io.stdout(`Noodaccount toegevoegd: ${values.email} (${id}). Elk gebruik staat in het logboek.`);
      return 0;
    }
    const { bootstrapUser } = await import("../features/admin/bootstrap.ts");
    const id = await bootstrapUser(deps, input);
    io.stdout(`Gebruiker toegevoegd: ${values.email} (${id})`);
    return 0;
  } finally {
    await deps.close();
  }
}

async function auditLogCommand(argv: string[], io: Io): Promise<number> {
  if (argv[0] !== "verify") {
    io.stderr("Gebruik: afweging audit-log verify");
    return 2;
  }
  const deps = await (await app()).openDeps(loadConfig());
  const { verifyAllChains } = await import("../platform/audit-log/verify-chain.ts");
  try {
    const reports = await verifyAllChains(deps.db);
    let broken = 0;
    for (const r of reports) {
      if (r.broken) {
        broken += 1;
        io.stdout(`Keten ${r.chain}: GEBROKEN bij gebeurtenis ${r.broken.seq} (id ${r.broken.id}): ${reason(r.broken.reason)}. ${r.events} gebeurtenissen ervoor zijn in orde.`);
      } else {
        io.stdout(`Keten ${r.chain}: intact, ${r.events} gebeurtenissen.`);
      }
    }
    io.stdout(broken ? `${broken} van ${reports.length} ketens zijn gebroken.` : `Alle ketens (${reports.length}) zijn intact.`);
    return broken ? 1 : 0;
  } finally {
    await deps.close();
  }
}

function reason(r: "hash_mismatch" | "prev_hash_mismatch" | "seq_gap"): string {
  return r === "hash_mismatch"
    ? "de inhoud is na het vastleggen gewijzigd"
    : r === "prev_hash_mismatch"
      ? "de verwijzing naar de vorige gebeurtenis klopt niet (een eerdere gebeurtenis is gewijzigd)"
      : "er ontbreekt een gebeurtenis";
}
