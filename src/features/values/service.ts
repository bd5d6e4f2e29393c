// The organisation's value set: created lazily from the defaults, edited by an
// admin, with every change kept as a new version so old records keep the
// meaning they had. One use case per file; this barrel keeps the imports of
// other features (listValues, valueKeys, valueLabels, …) in one place.
export { addValue } from "./add-value.ts";
export { ensureValueSet } from "./ensure-value-set.ts";
export { NewValueInput, VALUE_KEY_PATTERN, VALUE_LIMITS, ValueChangeInput, ValueInput } from "./inputs.ts";
export { getValue, listValues, valueKeys, valueLabels } from "./queries.ts";
export { changeValue, updateValue } from "./update-value.ts";
export type { OrgValue, OrgValueWithHistory, ValueLabel, ValueVersion } from "./value-rows.ts";
