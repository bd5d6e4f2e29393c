// `afweging bias-audit`: audit a CSV of decisions for differences between groups.
// Exit codes: 0 report printed, 2 bad input or bad arguments.

import type { ReferenceConvention } from "../domain/fairness/disparity.ts";
import type { Correction } from "../domain/fairness/multiple-testing.ts";
import { auditCsv } from "../features/bias-audit/engine/audit.ts";
import type { AuditConfig, GroupSpec } from "../features/bias-audit/engine/config.ts";
import { isBiasAuditError } from "../features/bias-audit/engine/errors.ts";
import { formatJson } from "../features/bias-audit/engine/json-format.ts";
import { engineText, type EngineMessageKey } from "../features/bias-audit/engine/messages.ts";
import { formatText } from "../features/bias-audit/engine/text-format.ts";

/** The command speaks Dutch (its report and errors follow --lang); its texts are the engine's catalogue part. */
const t = engineText("nl");

export const BIAS_AUDIT_USAGE = t("bias_audit.cli.usage");

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

class UsageError extends Error {
  constructor(key: EngineMessageKey, params?: Record<string, string | number>) {
    super(t(key, params));
  }
}

const VALUE_OPTIONS = new Set([
  "group", "prediction", "threshold", "label", "favourable", "reference", "format", "lang", "bin", "map",
  "scan-feature", "seed", "correction", "alpha", "delimiter", "max-bytes", "threads",
]);
const FLAG_OPTIONS = new Set(["no-scan", "no-intersections", "help"]);

function parseArgs(argv: string[]): { file: string | null; opts: Map<string, string[]>; flags: Set<string> } {
  const opts = new Map<string, string[]>();
  const flags = new Set<string>();
  let file: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (FLAG_OPTIONS.has(name)) {
        flags.add(name);
        continue;
      }
      if (!VALUE_OPTIONS.has(name)) throw new UsageError("bias_audit.cli.unknown_option", { option: name });
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError("bias_audit.cli.value_needed", { option: name });
      opts.set(name, [...(opts.get(name) ?? []), value]);
    } else if (file === null) file = arg;
    else throw new UsageError("bias_audit.cli.unexpected_argument", { argument: arg });
  }
  return { file, opts, flags };
}

function num(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === "" || !Number.isFinite(n)) throw new UsageError("bias_audit.cli.not_a_number", { option: name, value: v });
  return n;
}

function last(opts: Map<string, string[]>, name: string): string | undefined {
  const all = opts.get(name);
  return all ? all[all.length - 1] : undefined;
}

function splitColumnSpec(name: string, raw: string): [string, string] {
  const i = raw.lastIndexOf(":");
  if (i <= 0) throw new UsageError("bias_audit.cli.column_spec", { option: name, value: raw });
  return [raw.slice(0, i), raw.slice(i + 1)];
}

