/** All steps' answers of a session as one answer set (each step answers its own questions). */
export function mergedAnswers(rows: { answers_json: string }[]): Record<string, unknown> {
  return Object.assign({}, ...rows.map((r) => JSON.parse(r.answers_json) as Record<string, unknown>));
}
