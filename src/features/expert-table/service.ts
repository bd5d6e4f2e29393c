// The expert table's use cases, one per file; this module is their one entrance for the rest of the application.
export { canScheduleRequests, canWriteAdvice, isTableMember, recommendationRef } from "./access.ts";
export { addRecommendation, RecommendationInput } from "./add-recommendation.ts";
export { RecommendationText } from "./advice-rows.ts";
export { adviceTurnaround, expertAdviceState, recommendationResponses } from "./figures.ts";
export { finaliseAdvice } from "./finalise-advice.ts";
export { getAdviceRequest } from "./get-advice-request.ts";
export { latestRequestForProject, ListRequestsQuery, listAdviceRequests, projectsActorMayRequestFor, REQUEST_STATUSES } from "./list-advice-requests.ts";
export { MeasureFromRecommendationInput, recommendationToMeasure } from "./recommendation-to-measure.ts";
export { removeRecommendation } from "./remove-recommendation.ts";
export { requestAdvice, RequestAdviceInput } from "./request-advice.ts";
export { RespondInput, respondToRecommendation } from "./respond-to-recommendation.ts";
export { AdviceInput, saveAdvice } from "./save-advice.ts";
export { scheduleAdviceRequest, ScheduleInput } from "./schedule-advice-request.ts";
export type { AdviceRequestListItem, AdviceRequestView, AdviceView, RecommendationResponse, RecommendationView, RequestStatus } from "./types.ts";
