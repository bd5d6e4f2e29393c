// A resident reports an error or asks a question about a public entry. No
// login; spam is held off without third-party services: a field people do not
// see (a bot fills it), a signed time stamp of when the form was shown (too
// fast or too old is refused) and a limit per address per hour.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { getPublicEntry } from "./public.ts";
import { notify } from "../../platform/notify.ts";

/** The limits; `minSeconds` is lowered only by a browser journey that cannot wait (the service tests check it). */
export const FEEDBACK: { minSeconds: number; readonly maxAgeHours: number; readonly perAddressPerHour: number } = { minSeconds: 3, maxAgeHours: 24, perAddressPerHour: 5 };
export const FEEDBACK_KINDS = ["error", "question"] as const;

export const FeedbackInput = z.object({
  kind: z.enum(FEEDBACK_KINDS, "register.feedback_kind_required"),
  message: fields.text(2000),
  replyTo: z.string().trim().max(254, "field.too_long").refine((v) => v === "" || z.email().safeParse(v).success, "field.email").optional().transform((v) => (v ? v.toLowerCase() : null)),
  /** The honeypot: a field hidden from people. */
  website: z.string().max(500).optional(),
  /** When the form was shown, signed by the server. */
  formToken: z.string().max(200).optional(),
});

const sign = (deps: Deps, text: string) => createHmac("sha256", deps.config.sessionSecret).update(`register-feedback:${text}`).digest("base64url");

/** The form's time stamp, signed so a bot cannot make up its own. */
export function feedbackFormToken(deps: Deps): string {
  const at = String(deps.now().getTime());
  return `${at}.${sign(deps, at)}`;
}

function formAge(deps: Deps, token: string | undefined): number | null {
  const [at, mac] = (token ?? "").split(".");
  if (!at || !mac || !/^\d{1,15}$/.test(at)) return null;
  const want = Buffer.from(sign(deps, at));
  const got = Buffer.from(mac);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  return (deps.now().getTime() - Number(at)) / 1000;
}

export async function submitFeedback(deps: Deps, lars: string, input: unknown, address: string): Promise<void> {
  const entry = await getPublicEntry(deps, lars);
  const data = parseInput(FeedbackInput, input);
  const age = formAge(deps, data.formToken);
  if (data.website || age === null || age < FEEDBACK.minSeconds || age > FEEDBACK.maxAgeHours * 3600) throw new AppError("rule_refused", "register.feedback_refused");
  const addressHash = sign(deps, `address:${address}`);
  await inTransaction(deps, null, async (tx) => {
    const since = new Date(tx.now().getTime() - 3600 * 1000).toISOString();
    const recent = await tx.db.selectFrom("register_feedback").select((eb) => eb.fn.countAll<string | number>().as("n")).where("address_hash", "=", addressHash).where("created_at", ">", since).executeTakeFirst();
    if (Number(recent?.n ?? 0) >= FEEDBACK.perAddressPerHour) throw new AppError("throttled", "register.feedback_throttled");
    const id = tx.newId();
    await tx.db.insertInto("register_feedback").values({ id, organisation_id: entry.organisationId, entry_id: entry.id, kind: data.kind, message: data.message, reply_to: data.replyTo, address_hash: addressHash, created_at: tx.now().toISOString() }).execute();
    await tx.audit({ action: "register_entry.feedback_received", entityType: "register_entry", entityId: entry.id, after: { kind: data.kind } });
    // The team hears that a resident wrote; what was written they read on the team's page, not in a mail.
    await notify(tx, { organisationId: entry.organisationId, projectId: entry.projectId, projectRoles: ["owner", "lead"], kind: "resident_report", key: `register-feedback:${id}`, message: { key: "notifications.event.resident_report" }, href: `/projects/${encodeURIComponent(entry.projectId)}/register` });
  }, entry.organisationId);
}
