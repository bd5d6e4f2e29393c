// The daily digest: everything a person chose to get once a day, gathered in one mail.
import type { Deps } from "../../platform/deps.ts";
import { enqueueMail } from "../../platform/mail/outbox.ts";
import type { ScheduledJob } from "../../platform/scheduler/index.ts";
import { inTransaction } from "../../platform/transaction.ts";
import "./schema.ts";
import { composeMail, langOf } from "./words.ts";

/** One mail per person with notifications waiting for the digest; returns how many mails. */
export async function sendDigests(deps: Deps): Promise<number> {
  const people = await deps.db.selectFrom("notifications").select("user_id").distinct().where("delivery", "=", "digest").where("digested_at", "is", null).execute();
  let mails = 0;
  for (const { user_id } of people) {
    mails += await inTransaction(deps, null, async (tx) => {
      const user = await tx.db.selectFrom("users").select(["id", "organisation_id", "name", "email", "locale", "active"]).where("id", "=", user_id).executeTakeFirst();
      const items = await tx.db.selectFrom("notifications").selectAll().where("user_id", "=", user_id).where("delivery", "=", "digest").where("digested_at", "is", null).orderBy("created_at").execute();
      if (!items.length) return 0;
      const now = tx.now().toISOString();
      await tx.db.updateTable("notifications").set({ digested_at: now }).where("id", "in", items.map((i) => i.id)).execute();
      if (!user || !user.active) return 0;
      const mail = composeMail({ lang: langOf(user.locale), name: user.name, baseUrl: tx.config.baseUrl, items, digest: true });
      await enqueueMail(tx, { organisationId: user.organisation_id, to: user.email, ...mail });
      return 1;
    });
  }
  return mails;
}

export const digestJob: ScheduledJob = {
  kind: "notifications.digest",
  labelKey: "notifications.job.digest",
  everyMinutes: 24 * 60,
  async run(deps) {
    await sendDigests(deps);
  },
};
