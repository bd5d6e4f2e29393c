import { existsSync, writeFileSync } from "node:fs";
import { expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import {
  attachBiasAudit,
  deleteBiasAudit,
  ensureUploadDir,
  failInterruptedBiasAudits,
  getBiasAudit,
  getBiasAuditReport,
  listBiasAudits,
  prepareUpload,
  registerUpload,
  startBiasAuditRun,
  waitForBiasAudit,
} from "./service.ts";
import { COMPAS, errorOf, uploadFile, cleanUpAfterEachTest, world } from "./test-fixtures.ts";

const cleanUp = cleanUpAfterEachTest();

async function setup(base: Deps) {
  const d = cleanUp.dataDir(base);
  return { deps: d.deps, w: await world(d.deps) };
}

const COMPAS_MAPPING = { groups: ["race", "sex"], prediction: "score", label: "label_value", favourable: "negative", reference: "largest", intersections: true, scan: true };

describeEachEngine("bias audit service", (get) => {
  it("uploads the COMPAS file, runs the audit in a worker and stores the report with audit events", async () => {
    const { deps, w } = await setup(get().deps);
    const auditor = await w.users.auditor!.actor();
    const { id } = await uploadFile(deps, auditor, { copy: COMPAS }, { name: "COMPAS", projectId: w.project }, "compas_for_aequitas.csv");
    const uploaded = await getBiasAudit(deps, auditor, id);
    expect(uploaded).toMatchObject({ status: "uploaded", fileFormat: "csv", delimiter: ",", projectId: w.project, projectTitle: "Risicoscore bijstand" });
    expect(uploaded.columns).toEqual(["entity_id", "score", "label_value", "race", "sex", "age_cat"]);

    await startBiasAuditRun(deps, auditor, id, COMPAS_MAPPING);
    expect(["queued", "running"]).toContain((await getBiasAudit(deps, auditor, id)).status);
    await waitForBiasAudit(id);
    const done = await getBiasAudit(deps, auditor, id);
    expect(done.status).toBe("done");
    const { report } = await getBiasAuditReport(deps, auditor, id);
    expect(report.input.rowsUsed).toBe(7214);
    expect(report.breakdowns.map((b) => b.attributes.join("×"))).toEqual(["race", "sex", "race×sex"]);
    const race = report.breakdowns[0]!;
    expect(race.reference.group).toBe("African-American");
    const aa = race.groups.find((g) => g.label === "African-American")!;
    expect(aa.counts.n).toBe(3696);
    expect(report.scan.status).toBe("done");
    expect(report.summary.nl.length).toBeGreaterThan(0);

    const events = await deps.db.selectFrom("audit_events").select(["action"]).where("entity_id", "=", id).orderBy("seq").execute();
    expect(events.map((e) => e.action)).toEqual(["bias_audit.uploaded", "bias_audit.run_started", "bias_audit.finished"]);
  });

  it("lets the project team and the 2nd and 3rd line see an attached audit, nobody else, and no other organisation", async () => {
    const { deps, w } = await setup(get().deps);
    const auditor = await w.users.auditor!.actor();
    const { id } = await uploadFile(deps, auditor, "g,p\na,1\nb,0\n", { name: "Klein" });
    const member = await w.users.member!.actor();
    const outsider = await w.users.outsider!.actor();
    const fg = await w.users.fg!.actor();
    // Not attached: only the 2nd/3rd line sees it.
    expect((await errorOf(getBiasAudit(deps, member, id))).code).toBe("not_found");
    expect((await getBiasAudit(deps, fg, id)).canManage).toBe(true);
    await attachBiasAudit(deps, auditor, id, { projectId: w.project });
    const seen = await getBiasAudit(deps, member, id);
    expect(seen.canManage).toBe(false);
    expect((await listBiasAudits(deps, member)).map((a) => a.id)).toEqual([id]);
    expect((await listBiasAudits(deps, member, { projectId: w.project })).map((a) => a.id)).toEqual([id]);
    expect((await errorOf(getBiasAudit(deps, outsider, id))).code).toBe("not_found");
    expect(await listBiasAudits(deps, outsider)).toEqual([]);
    // The team may look, not change: the audit is the 2nd/3rd line's.
    expect((await errorOf(deleteBiasAudit(deps, member, id))).code).toBe("forbidden");
    expect((await errorOf(startBiasAuditRun(deps, member, id, { groups: ["g"], prediction: "p" }))).code).toBe("forbidden");
    // Only the 2nd and 3rd line start audits.
    expect(() => prepareUpload(deps, member)).toThrow(AppError);
    const lead = await w.users.lead!.actor();
    expect(() => prepareUpload(deps, lead)).toThrow(AppError);

    const other = await world(deps, "ander");
    const stranger = await other.users.fg!.actor();
    expect((await errorOf(getBiasAudit(deps, stranger, id))).code).toBe("not_found");
    expect((await errorOf(attachBiasAudit(deps, stranger, id, { projectId: null }))).code).toBe("not_found");
    expect((await errorOf(attachBiasAudit(deps, auditor, id, { projectId: other.project }))).fieldErrors[0]?.messageKey).toBe("bias_audit.project_unknown");
  });

  it("refuses to attach an audit to a project in which the auditor holds a role (segregation of duties)", async () => {
    const { deps, w } = await setup(get().deps);
    const auditor = await w.users.auditor!.actor();
    const { id } = await uploadFile(deps, auditor, "g,p\na,1\nb,0\n");
    const e = await errorOf(attachBiasAudit(deps, auditor, id, { projectId: w.own }));
    expect(e.fieldErrors[0]?.messageKey).toBe("bias_audit.project_involved");
    const target = prepareUpload(deps, auditor);
    await ensureUploadDir(target);
    writeFileSync(target.path, "g,p\na,1\n");
    const e2 = await errorOf(registerUpload(deps, auditor, target, { fileName: "x.csv", bytes: 8 }, { name: "X", projectId: w.own }));
    expect(e2.fieldErrors[0]?.messageKey).toBe("bias_audit.project_involved");
    expect(existsSync(target.path)).toBe(false);
  });

  it("says clearly what is wrong with a file that is not CSV, an empty file, and a missing file", async () => {
    const { deps, w } = await setup(get().deps);
    const auditor = await w.users.auditor!.actor();
    const binary = await errorOf(uploadFile(deps, auditor, "\u0000\u0001\u0002PK\u0003\u0004 binary".repeat(20)));
    expect(binary.fieldErrors[0]).toMatchObject({ field: "file", messageKey: "bias_audit.file_error.not_csv" });
    const header = await errorOf(uploadFile(deps, auditor, "alleen,een,kopregel"));
    expect(header.fieldErrors[0]).toMatchObject({ field: "file", messageKey: "bias_audit.file_error.no_data_rows" });
    const empty = await errorOf(uploadFile(deps, auditor, ""));
    expect(empty.fieldErrors[0]).toMatchObject({ field: "file", messageKey: "bias_audit.upload.empty" });
    const target = prepareUpload(deps, auditor);
    const none = await errorOf(registerUpload(deps, auditor, target, null, { name: "" }));
    expect(none.fieldErrors.map((f) => f.messageKey).sort()).toEqual(["bias_audit.upload.no_file", "field.required"]);
    expect(await deps.db.selectFrom("bias_audits").select("id").execute()).toEqual([]);
  });

  it("checks the column mapping against the header, with a message per problem", async () => {
    const { deps, w } = await setup(get().deps);
    const auditor = await w.users.auditor!.actor();
    const { id } = await uploadFile(deps, auditor, "geslacht;score;uitkomst\nm;0,7;1\nv;0,2;0\n");
    expect((await getBiasAudit(deps, auditor, id)).delimiter).toBe(";");
    const e = await errorOf(startBiasAuditRun(deps, auditor, id, { groups: ["leeftijd"], prediction: "score", threshold: "abc", label: "score" }));
    expect(e.fieldErrors.map((f) => f.messageKey)).toContain("bias_audit.mapping.threshold_number");
    const e2 = await errorOf(startBiasAuditRun(deps, auditor, id, { groups: ["leeftijd"], prediction: "score", label: "score", reference: "group" }));
    expect(e2.fieldErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "groups", messageKey: "bias_audit.mapping.column_missing", params: expect.objectContaining({ column: "leeftijd" }) }),
        expect.objectContaining({ messageKey: "bias_audit.mapping.column_twice" }),
        expect.objectContaining({ field: "referenceGroup", messageKey: "bias_audit.mapping.reference_group_required" }),
      ]),
    );
    const e3 = await errorOf(startBiasAuditRun(deps, auditor, id, { groups: [], prediction: "" }));
    expect(e3.fieldErrors.map((f) => f.messageKey).sort()).toEqual(["bias_audit.mapping.groups_required", "bias_audit.mapping.prediction_required"]);
    expect((await getBiasAudit(deps, auditor, id)).status).toBe("uploaded");
  });

  it("reports ragged rows and a non-numeric score as a failed job with the line, and a group of one row as a small cell", async () => {
    const { deps, w } = await setup(get().deps);
    const auditor = await w.users.auditor!.actor();
    const ragged = (await uploadFile(deps, auditor, "g,p,l\na,1,1\nb,0\nc,1,0\n")).id;
    await startBiasAuditRun(deps, auditor, ragged, { groups: ["g"], prediction: "p", label: "l" });
    await waitForBiasAudit(ragged);
    const r = await getBiasAudit(deps, auditor, ragged);
    expect(r.status).toBe("failed");
    expect(r.error).toMatchObject({ code: "ragged-row", params: { line: 3, found: 2, expected: 3 } });

    const score = (await uploadFile(deps, auditor, "g,s\na,0.5\nb,hoog\n")).id;
    await startBiasAuditRun(deps, auditor, score, { groups: ["g"], prediction: "s", threshold: "0,5" });
    await waitForBiasAudit(score);
    expect((await getBiasAudit(deps, auditor, score)).error).toMatchObject({ code: "non-numeric-score", params: { line: 3, column: "s", value: "hoog" } });

    const rows = ["g,p,l", ...Array.from({ length: 60 }, (_, i) => `a,${i % 2},${i % 3 === 0 ? 1 : 0}`), "b,1,1"].join("\n");
    const small = (await uploadFile(deps, auditor, rows)).id;
    await startBiasAuditRun(deps, auditor, small, { groups: ["g"], prediction: "p", label: "l" });
    await waitForBiasAudit(small);
    const { report } = await getBiasAuditReport(deps, auditor, small);
    const b = report.breakdowns[0]!.groups.find((g) => g.label === "b")!;
    expect(b.counts.n).toBe(1);
    expect(b.smallCell).toBe(true);
  });

  it("marks a job left running by a stopped server as interrupted, on reading and by the start-up hook", async () => {
    const { deps, w } = await setup(get().deps);
    const auditor = await w.users.auditor!.actor();
    const a = (await uploadFile(deps, auditor, "g,p\na,1\nb,0\n")).id;
    const b = (await uploadFile(deps, auditor, "g,p\na,1\nb,0\n")).id;
    const long_ago = "2020-01-01T00:00:00.000Z";
    await deps.db.updateTable("bias_audits").set({ status: "running", heartbeat_at: long_ago, updated_at: long_ago }).execute();
    const read = await getBiasAudit(deps, auditor, a);
    expect(read).toMatchObject({ status: "failed", error: { code: "interrupted" } });
    await deps.db.updateTable("bias_audits").set({ status: "running", heartbeat_at: new Date().toISOString() }).where("id", "=", b).execute();
    expect(await failInterruptedBiasAudits(deps)).toBe(1);
    expect((await getBiasAudit(deps, auditor, b)).error?.code).toBe("interrupted");
  });

  it("deletes the audit and the uploaded file after confirmation, with an audit event", async () => {
    const { deps, w } = await setup(get().deps);
    const auditor = await w.users.auditor!.actor();
    const { id, target } = await uploadFile(deps, auditor, "g,p\na,1\nb,0\n");
    expect(existsSync(target.path)).toBe(true);
    await deleteBiasAudit(deps, auditor, id);
    expect(existsSync(target.path)).toBe(false);
    expect((await errorOf(getBiasAudit(deps, auditor, id))).code).toBe("not_found");
    const events = await deps.db.selectFrom("audit_events").select(["action"]).where("entity_id", "=", id).orderBy("seq").execute();
    expect(events.map((e) => e.action)).toEqual(["bias_audit.uploaded", "bias_audit.deleted"]);
  });
});
