/** The expert table's text limits: the schemas and the forms' maxlength read them from here. */
export const LIMITS = {
  question: 4000,
  summary: 8000,
  finding: 4000,
  recommendation: 4000,
  response: 4000,
  meetingTitle: 200,
  meetingNotes: 2000,
  date: 10,
} as const;
