// Byte-level helpers for the scanner. Numbers are parsed straight from the
// bytes; only unusual notations fall back to Number() on a decoded string.
// Implemented in scan-core.mjs (plain JavaScript, shared with the scanner workers).

export { bytesEqual, decodeField, parseBoolean, parseNumber } from "./scan-core.mjs";
