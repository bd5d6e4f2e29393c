/** AI literacy's limits: the schemas and the forms' maxlength read them from here. */
export const LIMITS = {
  title: 200,
  description: 2000,
  /** Months a training stays valid: at most ten years. */
  maxValidityMonths: 120,
  /** People in one session. */
  maxParticipants: 500,
  date: 10,
  id: 64,
} as const;

/** A training that expires within this many days is shown as "expires soon". */
export const EXPIRING_DAYS = 60;
