// Reads instruments/<id>/<version>.yaml, keeps line numbers while parsing, and
// refuses the whole set when one file is wrong: a half-loaded instrument set
// would let responses pin versions that do not exist.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkSchema } from "./schema-check.ts";
import { crossCheck } from "./cross-check.ts";
import { formatPath, type SourceMap } from "./source-map.ts";
import { readYamlSource, refuseIssues } from "./yaml-source.ts";
import { InstrumentLoadError, type InstrumentFileProblem } from "./errors.ts";
import { InstrumentRegistry } from "./registry.ts";
import { VERSION_FILE } from "./semver.ts";
import type { Instrument, Question } from "./types.ts";
import { prefillCompatible } from "./prefill.ts";

/** The repository's own instruments folder. */
export const INSTRUMENTS_DIR = fileURLToPath(new URL("../../instruments", import.meta.url));

export interface LoadOptions {
  /** The organisation's value keys; value tags outside this set are refused. */
  valueKeys?: Iterable<string>;
}

interface ParsedFile {
  instrument: Instrument;
  file: string;
  sourceMap: SourceMap;
}

export function loadInstruments(dir: string = INSTRUMENTS_DIR, options: LoadOptions = {}): InstrumentRegistry {
  const valueKeys = options.valueKeys ? new Set(options.valueKeys) : undefined;
  const root = basename(dir);
  const parsed: ParsedFile[] = [];
  const problems: InstrumentFileProblem[] = [];

  for (const id of readdirSync(dir).sort()) {
    const folder = join(dir, id);
    if (!statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder).sort()) {
      const file = `${root}/${id}/${name}`;
      const match = VERSION_FILE.exec(name);
      if (!match) {
        problems.push({ file, line: 1, reason: "instrument files must be named <major>.<minor>.<patch>.yaml" });
        continue;
      }
      try {
        const text = readFileSync(join(folder, name), "utf8");
        parsed.push(parseInstrumentFile(text, file, { expectedId: id, expectedVersion: match[1], valueKeys }));
      } catch (error) {
        if (error instanceof InstrumentLoadError) problems.push(...error.problems);
        else throw error;
      }
    }
  }
  problems.push(...checkPrefillReferences(parsed));
  if (problems.length > 0) throw new InstrumentLoadError(problems);
  return new InstrumentRegistry(parsed.map((p) => p.instrument));
}

export interface ParseOptions {
  expectedId?: string;
  expectedVersion?: string;
  valueKeys?: ReadonlySet<string>;
}

/** Parses and checks one file's text; `file` is only used in messages. */
export function parseInstrumentFile(text: string, file: string, options: ParseOptions = {}): ParsedFile {
  const { value, sourceMap } = readYamlSource(text, file);
  const schemaIssue = checkSchema(value);
  if (schemaIssue) refuseIssues(file, sourceMap, [schemaIssue], " ");
  const instrument = value as Instrument;
  refuseIssues(file, sourceMap, crossCheck(instrument, options));
  return { instrument, file, sourceMap };
}

function checkPrefillReferences(files: ParsedFile[]): InstrumentFileProblem[] {
  const problems: InstrumentFileProblem[] = [];
  // Checked against every loaded version of the source, so a source may move on without breaking older targets.
  const questionsOf = new Map<string, Map<string, Question>>();
  for (const { instrument } of files) {
    const ids = questionsOf.get(instrument.id) ?? new Map<string, Question>();
    instrument.sections.forEach((s) => s.questions.forEach((q) => ids.set(q.id, q)));
    questionsOf.set(instrument.id, ids);
  }
  for (const { instrument, file, sourceMap } of files) {
    instrument.sections.forEach((section, s) =>
      section.questions.forEach((question, q) => {
        const from = question.prefill_from;
        if (!from) return;
        const path = ["sections", s, "questions", q, "prefill_from"];
        const target = questionsOf.get(from.instrument);
        const source = target?.get(from.question);
        const reason = !target
          ? `instrument '${from.instrument}' does not exist`
          : !source
            ? `instrument '${from.instrument}' has no question '${from.question}'`
            : !prefillCompatible(question, source)
              ? `cannot prefill a ${question.type} question from '${from.question}', which is ${source.type}`
              : null;
        if (reason) problems.push({ file, line: sourceMap.lineOf(path), reason: `${formatPath(path)}: ${reason}` });
      }),
    );
  }
  return problems;
}
