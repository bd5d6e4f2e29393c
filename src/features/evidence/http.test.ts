import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { rowCounts } from "../../platform/db/tables.ts";
import { addMeasure } from "../measures/add-measure.ts";
import { procurementSetting } from "../procurement/test-helpers.ts";
import { FILES } from "./test-files.ts";

function form(fields: Record<string, string>, file?: { name: string; bytes: Buffer; type?: string }): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  if (file) body.set("file", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }), file.name);
  return body;
}

describeEachEngine("evidence pages and API", (get) => {
  it("uploads through the form, shows it on the measure, downloads it as an attachment; refuses a script renamed .pdf and an oversize file in Dutch", async () => {
    const { deps, db } = get();
    const s = await procurementSetting(deps, "formulier-bewijs");
    const measureId = await addMeasure(deps, s.actors.lead, { projectId: s.projectId, title: "Logboek bijhouden", ownerUserId: s.users.owner!.id, dueDate: "2030-01-01", source: { type: "manual" } });
    const app = createApp({ ...deps, config: { ...deps.config, evidenceMaxBytes: 2048 } }, allFeatures);
    const lead = new TestClient(app);
    await lead.logIn(s.users.lead!.email, PASSWORD);
    const measurePath = `/projects/${s.projectId}/measures/${measureId}`;
    let page = await lead.get(measurePath);
    expect(page.html).toContain("Er zijn nog geen bewijsstukken.");
    expect(page.html).toContain(`/evidence/new?subject=measure&amp;id=${measureId}`);
    page = await lead.get(`/evidence/new?subject=measure&id=${measureId}`);
    expect(page.html).toContain('enctype="multipart/form-data"');
    const action = `/evidence/upload?_csrf=${encodeURIComponent(lead.csrf)}&subject=measure&id=${measureId}`;
    const fields = { subjectKind: "measure", subjectId: measureId, title: "Testrapport", validUntil: "", note: "" };

    const before = await rowCounts(db, deps.engine);
    let res = await lead.request(action, { method: "POST", body: form(fields, { name: "rapport.pdf", bytes: FILES.script, type: "application/pdf" }) });
    expect(res.status).toBe(400);
    let html = await res.text();
    expect(html).toContain("rapport.pdf is geen PDF, Word-, Excel- of OpenDocument-bestand, afbeelding of CSV. We kijken naar de inhoud, niet naar de naam.");
    expect(html).toContain('value="Testrapport"');
    res = await lead.request(action, { method: "POST", body: form(fields, { name: "groot.pdf", bytes: Buffer.concat([FILES.pdf, Buffer.alloc(4096, 0x20)]) }) });
    expect(res.status).toBe(413);
    html = await res.text();
    expect(html).toContain("Het bestand is te groot.");
    res = await lead.request(`/evidence/upload?subject=measure&id=${measureId}`, { method: "POST", body: form(fields, { name: "rapport.pdf", bytes: FILES.pdf }) });
    expect(res.status).toBe(403); // no CSRF token
    expect(await rowCounts(db, deps.engine)).toEqual(before);

    res = await lead.request(action, { method: "POST", body: form(fields, { name: "rapport.pdf", bytes: FILES.pdf }) });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(measurePath);
    page = await lead.get(measurePath);
    expect(page.html).toContain("Testrapport");
    const id = /href="\/evidence\/([^/"]+)\/download"/.exec(page.html)![1]!;
    const download = await lead.request(`/evidence/${id}/download`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="rapport.pdf"/);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await download.arrayBuffer()).equals(FILES.pdf)).toBe(true);

    // A link through the form; http is refused with a Dutch message.
    await lead.get(`/evidence/new-link?subject=measure&id=${measureId}`);
    res = await lead.post("/evidence/link", { ...fields, title: "Zaakdossier", url: "http://zaken.voorbeeld.example/1" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Vul een link in die begint met https://");
    res = await lead.post("/evidence/link", { ...fields, title: "Zaakdossier", url: "https://zaken.voorbeeld.example/1" });
    expect(res.status).toBe(303);

    // The admin (no role in the project, not 2nd/3rd line) may not download.
    const admin = new TestClient(app);
    await admin.logIn(s.users.admin!.email, PASSWORD);
    expect((await admin.request(`/evidence/${id}/download`)).status).toBe(404);
    expect((await admin.get(`/evidence/new?subject=measure&id=${measureId}`)).res.status).toBe(404);
  });

  it("the API lists, uploads, links, gives versions and the content; the OpenAPI document names every operation", async () => {
    const { deps } = get();
    const s = await procurementSetting(deps, "api-bewijs");
    const measureId = await addMeasure(deps, s.actors.lead, { projectId: s.projectId, title: "Logboek bijhouden", ownerUserId: s.users.owner!.id, dueDate: "2030-01-01", source: { type: "manual" } });
    const app = createApp(deps, allFeatures);
    const lead = new TestClient(app);
    await lead.logIn(s.users.lead!.email, PASSWORD);
    const upload = (name: string, bytes: Buffer) =>
      lead.request(`/api/v1/evidence/files?_csrf=${encodeURIComponent(lead.csrf)}`, { method: "POST", body: form({ subjectKind: "measure", subjectId: measureId, title: "Export" }, { name, bytes }), headers: { accept: "application/json" } });
    let res = await upload("export.csv", FILES.csv);
    expect(res.status).toBe(201);
    const first = ((await res.json()) as { id: string }).id;
    res = await upload("export.xlsx", FILES.xlsx);
    expect(res.status).toBe(201);
    res = await upload("export.pdf", FILES.html);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0]!.message).toContain("We kijken naar de inhoud, niet naar de naam.");
    res = await lead.api("POST", "/api/v1/evidence/links", { subjectKind: "measure", subjectId: measureId, title: "Dossier", url: "https://zaken.voorbeeld.example/2" });
    expect(res.status).toBe(201);
    res = await lead.api("GET", `/api/v1/evidence?subjectKind=measure&subjectId=${measureId}`);
    const list = (await res.json()) as { documents: { title: string; version: number; older: unknown[] }[] };
    expect(list.documents.map((d) => [d.title, d.version, d.older.length])).toEqual([["Dossier", 1, 0], ["Export", 2, 1]]);
    res = await lead.api("GET", `/api/v1/evidence/${first}/versions`);
    expect(((await res.json()) as { versions: unknown[] }).versions.length).toBe(2);
    res = await lead.request(`/api/v1/evidence/${first}/content`);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const doc = (await (await lead.request("/api/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
    for (const p of ["/evidence", "/evidence/files", "/evidence/links", "/evidence/{id}/versions", "/evidence/{id}/content"]) expect(Object.keys(doc.paths)).toContain(p);
  });
});
