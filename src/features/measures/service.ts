// Measures: what a project does about its risks, advice, canvas actions and
// findings. One use case per file; this barrel keeps the imports of other
// features (createMeasure, listMeasures, MEASURE_LIMITS, …) in one place.
export { addMeasure, createMeasure, type NewMeasure } from "./add-measure.ts";
export { changeMeasure } from "./change-measure.ts";
export {
  ChangeMeasureInput,
  CreateMeasureInput,
  MEASURE_LIMITS,
  MEASURE_STATUSES,
  MeasureStatusInput,
  NewMeasureBody,
  REVIEW_CADENCES,
  SETTABLE_STATUSES,
  SignOffInput,
  SOURCE_TYPES,
  UpdateMeasureInput,
  type MeasureSourceType,
  type MeasureStatus,
  type ReviewCadence,
} from "./inputs.ts";
export type { Measure } from "./measure-rows.ts";
export { getMeasure, listMeasures, measureCounts } from "./queries.ts";
export { maySignOff } from "./rules.ts";
export { setMeasureStatus } from "./set-measure-status.ts";
export { signOffMeasure } from "./sign-off-measure.ts";
export { updateMeasure } from "./update-measure.ts";
