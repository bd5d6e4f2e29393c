import type { Config } from "../config.ts";
import { backupDatabase, restoreDatabase } from "../platform/db/backup.ts";
import { printReports } from "./audit-log.ts";
import type { Io } from "./main.ts";

const app = () => import("../main.ts");

/** `backup FILE`: a consistent copy of the database, also while the app runs. */
export async function backupCommand(argv: string[], io: Io, config: Config): Promise<number> {
  if (argv.length !== 1 || argv[0]!.startsWith("-")) {
    io.stderr("Gebruik: afweging backup BESTAND");
    return 2;
  }
  const result = await backupDatabase(config.databaseUrl, argv[0]!);
  io.stdout(`Back-up gemaakt (${result.engine === "sqlite" ? "SQLite" : "PostgreSQL, pg_dump custom-formaat"}): ${result.file}, ${result.bytes} bytes.`);
  io.stdout("Bewaar de sleutel van het logboek (AUDIT_KEY of $DATA_DIR/secrets/audit-key) en de map audit-checkpoints apart van deze back-up.");
  return 0;
}

/** `restore FILE`: a backup into an empty database, then the audit chain is verified. */
export async function restoreCommand(argv: string[], io: Io, config: Config): Promise<number> {
  if (argv.length !== 1 || argv[0]!.startsWith("-")) {
    io.stderr("Gebruik: afweging restore BESTAND");
    return 2;
  }
  const result = await restoreDatabase(config.databaseUrl, argv[0]!);
  io.stdout(`Back-up teruggezet: ${result.tables} tabellen.`);
  // Migrations bring an older backup up to date; then the chain must verify.
  const deps = await (await app()).openDeps(config);
  const { verifyAudit } = await import("../platform/audit-log/checkpoints.ts");
  try {
    io.stdout("Controle van het logboek na het terugzetten:");
    return printReports(await verifyAudit(deps), io);
  } finally {
    await deps.close();
  }
}

/** `cleanup`: expired sessions, old login failures and what the features clean up (abandoned uploads). */
export async function cleanupCommand(io: Io, config: Config): Promise<number> {
  const deps = await (await app()).openDeps(config);
  const { cleanupExpired } = await import("../platform/retention.ts");
  try {
    const result = await cleanupExpired(deps);
    const uploads = result.abandonedUploads ?? 0;
    io.stdout(`Opgeruimd: ${result.sessions} verlopen sessies, ${result.loginFailures} oude mislukte inlogpogingen en ${uploads} achtergelaten uploads.`);
    return 0;
  } finally {
    await deps.close();
  }
}
