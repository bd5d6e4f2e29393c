// Reading a YAML data file (an instrument, the Algoritmekader) so that every
// later problem can name its line: the parsed value, a map from paths back to
// lines, and one way to turn problems into the load error start-up reports.
import { LineCounter, parseDocument } from "yaml";
import { createSourceMap, formatPath, type DataPath, type SourceMap } from "./source-map.ts";
import { InstrumentLoadError } from "./errors.ts";

export interface YamlSource {
  value: unknown;
  sourceMap: SourceMap;
}

/** Parses one file's text; a syntax error or a duplicate key is refused with its line. `file` is only used in messages. */
export function readYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lineCounter.linePos(yamlError.pos[0]).line;
    throw new InstrumentLoadError([{ file, line, reason: `YAML: ${yamlError.message.split("\n")[0]}` }]);
  }
  return { value: doc.toJS(), sourceMap: createSourceMap(doc, lineCounter) };
}

export interface PathIssue {
  path: DataPath;
  reason: string;
  pointAtKey?: boolean;
}

/** Throws the issues as one load error, each with the line its path points at; returns when there are none. */
export function refuseIssues(file: string, sourceMap: SourceMap, issues: readonly PathIssue[], separator = ": "): void {
  if (issues.length === 0) return;
  throw new InstrumentLoadError(
    issues.map((i) => ({ file, line: sourceMap.lineOf(i.path, { pointAtKey: i.pointAtKey }), reason: `${formatPath(i.path)}${separator}${i.reason}` })),
  );
}
