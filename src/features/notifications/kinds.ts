// The kinds of notification a person can choose a delivery for, and what each gets by default.
export const NOTIFICATION_KINDS = ["requested", "outcome", "due_soon", "overdue", "resident_report"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const DELIVERIES = ["immediate", "digest", "app"] as const;
export type Delivery = (typeof DELIVERIES)[number];

export const DEFAULT_DELIVERY: Record<NotificationKind, Delivery> = {
  requested: "immediate",
  outcome: "immediate",
  due_soon: "digest",
  overdue: "digest",
  resident_report: "immediate",
};

export function isNotificationKind(x: string): x is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(x);
}

/** Days before a due date that "due soon" is told. */
export const DUE_SOON_DAYS = 3;
