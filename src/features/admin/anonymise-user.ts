// A user who has left: their name and e-mail address are replaced everywhere
// outside the audit trail, so the records they worked on keep saying "someone
// did this" without saying who. The trail itself is hash-chained and stays as
// it was (it names the user by id; the label it recorded at the time stays in
// the signed history, which is what the 3rd line needs to audit).
import { sql } from "kysely";
import { randomBytes } from "node:crypto";
import { can, type Actor } from "../../domain/permissions/permissions.ts";
import { endUserAccess } from "../../platform/auth/sessions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, notFound } from "../../platform/errors.ts";
import { retentionCutoffs, type RetentionPeriod, type RetentionTask } from "../../platform/retention.ts";
import { inTransaction, lockForUpdate, type Tx } from "../../platform/transaction.ts";

/**
 * Where a feature keeps something of a person beside their id: a name as it
 * was written (e.g. gate_decisions.decided_by_name beside decided_by), which
 * anonymising replaces, or rows that only link the person (an identity at a
 * provider), which it removes.
 */
export type PersonalData = { table: string; name: string; by: string } | { table: string; by: string; remove: true };

declare module "../../platform/feature.ts" {
  interface ExtensionPoints {
    /** Where a feature keeps people's names or links beside their ids. */
    personalData: PersonalData;
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

const ANONYMOUS_DOMAIN = "@anoniem.invalid";

/** Has this account been anonymised already? (Its address is on a domain that cannot exist.) */
export function isAnonymised(email: string): boolean {
  return email.endsWith(ANONYMOUS_DOMAIN);
}

/** The label an anonymised user gets: the same in every record, and never a real name. */
export function anonymousLabel(userId: string): string {
  return `Oud-medewerker ${userId.replace(/[^A-Za-z0-9]/g, "").slice(-6)}`;
}

/**
 * Replaces a deactivated user's name and e-mail address (in their account and
 * in every record that copied the name), ends their access, removes their
 * links to an identity provider and makes their password unusable. Refused
 * for an active user (deactivate first) and for oneself.
 */
export async function anonymiseUser(deps: Deps, actor: Actor, userId: string): Promise<void> {
  if (!can(actor, "users.manage")) throw forbidden();
  if (userId === actor.userId) throw new AppError("rule_refused", "user.cannot_anonymise_self");
  await inTransaction(deps, actor, async (tx) => {
    const user = await lockForUpdate(tx, tx.db.selectFrom("users").select(["id", "active", "email"]).where("id", "=", userId).where("organisation_id", "=", actor.organisationId)).executeTakeFirst();
    if (!user) throw notFound();
    if (user.active === 1) throw new AppError("rule_refused", "user.anonymise_active");
    if (isAnonymised(user.email)) throw new AppError("conflict", "user.already_anonymised");
    await writeAnonymisation(tx, userId);
  });
}

/** The writes of an anonymisation and its event, for a user already checked (and locked) by the caller. */
async function writeAnonymisation(tx: Tx, userId: string): Promise<void> {
  const label = anonymousLabel(userId);
  let records = 0;
  for (const place of tx.extensions.get("personalData")) {
    const names = "remove" in place ? [place.table, place.by] : [place.table, place.name, place.by];
    if (!names.every((n) => IDENTIFIER.test(n))) throw new Error(`personalData: not an identifier in ${JSON.stringify(place)}`);
    const result =
      "remove" in place
        ? await sql`delete from ${sql.table(place.table)} where ${sql.ref(place.by)} = ${userId}`.execute(tx.db)
        : await sql`update ${sql.table(place.table)} set ${sql.ref(place.name)} = ${label} where ${sql.ref(place.by)} = ${userId}`.execute(tx.db);
    records += Number(result.numAffectedRows ?? 0);
  }
  await tx.db
    .updateTable("users")
    .set({ name: label, email: `${userId.replace(/[^A-Za-z0-9-]/g, "")}${ANONYMOUS_DOMAIN}`, password_hash: `!anoniem:${randomBytes(16).toString("hex")}`, updated_at: tx.now().toISOString() })
    .where("id", "=", userId)
    .execute();
  await endUserAccess(tx.db, userId, tx.now());
  await tx.audit({ action: "user.anonymised", entityType: "user", entityId: userId, after: { label, records } });
}

/** An organisation may have departed users anonymised automatically, a set number of days after they were deactivated. Off unless set. */
export const ANONYMISE_AFTER: RetentionPeriod = {
  key: "users.anonymise_after_deactivation",
  labelKey: "retention.users_anonymise",
  hintKey: "retention.users_anonymise_hint",
  defaultDays: null,
  minDays: 30,
  maxDays: 3650,
  mayKeep: true,
};

/** Anonymises the users deactivated longer ago than their organisation's period; each event on the organisation's own chain. */
async function anonymiseDeparted(tx: Tx): Promise<number> {
  let done = 0;
  for (const { organisationId, before } of await retentionCutoffs(tx, ANONYMISE_AFTER)) {
    const departed = await lockForUpdate(
      tx,
      tx.db
        .selectFrom("users")
        .select(["id", "email"])
        .where("organisation_id", "=", organisationId)
        .where("active", "=", 0)
        .where("deactivated_at", "is not", null)
        .where("deactivated_at", "<=", before),
    ).execute();
    for (const user of departed) {
      if (isAnonymised(user.email)) continue;
      await inTransaction(tx, null, (own) => writeAnonymisation(own, user.id), organisationId);
      done++;
    }
  }
  return done;
}

export const anonymiseRetention: RetentionTask[] = [{ name: "usersAnonymised", run: anonymiseDeparted }];
