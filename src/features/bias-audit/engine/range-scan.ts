// Scans one byte range of a CSV file (synchronous reads into one reused
// buffer). A range owns the records that *start* inside it: it skips the
// partial record at its start and reads past its end to finish its last one.
// Implemented in scan-core.mjs (shared with the plain-JavaScript scan worker).

export { type RangeOutcome, type RangeTask, type ScanStats, scanRange } from "./scan-core.mjs";
