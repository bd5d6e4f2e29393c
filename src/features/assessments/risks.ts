// The risk register's public surface: reading (risk-register.ts) and one use
// case per change.
export * from "./risk-register.ts";
export { addRisk, insertRisk } from "./add-risk.ts";
export { removeRisk, updateRisk } from "./update-risk.ts";
export { addMeasureForRisk, linkMeasure, LinkMeasureInput, NewRiskMeasureInput, unlinkMeasure } from "./link-measure.ts";
