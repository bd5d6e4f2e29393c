import { codeOf } from "../../../test/support/refusals.ts";
import { expect, it } from "vitest";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { describeEachEngine } from "../../../test/support/database.ts";
import { AppError } from "../../platform/errors.ts";
import { verifyAllChains } from "../../platform/audit-log/verify-chain.ts";
import { assignRole, createUser, getUser, listUsers, removeRole, resetPassword, setUserActive, updateUser } from "./service.ts";
import { logIn } from "../account/service.ts";


describeEachEngine("user and role management", (get) => {
  it("an admin adds a user, gives a role, and the change is in the audit log", async () => {
    const { deps } = get();
    const { users } = await organisationWith(deps, "alpha", { admin: ["admin"] });
    const admin = await users.admin!.actor();
    const id = await createUser(deps, admin, { name: "Nieuwe Collega", email: "Nieuw@Alpha.example", password: PASSWORD });
    await assignRole(deps, admin, id, { role: "fg" });
    const user = await getUser(deps, admin, id);
    expect(user.email).toBe("nieuw@alpha.example");
    expect(user.assignments.map((a) => a.role)).toEqual(["fg"]);
    const events = await deps.db.selectFrom("audit_events").select(["action", "entity_id", "actor_label"]).where("entity_id", "=", id).orderBy("seq").execute();
    expect(events.map((e) => e.action)).toEqual(["user.created", "role.assigned"]);
    expect(events.every((e) => e.actor_label === "admin alpha")).toBe(true);
  });

  it("nobody can make themselves admin, and the last admin cannot be removed", async () => {
    const { deps } = get();
    const { users } = await organisationWith(deps, "beta", { admin: ["admin"], fg: ["fg"] });
    const admin = await users.admin!.actor();
    expect(await codeOf(assignRole(deps, admin, admin.userId, { role: "admin" }))).toBe("forbidden:role.no_self_admin");
    // A non-admin cannot assign roles at all, so also not to themselves.
    const fg = await users.fg!.actor();
    expect(await codeOf(assignRole(deps, fg, fg.userId, { role: "admin" }))).toBe("forbidden:error.forbidden");
    const own = (await getUser(deps, admin, admin.userId)).assignments[0]!;
    expect(await codeOf(removeRole(deps, admin, own.id))).toBe("rule_refused:role.last_admin");
  });

  it("refuses bad role input and changes nothing", async () => {
    const { deps } = get();
    const { users } = await organisationWith(deps, "gamma", { admin: ["admin"], x: [] });
    const admin = await users.admin!.actor();
    const before = await deps.db.selectFrom("audit_events").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
    expect(await codeOf(assignRole(deps, admin, users.x!.id, { role: "emperor" }))).toBe("validation:field.invalid_choice");
    expect(await codeOf(assignRole(deps, admin, users.x!.id, { role: "owner" }))).toBe("validation:role.project_required");
    expect(await codeOf(assignRole(deps, admin, users.x!.id, { role: "owner", projectId: "nope" }))).toBe("validation:role.project_unknown");
    expect(await codeOf(assignRole(deps, admin, users.x!.id, { role: "fg", projectId: "p1" }))).toBe("validation:role.org_role_no_project");
    await assignRole(deps, admin, users.x!.id, { role: "vic" });
    expect(await codeOf(assignRole(deps, admin, users.x!.id, { role: "vic" }))).toBe("conflict:role.already_assigned");
    expect(await codeOf(createUser(deps, admin, { name: "", email: "x", password: "kort" }))).toBe("validation:field.required");
    expect(await codeOf(createUser(deps, admin, { name: "a".repeat(121), email: "a@b.example", password: PASSWORD }))).toBe("validation:field.too_long");
    expect(await codeOf(createUser(deps, admin, { name: "Kort", email: "k@b.example", password: "kort" }))).toBe("validation:password.too_short");
    expect(await codeOf(createUser(deps, admin, { name: "Dubbel", email: users.x!.email, password: PASSWORD }))).toBe("validation:user.email_taken");
    const after = await deps.db.selectFrom("audit_events").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
    expect(Number(after!.n)).toBe(Number(before!.n) + 1);
  });

  it("deactivating and resetting a password end the user's sessions", async () => {
    const { deps } = get();
    const { users } = await organisationWith(deps, "delta", { admin: ["admin"], fg: ["fg"] });
    const admin = await users.admin!.actor();
    await logIn(deps, { email: users.fg!.email, password: PASSWORD }, "10.0.0.1");
    const sessions = () => deps.db.selectFrom("sessions").select("id").where("user_id", "=", users.fg!.id).execute();
    expect(await sessions()).toHaveLength(1);
    await resetPassword(deps, admin, users.fg!.id, { password: "een heel nieuw wachtwoord" });
    expect(await sessions()).toHaveLength(0);
    await logIn(deps, { email: users.fg!.email, password: "een heel nieuw wachtwoord" }, "10.0.0.1");
    await setUserActive(deps, admin, users.fg!.id, false);
    expect(await sessions()).toHaveLength(0);
    expect(await codeOf(logIn(deps, { email: users.fg!.email, password: "een heel nieuw wachtwoord" }, "10.0.0.1"))).toBe("unauthenticated:login.failed");
    expect(await codeOf(setUserActive(deps, admin, admin.userId, false))).toBe("rule_refused:user.cannot_deactivate_self");
  });

  it("two organisations see nothing of each other", async () => {
    const { deps } = get();
    const a = await organisationWith(deps, "oost", { admin: ["admin"], fg: ["fg"] });
    const b = await organisationWith(deps, "west", { admin: ["admin"], fg: ["fg"] });
    const adminA = await a.users.admin!.actor();
    const listed = await listUsers(deps, adminA);
    expect(listed.items.map((u) => u.email).sort()).toEqual(["admin@oost.example", "fg@oost.example"]);
    // Forged ids of the other organisation are simply not found, and nothing changes.
    const foreign = b.users.fg!.id;
    expect(await codeOf(getUser(deps, adminA, foreign))).toBe("not_found:error.not_found");
    expect(await codeOf(updateUser(deps, adminA, foreign, { name: "Overgenomen", email: "x@oost.example" }))).toBe("not_found:error.not_found");
    expect(await codeOf(assignRole(deps, adminA, foreign, { role: "cio" }))).toBe("not_found:error.not_found");
    expect(await codeOf(setUserActive(deps, adminA, foreign, false))).toBe("not_found:error.not_found");
    expect(await codeOf(resetPassword(deps, adminA, foreign, { password: PASSWORD }))).toBe("not_found:error.not_found");
    const foreignAssignment = (await getUser(deps, await b.users.admin!.actor(), foreign)).assignments[0]!;
    expect(await codeOf(removeRole(deps, adminA, foreignAssignment.id))).toBe("not_found:error.not_found");
    const untouched = await getUser(deps, await b.users.admin!.actor(), foreign);
    expect(untouched.name).toBe("fg west");
    expect(untouched.active).toBe(true);
    // Each organisation has its own intact chain.
    const chains = await verifyAllChains(deps.db);
    expect(chains.filter((c) => c.chain === a.organisationId || c.chain === b.organisationId)).toHaveLength(2);
    expect(chains.every((c) => c.broken === null)).toBe(true);
  });
});
