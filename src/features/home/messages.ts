// The start page's words.
export const nl = {
  "home.inbox.title": "Wacht op u",
  "home.inbox.title_count": "Wacht op u ({count})",
  "home.inbox.empty": "Er wacht niets op u.",
  "home.inbox.empty_more": "Als iemand iets van u vraagt, staat het hier.",
  "home.inbox.project": "Project",
  "home.inbox.since": "Sinds {date}",
  "home.inbox.due": "Uiterlijk {date}",
  "home.inbox.overdue": "Te laat",
  "home.inbox.caption": "Wat op u wacht, het oudste en wat te laat is eerst",
  "home.more": "Meer",
};

export const en: Record<keyof typeof nl, string> = {
  "home.inbox.title": "Waiting for you",
  "home.inbox.title_count": "Waiting for you ({count})",
  "home.inbox.empty": "Nothing is waiting for you.",
  "home.inbox.empty_more": "When someone asks something of you, it shows here.",
  "home.inbox.project": "Project",
  "home.inbox.since": "Since {date}",
  "home.inbox.due": "Due {date}",
  "home.inbox.overdue": "Overdue",
  "home.inbox.caption": "What waits for you, overdue and oldest first",
  "home.more": "More",
};

declare module "../../platform/i18n/index.ts" {
  interface MessageKeys extends Record<keyof typeof nl, true> {}
}
