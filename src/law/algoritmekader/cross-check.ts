// Checks the schema cannot express: unique ids, references that resolve (laws,
// evidence links, served requirements), fact values that exist, the phase list
// in its order, a measure's code matching its main phase, and every requirement
// of the named version present.
import type { DataPath } from "../../instruments/source-map.ts";
import type { PathIssue } from "../../instruments/yaml-source.ts";
import { EVIDENCE_FACTS, PHASE_IDS, type EvidenceCondition, type Framework } from "./types.ts";

/** The measure code's main phase (`owp` → ontwerp). */
const MAIN_PHASE: Record<string, (typeof PHASE_IDS)[number]> = {
  org: "organisatieverantwoordelijkheden",
  pba: "probleemanalyse",
  owp: "ontwerp",
  dat: "dataverkenning-en-datapreparatie",
  owk: "ontwikkelen",
  ver: "verificatie-en-validatie",
  imp: "implementatie",
  mon: "monitoring-en-beheer",
  uit: "uitfaseren",
};

export interface FrameworkCheckOptions {
  /** The version the file name claims. */
  expectedVersion?: string;
}

export function crossCheckFramework(framework: Framework, options: FrameworkCheckOptions = {}): PathIssue[] {
  const issues: PathIssue[] = [];
  const add = (path: DataPath, reason: string) => issues.push({ path, reason });
  const unique = (items: ReadonlyArray<{ id: string }>, key: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) add([key, i, "id"], `duplicate id '${item.id}'`);
      seen.add(item.id);
    });
    return seen;
  };

  if (options.expectedVersion !== undefined && framework.version !== options.expectedVersion) {
    add(["version"], `is '${framework.version}' but the file is named '${options.expectedVersion}.yaml'`);
  }
  framework.phases.forEach((p, i) => {
    if (p.id !== PHASE_IDS[i] || p.number !== i) add(["phases", i], `phase ${i} must be '${PHASE_IDS[i]}' with number ${i}`);
  });
  const laws = unique(framework.laws, "laws");
  const links = unique(framework.evidence_links, "evidence_links");
  const requirements = unique(framework.requirements, "requirements");
  unique(framework.measures, "measures");

  if (framework.requirements.length !== framework.counts.requirements) {
    add(["requirements"], `holds ${framework.requirements.length} requirements but version ${framework.version} has ${framework.counts.requirements}`);
  }
  if (framework.measures.length > framework.counts.measures) {
    add(["measures"], `holds ${framework.measures.length} measures, more than the ${framework.counts.measures} of version ${framework.version}`);
  }
  framework.evidence_links.forEach((link, i) => checkCondition(link.when, ["evidence_links", i, "when"], add));
  framework.requirements.forEach((r, i) => {
    r.sources.forEach((s, j) => {
      if (!laws.has(s.law)) add(["requirements", i, "sources", j, "law"], `law '${s.law}' is not declared under laws`);
    });
    (r.evidence ?? []).forEach((e, j) => {
      if (!links.has(e)) add(["requirements", i, "evidence", j], `evidence link '${e}' is not declared under evidence_links`);
    });
  });
  framework.measures.forEach((m, i) => {
    const code = /:(\w+)-\d{2}$/.exec(m.id)?.[1] ?? "";
    const main = MAIN_PHASE[code];
    if (main && !m.phases.includes(main)) add(["measures", i, "phases"], `a '${code}' measure must include its main phase '${main}'`);
    const key = m.serves ? "serves" : "serves_all_except";
    (m.serves ?? m.serves_all_except ?? []).forEach((r, j) => {
      if (!requirements.has(r)) add(["measures", i, key, j], `requirement '${r}' does not exist`);
    });
  });
  return issues;
}

function checkCondition(c: EvidenceCondition, path: DataPath, add: (path: DataPath, reason: string) => void): void {
  if ("all" in c) return c.all.forEach((x, i) => checkCondition(x, [...path, "all", i], add));
  if ("any" in c) return c.any.forEach((x, i) => checkCondition(x, [...path, "any", i], add));
  if ("not" in c) return checkCondition(c.not, [...path, "not"], add);
  const kind = EVIDENCE_FACTS[c.fact];
  const compared = [c.equals, ...(c.in ?? [])].filter((v) => v !== undefined);
  if (Array.isArray(kind)) {
    if (c.gte !== undefined) add(path, `'${c.fact}' is not a count: use equals or in`);
    for (const v of compared) if (!kind.includes(v as never)) add(path, `'${String(v)}' is not a value of '${c.fact}' (${kind.join(", ")})`);
  } else if (kind === "boolean") {
    if (c.gte !== undefined || c.in !== undefined || typeof c.equals !== "boolean") add(path, `'${c.fact}' is true or false: use equals: true or equals: false`);
  } else if (c.gte === undefined && typeof c.equals !== "number") {
    add(path, `'${c.fact}' is a count: use gte or a number`);
  }
}
