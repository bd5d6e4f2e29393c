import { expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { organisationWith } from "../../../test/support/fixtures.ts";
import { verifyAllChains } from "../../platform/audit-log/verify-chain.ts";
import { AppError } from "../../platform/errors.ts";
import { addValue, changeValue, ensureValueSet, getValue, valueKeys } from "./service.ts";

describeEachEngine("values: changes under concurrency", (get) => {
  it("twenty first uses at once make one value set; twenty additions of one key make one value", async () => {
    const { deps, db } = get();
    const { organisationId, users } = await organisationWith(deps, "gelijk", { admin: ["admin"] });
    await Promise.all(Array.from({ length: 20 }, () => ensureValueSet(deps, organisationId)));
    expect(await valueKeys(deps, organisationId)).toHaveLength(12);
    const initialised = await db.selectFrom("audit_events").select("id").where("action", "=", "values.initialised").where("entity_id", "=", organisationId).execute();
    expect(initialised).toHaveLength(1);

    const admin = await users.admin!.actor();
    const added = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => addValue(deps, admin, { key: "duurzaamheid", nameNl: `Duurzaamheid ${i}`, nameEn: "Sustainability" })));
    expect(added.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = added.flatMap((r) => (r.status === "rejected" && r.reason instanceof AppError ? [r.reason.fieldErrors[0]?.messageKey] : []));
    expect(refused).toEqual(Array(19).fill("values.key_taken"));

    // Twenty changes at once each become a version of their own, none lost.
    await Promise.all(Array.from({ length: 20 }, (_, i) => changeValue(deps, admin, "privacy", { descriptionNl: `Versie ${i + 2}` })));
    const privacy = await getValue(deps, admin, "privacy");
    expect(privacy.version).toBe(21);
    expect(privacy.history.map((h) => h.version)).toEqual(Array.from({ length: 21 }, (_, i) => 21 - i));
    const chain = (await verifyAllChains(db)).find((r) => r.chain === organisationId)!;
    expect(chain.broken).toBeNull();
  });
});
