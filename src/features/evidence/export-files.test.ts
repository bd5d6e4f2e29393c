import { createHash } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import { expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { addMeasure } from "../measures/add-measure.ts";
import { exportOrganisation } from "../organisations/export-organisation.ts";
import { procurementSetting } from "../procurement/test-helpers.ts";
import type { Deps } from "../../platform/deps.ts";
import { uploadEvidence } from "./service.ts";
import { FILES } from "./test-files.ts";

/** The entries of a ZIP written by zipStream (sizes in the local headers, deflate). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const packedSize = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extraLength = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString("utf8");
    const start = at + 30 + nameLength + extraLength;
    out.set(name, inflateRawSync(zip.subarray(start, start + packedSize)));
    at = start + packedSize;
  }
  return out;
}

async function withEvidence(deps: Deps, slug: string, file: Buffer, fileName: string) {
  const s = await procurementSetting(deps, slug);
  const measureId = await addMeasure(deps, s.actors.lead, { projectId: s.projectId, title: "Logboek bijhouden", ownerUserId: s.users.owner!.id, dueDate: "2030-01-01", source: { type: "manual" } });
  await uploadEvidence(deps, s.actors.lead, { subjectKind: "measure", subjectId: measureId, title: "Rapport" }, { fileName, bytes: file });
  return s;
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describeEachEngine("the organisation's export carries its evidence files (issue 13)", (get) => {
  it("holds the bytes of its own evidence under files/evidence/<hash>, and nothing of another organisation's", async () => {
    const { deps } = get();
    const a = await withEvidence(deps, "eigen-bewijs", FILES.pdf, "rapport.pdf");
    await withEvidence(deps, "ander-bewijs", FILES.png, "foto.png");
    const admin = await a.users.admin!.actor();
    const { stream } = await exportOrganisation(deps, admin, admin.organisationId);
    const entries = unzip(Buffer.from(await new Response(stream).arrayBuffer()));

    const evidence = [...entries.keys()].filter((n) => n.startsWith("files/evidence/"));
    expect(evidence).toEqual([`files/evidence/${sha256(FILES.pdf)}`]);
    expect(entries.get(evidence[0]!)!.equals(FILES.pdf)).toBe(true);
    const items = JSON.parse(entries.get("evidence_items.json")!.toString("utf8")) as { blob_hash: string; file_name: string }[];
    expect(items.map((i) => [i.blob_hash, i.file_name])).toEqual([[sha256(FILES.pdf), "rapport.pdf"]]);
    const readme = JSON.parse(entries.get("README.json")!.toString("utf8"));
    expect(readme.files.evidence).toMatchObject({ folder: "files/evidence/", files: 1 });
    // The blobs table itself carries no organisation and is not exported as a table.
    expect(entries.has("evidence_blobs.json")).toBe(false);
  });
});
