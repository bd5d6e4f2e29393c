// One error type for a broken instrument file, so start-up can stop with the
// file, the line and the reason in its message.

export interface InstrumentFileProblem {
  file: string;
  line: number;
  reason: string;
}

export class InstrumentLoadError extends Error {
  readonly code = "instrument_invalid";
  readonly problems: readonly InstrumentFileProblem[];

  constructor(problems: readonly InstrumentFileProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}: ${p.reason}`).join("\n"));
    this.name = "InstrumentLoadError";
    this.problems = problems;
  }
}