/** Builds the engine configuration from command-line options. */
export function configFromArgs(opts: Map<string, string[]>, flags: Set<string>): AuditConfig {
  const bins = new Map<string, number[]>();
  for (const raw of opts.get("bin") ?? []) {
    const [col, edges] = splitColumnSpec("bin", raw);
    bins.set(col, edges.split(",").map((e) => num("bin", e) as number));
  }
  const maps = new Map<string, { map: Record<string, string>; other?: string }>();
  for (const raw of opts.get("map") ?? []) {
    const colon = raw.indexOf(":");
    const eq = raw.lastIndexOf("=");
    if (colon <= 0 || eq < colon) throw new UsageError("bias_audit.cli.map_spec", { value: raw });
    const col = raw.slice(0, colon);
    const from = raw.slice(colon + 1, eq);
    const to = raw.slice(eq + 1);
    const m = maps.get(col) ?? { map: {} };
    if (from === "*") m.other = to;
    else m.map[from] = to;
    maps.set(col, m);
  }
  const spec = (column: string): GroupSpec => {
    const s: GroupSpec = { column };
    const b = bins.get(column);
    if (b) s.bins = b;
    const m = maps.get(column);
    if (m) {
      s.map = m.map;
      if (m.other !== undefined) s.otherValue = m.other;
    }
    return s;
  };
  const groups = opts.get("group") ?? [];
  const prediction = last(opts, "prediction");
  if (groups.length === 0) throw new UsageError("bias_audit.cli.group_required");
  if (!prediction) throw new UsageError("bias_audit.cli.prediction_required");
  for (const col of [...bins.keys(), ...maps.keys()])
    if (!groups.includes(col) && !(opts.get("scan-feature") ?? []).includes(col))
      throw new UsageError("bias_audit.cli.bin_map_column", { column: col });

  const refs = opts.get("reference") ?? [];
  let reference: ReferenceConvention = { kind: "largest" };
  if (refs.length === 1 && ["between", "overall", "largest"].includes(refs[0] as string))
    reference = { kind: refs[0] as "between" | "overall" | "largest" };
  else if (refs.length > 0) reference = { kind: "group", values: refs };

  const correction = last(opts, "correction");
  const corrections: Correction[] = ["holm", "benjamini-hochberg", "bonferroni", "none"];
  const normalisedCorrection = correction === "bh" ? "benjamini-hochberg" : correction;
  if (normalisedCorrection !== undefined && !corrections.includes(normalisedCorrection as Correction))
    throw new UsageError("bias_audit.cli.correction");

  const config: AuditConfig = {
    groups: groups.map(spec),
    prediction,
    reference,
  };
  const threshold = num("threshold", last(opts, "threshold"));
  if (threshold !== undefined) config.threshold = threshold;
  const label = last(opts, "label");
  if (label !== undefined) config.label = label;
  const fav = last(opts, "favourable");
  if (fav !== undefined) config.favourable = fav;
  const features = opts.get("scan-feature");
  if (features) config.scanFeatures = features.map(spec);
  if (normalisedCorrection) config.correction = normalisedCorrection as Correction;
  const alpha = num("alpha", last(opts, "alpha"));
  if (alpha !== undefined) config.alpha = alpha;
  const delimiter = last(opts, "delimiter");
  if (delimiter !== undefined) config.delimiter = delimiter;
  const maxBytes = num("max-bytes", last(opts, "max-bytes"));
  if (maxBytes !== undefined) config.maxBytes = maxBytes;
  const threads = num("threads", last(opts, "threads"));
  if (threads !== undefined) config.threads = threads;
  if (flags.has("no-intersections")) config.intersections = false;
  const seed = num("seed", last(opts, "seed"));
  if (flags.has("no-scan")) config.scan = false;
  else if (seed !== undefined) config.scan = { seed };
  return config;
}

export async function biasAuditCommand(argv: string[], io: Io): Promise<number> {
  let lang: "nl" | "en" = "nl";
  try {
    const { file, opts, flags } = parseArgs(argv);
    if (flags.has("help")) {
      io.stdout(BIAS_AUDIT_USAGE);
      return 0;
    }
    const l = last(opts, "lang");
    if (l !== undefined && l !== "nl" && l !== "en") throw new UsageError("bias_audit.cli.lang");
    lang = l ?? "nl";
    const format = last(opts, "format") ?? "text";
    if (format !== "text" && format !== "json") throw new UsageError("bias_audit.cli.format");
    if (!file) throw new UsageError("bias_audit.cli.file_required");
    const config = configFromArgs(opts, flags);
    const report = await auditCsv(file, config);
    io.stdout(format === "json" ? formatJson(report) : formatText(report, lang));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n\n${BIAS_AUDIT_USAGE}`);
      return 2;
    }
    if (isBiasAuditError(e)) {
      io.stderr(engineText(lang)("bias_audit.cli.error", { code: e.code, message: e.messageIn(lang) }));
      return 2;
    }
    throw e;
  }
}
