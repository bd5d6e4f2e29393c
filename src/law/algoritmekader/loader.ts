// Reads law/algoritmekader/<version>.yaml and refuses the whole set when one
// file is wrong, with file, line and reason, as the instruments do: project
// statuses pin a framework version, so a half-loaded set would break them.
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { InstrumentLoadError, type InstrumentFileProblem } from "../../instruments/errors.ts";
import { VersionedRegistry } from "../../instruments/registry.ts";
import { compileSchema, schemaIssue } from "../../instruments/schema-check.ts";
import { VERSION_FILE } from "../../instruments/semver.ts";
import { readYamlSource, refuseIssues } from "../../instruments/yaml-source.ts";
import { crossCheckFramework } from "./cross-check.ts";
import { frameworkSchema } from "./schema.ts";
import type { Framework } from "./types.ts";

/** The repository's own folder of Algoritmekader versions. */
export const FRAMEWORK_DIR = fileURLToPath(new URL("../../../law/algoritmekader", import.meta.url));

/** A broken framework file: the same file, line and reason as a broken instrument, so start-up reports it alike. */
export class FrameworkLoadError extends InstrumentLoadError {
  constructor(problems: readonly InstrumentFileProblem[]) {
    super(problems);
    this.name = "FrameworkLoadError";
  }
}

export class FrameworkRegistry extends VersionedRegistry<Framework> {
  latestFramework(): Framework | undefined {
    return this.latest("algoritmekader");
  }

  framework(version: string): Framework | undefined {
    return this.get("algoritmekader", version);
  }
}

const validate = compileSchema(frameworkSchema);

export function loadFrameworks(dir: string = FRAMEWORK_DIR): FrameworkRegistry {
  const folder = `${basename(dirname(dir))}/${basename(dir)}`;
  const frameworks: Framework[] = [];
  const problems: InstrumentFileProblem[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith(".md")) continue;
    const file = `${folder}/${name}`;
    const match = VERSION_FILE.exec(name);
    if (!match) {
      problems.push({ file, line: 1, reason: "framework files must be named <major>.<minor>.<patch>.yaml" });
      continue;
    }
    try {
      frameworks.push(parseFrameworkFile(readFileSync(join(dir, name), "utf8"), file, match[1]));
    } catch (error) {
      if (error instanceof InstrumentLoadError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length > 0) throw new FrameworkLoadError(problems);
  if (frameworks.length === 0) throw new FrameworkLoadError([{ file: folder, line: 1, reason: "no framework version found" }]);
  return new FrameworkRegistry(frameworks);
}

/** Parses and checks one file's text; `file` is only used in messages. */
export function parseFrameworkFile(text: string, file: string, expectedVersion?: string): Framework {
  try {
    const { value, sourceMap } = readYamlSource(text, file);
    const issue = schemaIssue(validate, value, "does not match the Algoritmekader schema");
    if (issue) refuseIssues(file, sourceMap, [issue], " ");
    const framework = value as Framework;
    refuseIssues(file, sourceMap, crossCheckFramework(framework, { expectedVersion }));
    return framework;
  } catch (error) {
    if (error instanceof InstrumentLoadError && !(error instanceof FrameworkLoadError)) throw new FrameworkLoadError(error.problems);
    throw error;
  }
}
