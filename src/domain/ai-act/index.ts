// The AI Act classification: pure rules over the answers of the
// ai-act-classification instrument; see classify.ts.
export * from "./types.ts";
export { classify } from "./classify.ts";
export { ClassificationDefinitionError } from "./fired-rules.ts";
export { classificationImplications, type ClassificationImplications, type GateRequirement } from "./implications.ts";
export { AI_ACT_INSTRUMENT_ID } from "./implications.ts";
