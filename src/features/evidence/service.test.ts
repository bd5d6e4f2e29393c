import { expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { organisationWith } from "../../../test/support/fixtures.ts";
import { rowCounts } from "../../platform/db/tables.ts";
import type { Deps } from "../../platform/deps.ts";
import { addMeasure } from "../measures/add-measure.ts";
import { codeOf, newContract, procurementSetting } from "../procurement/test-helpers.ts";
import { downloadEvidence, evidenceVersions, linkEvidence, listEvidence, uploadEvidence } from "./service.ts";
import { FILES } from "./test-files.ts";

async function setting(deps: Deps, slug: string) {
  const s = await procurementSetting(deps, slug);
  const measureId = await addMeasure(deps, s.actors.lead, { projectId: s.projectId, title: "Logboek bijhouden", ownerUserId: s.users.owner!.id, dueDate: "2030-01-01", source: { type: "manual" } });
  return { ...s, measureId };
}

const on = (measureId: string, title = "Testrapport") => ({ subjectKind: "measure", subjectId: measureId, title });

describeEachEngine("evidence files", (get) => {
  it("a new upload with the same title is a new version; old versions stay downloadable; identical content is kept once", async () => {
    const { deps, db } = get();
    const s = await setting(deps, "versies");
    const v1 = await uploadEvidence(deps, s.actors.member, on(s.measureId), { fileName: "rapport.pdf", bytes: FILES.pdf });
    const v2 = await uploadEvidence(deps, s.actors.lead, on(s.measureId, "  testrapport "), { fileName: "rapport-v2.docx", bytes: FILES.docx });
    await uploadEvidence(deps, s.actors.lead, on(s.measureId, "Kopie"), { fileName: "kopie.pdf", bytes: FILES.pdf });

    const list = await listEvidence(deps, s.actors.jurist, "measure", s.measureId);
    expect(list.documents.map((d) => [d.title, d.version, d.older.length])).toEqual([["Kopie", 1, 0], ["  testrapport ".trim(), 2, 1]]);
    expect(list.documents[1]!.older[0]!.id).toBe(v1);
    expect(list.mayAdd).toBe(false); // the jurist works on contracts, not on this measure
    const versions = await evidenceVersions(deps, s.actors.fg, v1);
    expect(versions.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions.href).toBe(`/projects/${s.projectId}/measures/${s.measureId}`);

    const old = await downloadEvidence(deps, s.actors.fg, v1);
    expect(old.content.equals(FILES.pdf)).toBe(true);
    expect(old.contentType).toBe("application/pdf");
    expect(old.fileName).toBe("rapport.pdf");
    const latest = await downloadEvidence(deps, s.actors.owner, v2);
    expect(latest.contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(latest.content.equals(FILES.docx)).toBe(true);
    expect((await db.selectFrom("evidence_blobs").select("hash").execute()).length).toBe(2);
    const events = await db.selectFrom("audit_events").select("action").where("action", "like", "evidence.%").execute();
    expect(events.length).toBe(3);
  });

  it("an expiry date in the past flags the evidence as stale; a link is https only", async () => {
    const { deps } = get();
    const s = await setting(deps, "verlopen");
    const today = deps.now().toISOString().slice(0, 10);
    const past = new Date(deps.now().getTime() - 86_400_000).toISOString().slice(0, 10);
    await uploadEvidence(deps, s.actors.lead, { ...on(s.measureId, "Oud certificaat"), validUntil: past }, { fileName: "cert.png", bytes: FILES.png });
    await uploadEvidence(deps, s.actors.lead, { ...on(s.measureId, "Nieuw certificaat"), validUntil: today }, { fileName: "cert.jpg", bytes: FILES.jpeg });
    expect(await codeOf(linkEvidence(deps, s.actors.lead, { ...on(s.measureId, "Link"), url: "http://intranet.voorbeeld.example/x" }))).toBe("validation:evidence.url_https");
    expect(await codeOf(linkEvidence(deps, s.actors.lead, { ...on(s.measureId, "Link"), url: "javascript:alert(1)" }))).toBe("validation:evidence.url_https");
    await linkEvidence(deps, s.actors.lead, { ...on(s.measureId, "Zaakdossier"), url: "https://zaken.voorbeeld.example/zaak/12" });
    const list = await listEvidence(deps, s.actors.lead, "measure", s.measureId);
    const byTitle = Object.fromEntries(list.documents.map((d) => [d.title, d]));
    expect(byTitle["Oud certificaat"]!.stale).toBe(true);
    expect(byTitle["Nieuw certificaat"]!.stale).toBe(false);
    expect(byTitle.Zaakdossier!.kind).toBe("link");
    expect(await codeOf(downloadEvidence(deps, s.actors.lead, byTitle.Zaakdossier!.id))).toBe("not_found:error.not_found");
  });

  it("refuses a script renamed .pdf, a file whose name does not fit, an oversize file and an empty one; nothing is stored", async () => {
    const { deps, db } = get();
    const s = await setting(deps, "inhoud");
    const before = await rowCounts(db, deps.engine);
    expect(await codeOf(uploadEvidence(deps, s.actors.lead, on(s.measureId), { fileName: "rapport.pdf", bytes: FILES.script }))).toBe("validation:evidence.file_unknown");
    expect(await codeOf(uploadEvidence(deps, s.actors.lead, on(s.measureId), { fileName: "rapport.pdf", bytes: FILES.csv }))).toBe("validation:evidence.file_mismatch");
    expect(await codeOf(uploadEvidence(deps, s.actors.lead, on(s.measureId), { fileName: "macro.docx", bytes: FILES.docm }))).toBe("validation:evidence.file_unknown");
    expect(await codeOf(uploadEvidence(deps, s.actors.lead, on(s.measureId), { fileName: "leeg.pdf", bytes: Buffer.alloc(0) }))).toBe("validation:evidence.file_empty");
    expect(await codeOf(uploadEvidence(deps, s.actors.lead, on(s.measureId), null))).toBe("validation:evidence.file_required");
    const small = { ...deps, config: { ...deps.config, evidenceMaxBytes: 40 } };
    expect(await codeOf(uploadEvidence(small, s.actors.lead, on(s.measureId), { fileName: "rapport.pdf", bytes: FILES.pdf }))).toBe("payload_too_large:evidence.file_too_large");
    expect(await codeOf(uploadEvidence(deps, s.actors.lead, { ...on(s.measureId), title: "" }, { fileName: "rapport.pdf", bytes: FILES.pdf }))).toBe("validation:field.required");
    expect(await codeOf(uploadEvidence(deps, s.actors.lead, { ...on(s.measureId), validUntil: "2026-02-30" }, { fileName: "rapport.pdf", bytes: FILES.pdf }))).toBe("validation:field.date");
    expect(await rowCounts(db, deps.engine)).toEqual(before);
  });

  it("who may add and who may read: the team and the measure's owner add; the 2nd/3rd line reads; others see nothing", async () => {
    const { deps } = get();
    const s = await setting(deps, "rechten");
    await uploadEvidence(deps, s.actors.owner, on(s.measureId), { fileName: "rapport.pdf", bytes: FILES.pdf });
    expect(await codeOf(uploadEvidence(deps, s.actors.fg, on(s.measureId, "FG"), { fileName: "fg.pdf", bytes: FILES.pdf }))).toBe("forbidden:evidence.may_not_add");
    expect(await codeOf(listEvidence(deps, s.actors.admin, "measure", s.measureId))).toBe("not_found:error.not_found");
    // A contract: the jurist (2nd line, no role in the project) adds the signed contract.
    const contractId = await newContract(deps, s.actors.lead, s.projectId);
    await uploadEvidence(deps, s.actors.jurist, { subjectKind: "contract", subjectId: contractId, title: "Getekend contract" }, { fileName: "contract.pdf", bytes: FILES.pdf });
    expect(await codeOf(uploadEvidence(deps, s.actors.fg, { subjectKind: "contract", subjectId: contractId, title: "x" }, { fileName: "x.pdf", bytes: FILES.pdf }))).toBe("forbidden:evidence.may_not_add");
    expect((await listEvidence(deps, s.actors.lead, "contract", contractId)).documents.length).toBe(1);
    expect(await codeOf(uploadEvidence(deps, s.actors.lead, { subjectKind: "measure", subjectId: contractId, title: "x" }, { fileName: "x.pdf", bytes: FILES.pdf }))).toBe("not_found:error.not_found");
    expect(await codeOf(uploadEvidence(deps, s.actors.lead, { subjectKind: "project", subjectId: s.projectId, title: "x" }, { fileName: "x.pdf", bytes: FILES.pdf }))).toBe("validation:evidence.subject_unknown");
  });

  it("keeps organisations apart: another organisation's people find nothing and add nothing", async () => {
    const { deps } = get();
    const s = await setting(deps, "eigen");
    const id = await uploadEvidence(deps, s.actors.lead, on(s.measureId), { fileName: "rapport.pdf", bytes: FILES.pdf });
    const other = await organisationWith(deps, "ander", { fg: ["fg"], jurist: ["jurist"] });
    const fg = await other.users.fg!.actor();
    expect(await codeOf(listEvidence(deps, fg, "measure", s.measureId))).toBe("not_found:error.not_found");
    expect(await codeOf(downloadEvidence(deps, fg, id))).toBe("not_found:error.not_found");
    expect(await codeOf(evidenceVersions(deps, fg, id))).toBe("not_found:error.not_found");
    const jurist = await other.users.jurist!.actor();
    expect(await codeOf(uploadEvidence(deps, jurist, on(s.measureId), { fileName: "rapport.pdf", bytes: FILES.pdf }))).toBe("not_found:error.not_found");
  });
});
