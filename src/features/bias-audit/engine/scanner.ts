// The streaming CSV scanner: walks raw bytes record by record and adds each
// row to the count table. No line is split into strings; only the fields the
// audit needs are looked at. A fast path handles unquoted records (byte tries
// per used column, inline score parsing), the general path everything else.
//
// Implemented in scan-core.mjs: plain JavaScript, so scanner worker threads
// start without a TypeScript loader. Types: scan-core.d.mts.

export { RecordScanner, type RecordScannerOptions, ScanError } from "./scan-core.mjs";
