/** The committee's text limits: the schemas and the forms' maxlength read them from here. */
export const LIMITS = {
  title: 200,
  question: 8000,
  submitter: 200,
  technology: 60,
  technologies: 400,
  domain: 80,
  advice: 20000,
  reasons: 8000,
  fgNote: 8000,
  responseWeeks: 2,
  search: 200,
  date: 10,
} as const;
