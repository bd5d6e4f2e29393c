import type { Config } from "../config.ts";
import { AppError } from "../platform/errors.ts";
import { translator } from "../platform/i18n/index.ts";
import { InstrumentLoadError } from "../instruments/errors.ts";
import { promptHidden, readAllStdin } from "./prompt.ts";

// Each command loads its own modules: `bias-audit` must not pay for starting the whole web app.
const app = () => import("../main.ts");
// zod and the configuration only for the commands that need them (not --help).
const loadConfig = async (env: NodeJS.ProcessEnv): Promise<Config> => (await import("../config.ts")).loadConfig(env);

const HELP = `afweging — verantwoord omgaan met data en algoritmen

Gebruik: afweging <opdracht> [opties]

Opdrachten:
  serve                      start de webapplicatie (zoals npm start)
  migrate                    werk de database bij naar de nieuwste versie
  seed-demo                  maak de demo-organisatie Gemeente Voorbeeldstad aan
  user add                   voeg een gebruiker toe; het wachtwoord wordt gevraagd (niet getoond)
      --organisation SLUG --email E --name N [--role ROL …] [--password-stdin] [--break-glass]
                             --password-stdin: lees het wachtwoord van standaardinvoer
                             --break-glass: een noodaccount (beheerder) dat altijd met
                             een wachtwoord mag inloggen; elk gebruik staat in het logboek
                             --instance-admin: ook beheerder van het platform (organisaties)
  organisation add           voeg een organisatie toe
      --name NAAM --slug KORTE-NAAM [--tooi gm0363] [--contact E-MAIL] [--theme KLASSE]
  organisation list          toon alle organisaties op dit platform
  organisation disable SLUG --reason REDEN
                             schakel een organisatie uit (enable SLUG: weer aan)
  instance-admin add --email E
                             maak een bestaande gebruiker beheerder van het platform
  audit-log verify           controleer het logboek: de hashketen, de sleutel-hashes en
      [--checkpoints BESTAND …]  de ondertekende controlepunten (ook gedownloade kopieën)
  audit-log checkpoint       leg nu een ondertekend controlepunt van elke keten vast
  backup BESTAND             maak een back-up van de database, ook terwijl de app draait
                             (PostgreSQL: met pg_dump, dat geïnstalleerd moet zijn)
  restore BESTAND            zet een back-up terug in een lege database en controleer het logboek
  cleanup                    ruim verlopen sessies, oude mislukte inlogpogingen en achtergelaten uploads op
  bias-audit FILE …          onderzoek uitkomsten van een algoritme op vooringenomenheid
                             (afweging bias-audit --help voor de opties)
  --help                     deze hulp

Configuratie via omgevingsvariabelen: PORT, DATABASE_URL, BASE_URL, SESSION_SECRET, AUDIT_KEY,
TRUSTED_PROXIES, AUDIT_CHECKPOINT_MINUTES, DATA_DIR (zie README.md).`;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** All of standard input (for --password-stdin). */
  readStdin?: () => Promise<string>;
  /** Asks for a secret without showing it; only when a person is at a terminal. */
  promptSecret?: (question: string) => Promise<string>;
}

const consoleIo: Io = {
  stdout: (s) => process.stdout.write(s + "\n"),
  stderr: (s) => process.stderr.write(s + "\n"),
  readStdin: readAllStdin,
  ...(process.stdin.isTTY ? { promptSecret: promptHidden } : {}),
};

export async function runCli(argv: string[], io: Io = consoleIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
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
        const deps = await (await app()).openDeps(await loadConfig(env));
        await deps.close();
        io.stdout("De database is bijgewerkt.");
        return 0;
      }
      case "seed-demo": {
        const config = await loadConfig(env);
        const deps = await (await app()).openDeps(config);
        const { demoLoginsText, seedDemo } = await import("../features/demo/seed-demo.ts");
        const { created } = await seedDemo(deps);
        await deps.close();
        io.stdout(created ? demoLoginsText(config.baseUrl) : "De demo-organisatie bestaat al.");
        return 0;
      }
      case "user":
        return await (await import("./user.ts")).userCommand(rest, io, await loadConfig(env));
      case "organisation":
        return await (await import("./organisation.ts")).organisationCommand(rest, io, await loadConfig(env));
      case "instance-admin":
        return await (await import("./organisation.ts")).instanceAdminCommand(rest, io, await loadConfig(env));
      case "audit-log":
        return await (await import("./audit-log.ts")).auditLogCommand(rest, io, await loadConfig(env));
      case "backup":
        return await (await import("./backup.ts")).backupCommand(rest, io, await loadConfig(env));
      case "restore":
        return await (await import("./backup.ts")).restoreCommand(rest, io, await loadConfig(env));
      case "cleanup":
        return await (await import("./backup.ts")).cleanupCommand(io, await loadConfig(env));
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
    // A backup or restore that refuses (file exists, database not empty, pg_dump missing) says why.
    if (e instanceof Error && e.name === "BackupError") {
      io.stderr(e.message);
      return 1;
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
