import { parseArgs } from "node:util";
import type { Config } from "../config.ts";
import type { ChainBreakReason } from "../platform/audit-log/hash-chain.ts";
import type { ChainReport } from "../platform/audit-log/verify-chain.ts";
import type { Io } from "./main.ts";

const app = () => import("../main.ts");

const USAGE = "Gebruik: afweging audit-log verify [--checkpoints BESTAND …]  of  afweging audit-log checkpoint";

/** `audit-log verify` and `audit-log checkpoint`. */
export async function auditLogCommand(argv: string[], io: Io, config: Config): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "verify" && sub !== "checkpoint") {
    io.stderr(USAGE);
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: { checkpoints: { type: "string", multiple: true } }, strict: true });
  const deps = await (await app()).openDeps(config);
  const { verifyAudit, writeCheckpoints } = await import("../platform/audit-log/checkpoints.ts");
  try {
    if (sub === "verify") return printReports(await verifyAudit(deps, values.checkpoints ?? []), io);
    const run = await writeCheckpoints(deps);
    io.stdout(`Controlepunten vastgelegd: ${run.written.length} nieuw, ${run.unchanged.length} ongewijzigd.`);
    for (const r of run.refused) io.stdout(`Keten ${r.chain}: NIET ondertekend, gebroken bij gebeurtenis ${r.broken.seq}: ${reason(r.broken.reason)}.`);
    return run.refused.length ? 1 : 0;
  } finally {
    await deps.close();
  }
}

/** One line per chain and a summary; returns the exit code (1 when a chain is broken). */
export function printReports(reports: ChainReport[], io: Io): number {
  let broken = 0;
  for (const r of reports) {
    if (r.broken) {
      broken += 1;
      io.stdout(`Keten ${r.chain}: GEBROKEN bij gebeurtenis ${r.broken.seq} (id ${r.broken.id}): ${reason(r.broken.reason)}. ${r.events} gebeurtenissen ervoor zijn in orde.`);
      continue;
    }
    const unkeyed = r.unkeyed ? ` (${r.unkeyed} zonder sleutel-hash: vastgelegd voordat die bestond)` : "";
    const checkpoint = r.checkpoint ? `laatste controlepunt bij gebeurtenis ${r.checkpoint.seq} (${r.checkpoint.at})` : "nog geen controlepunt";
    io.stdout(`Keten ${r.chain}: intact, ${r.events} gebeurtenissen${unkeyed}; ${checkpoint}.`);
  }
  io.stdout(broken ? `${broken} van ${reports.length} ketens zijn gebroken.` : `Alle ketens (${reports.length}) zijn intact.`);
  return broken ? 1 : 0;
}

const REASONS: Record<ChainBreakReason, string> = {
  hash_mismatch: "de inhoud is na het vastleggen gewijzigd",
  prev_hash_mismatch: "de verwijzing naar de vorige gebeurtenis klopt niet (een eerdere gebeurtenis is gewijzigd)",
  seq_gap: "er ontbreekt een gebeurtenis",
  hmac_mismatch: "de sleutel-hash klopt niet: de gebeurtenis is gewijzigd en de hashes zijn zonder de sleutel opnieuw berekend",
  hmac_missing: "de sleutel-hash ontbreekt, terwijl de keten hier al met de sleutel werd vastgelegd",
  head_mismatch: "het einde van de keten verwijst naar een andere gebeurtenis dan de laatste",
  checkpoint_mismatch: "een ondertekend controlepunt noemt hier een andere hash: de keten is herschreven",
  behind_checkpoint: "de keten is korter dan het laatste ondertekende controlepunt: gebeurtenissen aan het eind zijn weggehaald",
  chain_missing: "de keten ontbreekt in de database, maar er zijn ondertekende controlepunten van",
  checkpoint_invalid: "een controlepunt heeft een ongeldige handtekening: het bestand met controlepunten is aangepast",
};

function reason(r: ChainBreakReason): string {
  return REASONS[r];
}
