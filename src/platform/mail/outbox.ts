// The outbox: a mail is a row written in the transaction of the change that caused it,
// so it exists exactly when the change does. The sender (a scheduled job) claims rows,
// sends them and marks them sent. A mail server that is down: the row waits longer each
// time and is sent when the server is back. A claim that ran out while sending (the
// process stopped mid-send) is not sent again — it is marked failed for the administrator,
// because the mail may have left: a crash sends nothing twice.
import { z } from "zod";
import type { Deps } from "../deps.ts";
import { inTransaction } from "../transaction.ts";
import "../scheduler/schema.ts";
import type { OutboxTable } from "../scheduler/schema.ts";
import { MailError, transportFor, type MailTransport } from "./transport.ts";

export interface MailInput {
  organisationId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
}

const LEASE_MS = 5 * 60_000;
export const MAX_MAIL_ATTEMPTS = 8;
const Address = z.string().max(254).email();

/** Waits 1, 2, 4, … minutes after a failed try, at most six hours. */
export function mailBackoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/**
 * Puts a mail in the outbox, in the caller's transaction (pass the Tx). An address that
 * is not one is kept as failed at once (the change itself still stands), so the
 * administrator sees it. Returns the row's id.
 */
export async function enqueueMail(tx: Deps, mail: MailInput): Promise<string> {
  const now = tx.now().toISOString();
  const id = tx.newId();
  const valid = Address.safeParse(mail.to).success && !/[\r\n,;<>]/.test(mail.to);
  await tx.db
    .insertInto("outbox")
    .values({
      id,
      organisation_id: mail.organisationId,
      to_address: mail.to.slice(0, 254),
      subject: mail.subject.replace(/[\r\n]+/g, " ").slice(0, 250),
      text_body: mail.text,
      html_body: mail.html,
      state: valid ? "pending" : "failed",
      attempts: 0,
      next_attempt_at: now,
      last_error: valid ? null : "invalid_address",
      locked_by: null,
      locked_until: null,
      transport: null,
      created_at: now,
      sent_at: null,
    })
    .execute();
  return id;
}

async function claimMail(deps: Deps, workerId: string): Promise<OutboxTable | null> {
  return inTransaction(deps, null, async (tx) => {
    const now = tx.now().toISOString();
    // Interrupted mid-send: it may have left, so it is not sent again.
    await tx.db.updateTable("outbox").set({ state: "failed", last_error: "interrupted", locked_by: null, locked_until: null }).where("state", "=", "sending").where("locked_until", "<", now).execute();
    let query = tx.db.selectFrom("outbox").selectAll().where("state", "=", "pending").where("next_attempt_at", "<=", now).orderBy("next_attempt_at").limit(1);
    if (tx.engine === "postgres") query = query.forUpdate().skipLocked();
    const row = await query.executeTakeFirst();
    if (!row) return null;
    const claim = { state: "sending" as const, locked_by: workerId, locked_until: new Date(tx.now().getTime() + LEASE_MS).toISOString(), attempts: Number(row.attempts) + 1 };
    await tx.db.updateTable("outbox").set(claim).where("id", "=", row.id).execute();
    return { ...row, ...claim };
  });
}

export interface DeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
}

/** Sends what is due in the outbox, one row at a time, until nothing is due (at most `limit`). */
export async function deliverOutbox(deps: Deps, transport: MailTransport = transportFor(deps.config), workerId = `mail-${process.pid}`, limit = 200): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  for (let i = 0; i < limit; i++) {
    const row = await claimMail(deps, workerId);
    if (!row) break;
    const mine = deps.db.updateTable("outbox").where("id", "=", row.id).where("locked_by", "=", workerId).where("state", "=", "sending");
    try {
      await transport.send({ id: row.id, from: deps.config.mailFrom, to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body });
      await mine.set({ state: "sent", sent_at: deps.now().toISOString(), transport: transport.name, locked_by: null, locked_until: null, last_error: null }).execute();
      result.sent++;
    } catch (e) {
      const permanent = e instanceof MailError && e.permanent;
      const message = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
      if (permanent || row.attempts >= MAX_MAIL_ATTEMPTS) {
        await mine.set({ state: "failed", last_error: message, locked_by: null, locked_until: null }).execute();
        result.failed++;
      } else {
        await mine.set({ state: "pending", last_error: message, next_attempt_at: new Date(deps.now().getTime() + mailBackoffMs(row.attempts)).toISOString(), locked_by: null, locked_until: null }).execute();
        result.retrying++;
      }
    }
  }
  return result;
}

/** Mails that could not be sent, of one organisation, newest first: for its administrator. */
export function failedMails(deps: Deps, organisationId: string, limit = 100) {
  return deps.db
    .selectFrom("outbox")
    .select(["id", "to_address", "subject", "attempts", "last_error", "created_at"])
    .where("organisation_id", "=", organisationId)
    .where("state", "=", "failed")
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
}

/** The platform's own scheduled job: the sender, every minute. */
export const mailSenderJob = {
  kind: "mail.send",
  labelKey: "job.mail_send" as const,
  everyMinutes: 1,
  async run(deps: Deps) {
    await deliverOutbox(deps);
  },
};
