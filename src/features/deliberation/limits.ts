/** Moral deliberation's text limits: the schemas and the forms' maxlength read them from here. */
export const LIMITS = {
  title: 200,
  caseDescription: 8000,
  name: 120,
  moralQuestion: 2000,
  stakeholders: 8000,
  options: 8000,
  conclusion: 8000,
  position: 2000,
  arguments: 8000,
  actionTitle: 200,
  actionDescription: 4000,
  topic: 200,
  participantNames: 20000,
  date: 10,
} as const;
