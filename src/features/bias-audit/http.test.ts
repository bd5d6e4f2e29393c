import { readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { expect, it } from "vitest";
import { PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { describeEachEngine, allFeatures } from "../../../test/support/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { addRisk } from "../assessments/risks.ts";
import { projectPanels } from "../projects/extension-points.ts";
import { waitForBiasAudit } from "./service.ts";
import { COMPAS, cleanUpAfterEachTest, world } from "./test-fixtures.ts";

const cleanUp = cleanUpAfterEachTest();

async function setup(base: Deps, maxUploadBytes?: number) {
  const d = cleanUp.dataDir(base, maxUploadBytes);
  const w = await world(d.deps);
  const client = new TestClient(createApp(d.deps, allFeatures));
  await client.logIn(w.users.auditor!.email, PASSWORD);
  return { deps: d.deps, dataDir: d.dataDir, w, client };
}

function form(fields: Record<string, string>, file?: { name: string; content: Buffer | string }): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  if (file) f.set("file", new Blob([typeof file.content === "string" ? file.content : new Uint8Array(file.content)]), file.name);
  return f;
}

async function uploadPage(client: TestClient, fields: Record<string, string>, file?: { name: string; content: Buffer | string }, csrf: string | null = client.csrf) {
  await client.get("/bias-audits/new");
  const token = csrf === null ? "" : `?_csrf=${encodeURIComponent(csrf === client.csrf ? client.csrf : csrf)}`;
  return client.request(`/bias-audits/upload${token}`, { method: "POST", body: form(fields, file) });
}

function idFrom(location: string | null): string {
  const m = location?.match(/^\/bias-audits\/([^/]+)\/mapping$/);
  if (!m) throw new Error(`unexpected redirect ${location}`);
  return m[1]!;
}

async function postMapping(client: TestClient, id: string, fields: [string, string][]) {
  await client.get(`/bias-audits/${id}/mapping`);
  const body = new URLSearchParams(fields);
  body.set("_csrf", client.csrf);
  return client.request(`/bias-audits/${id}/mapping`, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
}

const COMPAS_FORM: [string, string][] = [
  ["groups", "race"],
  ["groups", "sex"],
  ["prediction", "score"],
  ["threshold", ""],
  ["label", "label_value"],
  ["favourable", "negative"],
  ["favourableValue", ""],
  ["reference", "largest"],
  ["referenceGroup", ""],
  ["intersections", "on"],
  ["scan", "on"],
];

describeEachEngine("bias audit pages and API", (get) => {
  it("uploads COMPAS as multipart, maps the columns, shows progress and the result, and exports JSON and a tagged PDF", async () => {
    const { deps, w, client } = await setup(get().deps);
    const nav = await client.get("/bias-audits");
    expect(nav.html).toContain('href="/bias-audits/new"');
    const up = await uploadPage(client, { name: "COMPAS recidive", projectId: w.project }, { name: "compas_for_aequitas.csv", content: readFileSync(COMPAS) });
    expect(up.status).toBe(303);
    const id = idFrom(up.headers.get("location"));

    const mapping = await client.get(`/bias-audits/${id}/mapping`);
    expect(mapping.html).toContain("Het bestand is geüpload. Kies nu de kolommen.");
    expect(mapping.html).toContain('name="groups" value="race"');
    expect(mapping.html).toContain('<option value="label_value" selected="">');

    const run = await postMapping(client, id, COMPAS_FORM);
    expect(run.status).toBe(303);
    expect(run.headers.get("location")).toBe(`/bias-audits/${id}`);
    const progress = await client.get(`/bias-audits/${id}`);
    if (!progress.html.includes("Bias-audit: COMPAS recidive")) {
      expect(progress.html).toContain("<progress");
      expect(progress.html).toContain('hx-get="/bias-audits/');
      expect(progress.html).toContain("Vernieuwen");
    }
    await waitForBiasAudit(id);
    const fragment = await client.request(`/bias-audits/${id}/progress`, { headers: { "HX-Request": "true" } });
    expect(fragment.headers.get("HX-Refresh")).toBe("true");

    const result = await client.get(`/bias-audits/${id}`);
    expect(result.res.status).toBe(200);
    const html = result.html;
    expect(html).toContain("Bias-audit: COMPAS recidive");
    expect(html).toContain("Samenvatting");
    expect(html).toContain("Groepskenmerk: race");
    expect(html).toContain("Combinatie: race × sex");
    expect(html).toContain("Onterecht geselecteerd (FPR)");
    expect(html).toContain("methode van Holm");
    expect(html).toContain('role="img"');
    expect(html).toContain("<title id=");
    expect(html).toContain("Bias-scan zonder vooraf gekozen groepen (HBAC)");
    expect(html).toContain("kleine groep"); // e.g. Asian × Female
    expect(html).not.toContain("style=");
    expect(html).toContain('href="/bias-audits/assets/bias-audit.css"');
    expect((await client.request("/bias-audits/assets/bias-audit.css")).headers.get("content-type")).toContain("text/css");

    const json = await client.request(`/bias-audits/${id}/report.json`);
    expect(json.headers.get("content-disposition")).toContain("COMPAS-recidive.json");
    const report = (await json.json()) as { format: string; input: { rowsUsed: number; file: string } };
    expect(report).toMatchObject({ format: "afweging.bias-audit", input: { rowsUsed: 7214, file: "compas_for_aequitas.csv" } });

    const pdf = await client.request(`/bias-audits/${id}/report.pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = bytes.toString("latin1");
    expect(text).toContain("/StructTreeRoot");
    expect(text).toContain("/Lang (nl-NL)");
    expect(text).toContain("/MarkInfo");
    expect(text).toContain("/DisplayDocTitle true");

    // The project panel lists it for the project's team.
    const panel = projectPanels(deps).find((p) => p.id === "bias-audits")!;
    const lead = await w.users.lead!.actor();
    const ctx = { t: (k: string) => k, lang: "nl" as const, actor: lead, organisation: null, csrfToken: "", path: "/", flash: null, nav: [] };
    const rendered = String(await panel.render({ deps, ctx, actor: lead, project: { id: w.project, organisationId: w.organisationId, title: "", phase: "execution", domain: "", supplierInvolved: false } }));
    expect(rendered).toContain("COMPAS recidive");

    const events = await deps.db.selectFrom("audit_events").select("action").where("entity_id", "=", id).orderBy("seq").execute();
    expect(events.map((e) => e.action)).toEqual(["bias_audit.uploaded", "bias_audit.run_started", "bias_audit.finished"]);
  });

  it("answers bad input with a clear Dutch message: not CSV, empty, no CSRF token, a column missing, a failed run", async () => {
    const { deps, client, dataDir } = await setup(get().deps);
    const notCsv = await uploadPage(client, { name: "Plaatje" }, { name: "foto.png", content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0]) });
    expect(notCsv.status).toBe(400);
    const notCsvHtml = await notCsv.text();
    expect(notCsvHtml).toContain("Dit is geen CSV-bestand");
    expect(notCsvHtml).toContain('href="#field-file"');
    expect(notCsvHtml).toContain('value="Plaatje"');

    const empty = await uploadPage(client, { name: "Leeg" }, { name: "leeg.csv", content: "" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Het bestand is leeg.");

    // A header of 100,000 columns (0.9 MB) is refused at upload, so the mapping page stays small; nothing is stored.
    const before = (await deps.db.selectFrom("bias_audits").select("id").execute()).length;
    const wide = Array.from({ length: 100_000 }, (_, i) => `k${i}`);
    const tooWide = await uploadPage(client, { name: "Breed" }, { name: "breed.csv", content: `${wide.join(",")}\n${wide.map(() => "1").join(",")}\n` });
    expect(tooWide.status).toBe(400);
    expect(await tooWide.text()).toContain("Het bestand heeft 100000 kolommen. Dat zijn er te veel: een bias-audit werkt met hoogstens 500 kolommen.");
    const longName = await uploadPage(client, { name: "Lang" }, { name: "lang.csv", content: `${"n".repeat(300)},p\na,1\n` });
    expect(longName.status).toBe(400);
    expect(await longName.text()).toContain("Een kolomnaam in de kopregel is te lang (meer dan 200 tekens).");
    expect((await deps.db.selectFrom("bias_audits").select("id").execute()).length).toBe(before);

    const noToken = await uploadPage(client, { name: "X" }, { name: "a.csv", content: "g,p\na,1\n" }, null);
    expect(noToken.status).toBe(403);

    const ok = await uploadPage(client, { name: "Klein" }, { name: "a.csv", content: "g,p,s\na,1,0.2\nb,0,hoog\n" });
    const id = idFrom(ok.headers.get("location"));
    const missing = await postMapping(client, id, [["groups", "wijk"], ["prediction", "p"]]);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("De kolom &quot;wijk&quot; staat niet in het bestand. Beschikbare kolommen: g, p, s.");

    const run = await postMapping(client, id, [["groups", "g"], ["prediction", "s"], ["threshold", "0,5"]]);
    expect(run.status).toBe(303);
    await waitForBiasAudit(id);
    const failed = await client.get(`/bias-audits/${id}`);
    expect(failed.html).toContain("De audit is mislukt.");
    expect(failed.html).toContain("Regel 3: de score in kolom &quot;s&quot; is geen getal (&quot;hoog&quot;)");

    // Nothing of the refused uploads is left on disk.
    const org = readdirSync(join(dataDir, "uploads"));
    expect(org).toHaveLength(1);
    expect(readdirSync(join(dataDir, "uploads", org[0]!))).toEqual([id]);
    expect(await deps.db.selectFrom("bias_audits").select("id").execute()).toHaveLength(1);
  });

  it("refuses an upload over the limit while streaming, with 413 and a Dutch message, and keeps serving others", async () => {
    const { deps, w, dataDir } = await setup(get().deps, 256 * 1024);
    const server: ServerType = await new Promise((resolve) => {
      const s = serve({ fetch: createApp(deps, allFeatures).fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    cleanUp.later(() => new Promise<void>((r) => server.close(() => r())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Log in over real HTTP.
    const jar = new Map<string, string>();
    const keep = (res: Response) => {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const [k, v] = pair!.split("=") as [string, string];
        if (v) jar.set(k, v);
      }
    };
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const login = await fetch(`${base}/login`);
    keep(login);
    const token1 = (await login.text()).match(/name="_csrf" value="([^"]+)"/)![1]!;
    const posted = await fetch(`${base}/login`, { method: "POST", redirect: "manual", headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ email: w.users.auditor!.email, password: PASSWORD, _csrf: token1 }) });
    keep(posted);
    const page = await fetch(`${base}/bias-audits/new`, { headers: { cookie: cookie() } });
    keep(page);
    const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)![1]!;

    const boundary = "----afweging-test";
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nTe groot\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="groot.csv"\r\nContent-Type: text/csv\r\n\r\ng,p\n`;
    const chunk = Buffer.from("a,1\n".repeat(16 * 1024)); // 64 kB
    let healthWhileUploading: number | null = null;
    let chunksSent = 0;
    const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      let answered = false;
      const req = httpRequest(`${base}/bias-audits/upload?_csrf=${encodeURIComponent(csrf)}`, {
        method: "POST",
        headers: { cookie: cookie(), "content-type": `multipart/form-data; boundary=${boundary}`, "transfer-encoding": "chunked" },
      });
      req.on("response", (res) => {
        answered = true;
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", (e) => {
        if (!answered) setTimeout(() => (answered ? undefined : reject(e)), 500);
      });
      req.write(head);
      const pump = async () => {
        // Up to 5 MB, slowly, so the server is busy with it while we ask for /health.
        for (let i = 0; i < 80 && !answered; i++) {
          if (!req.write(chunk)) await new Promise((r) => req.once("drain", r));
          chunksSent++;
          if (i === 1) healthWhileUploading = (await fetch(`${base}/health`)).status;
          await new Promise((r) => setTimeout(r, 10));
        }
        if (!answered) req.end(`\r\n--${boundary}--\r\n`);
      };
      pump().catch(() => undefined);
    });
    expect(healthWhileUploading).toBe(200);
    expect(response.status).toBe(413);
    expect(response.body).toContain("Het bestand is te groot. De grens is 256 kB.");
    expect(chunksSent).toBeLessThan(80); // refused while streaming, not after reading everything
    // The partial file is gone and nothing was stored.
    const orgs = readdirSync(join(dataDir, "uploads"));
    for (const o of orgs) expect(readdirSync(join(dataDir, "uploads", o))).toEqual([]);
    expect(await deps.db.selectFrom("bias_audits").select("id").execute()).toEqual([]);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it("offers the same use cases in the API: upload (multipart), mapping, report, PDF, attach, delete — in the OpenAPI document", async () => {
    const { w, client } = await setup(get().deps);
    const created = await client.request("/api/v1/bias-audits", { method: "POST", headers: { "x-csrf-token": client.csrf, accept: "application/json" }, body: form({ name: "Via API" }, { name: "compas.csv", content: readFileSync(COMPAS) }) });
    expect(created.status).toBe(201);
    const audit = (await created.json()) as { id: string; status: string; columns: string[] };
    expect(audit.status).toBe("uploaded");
    const bad = await client.api("PUT", `/api/v1/bias-audits/${audit.id}/mapping`, { groups: ["wijk"], prediction: "score" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("De kolom \\\"wijk\\\" staat niet in het bestand");
    const started = await client.api("PUT", `/api/v1/bias-audits/${audit.id}/mapping`, { groups: ["race", "sex"], prediction: "score", label: "label_value" });
    expect(started.status).toBe(202);
    await waitForBiasAudit(audit.id);
    expect(((await (await client.api("GET", `/api/v1/bias-audits/${audit.id}`)).json()) as { status: string }).status).toBe("done");
    const report = (await (await client.api("GET", `/api/v1/bias-audits/${audit.id}/report`)).json()) as { breakdowns: unknown[] };
    expect(report.breakdowns).toHaveLength(3);
    const pdf = await client.request(`/api/v1/bias-audits/${audit.id}/report.pdf`);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString()).toBe("%PDF");
    const attached = await client.api("PUT", `/api/v1/bias-audits/${audit.id}/project`, { projectId: w.project });
    expect(((await attached.json()) as { projectId: string }).projectId).toBe(w.project);
    const list = (await (await client.api("GET", `/api/v1/bias-audits?projectId=${w.project}`)).json()) as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toEqual([audit.id]);
    const tooBig = await client.request("/api/v1/bias-audits", { method: "POST", headers: { "x-csrf-token": client.csrf, "content-type": "multipart/form-data; boundary=x", "content-length": String(10 * 1024 ** 4) }, body: "--x--" });
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get("content-type")).toBe("application/problem+json");
    expect((await client.api("DELETE", `/api/v1/bias-audits/${audit.id}`)).status).toBe(204);
    expect((await client.api("GET", `/api/v1/bias-audits/${audit.id}`)).status).toBe(404);

    const doc = (await (await client.request("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths["/bias-audits"]!)).toEqual(expect.arrayContaining(["get", "post"]));
    expect(doc.paths["/bias-audits/{id}/mapping"]).toHaveProperty("put");
    expect(doc.paths["/bias-audits/{id}/report.pdf"]).toHaveProperty("get");
    expect(JSON.stringify(doc.paths["/bias-audits"]!.post)).toContain("multipart/form-data");
  });

  it("links the result to a risk of its project and unlinks it with the result page's forms, and shows a refusal there", async () => {
    const { deps, w, client } = await setup(get().deps);
    const riskId = await addRisk(deps, await w.users.lead!.actor(), w.project, { category: "privacy", description: "Wijken worden ongelijk behandeld.", inherentLikelihood: "medium", inherentImpact: "high", inherentJustification: "Wijk is een kenmerk." });
    const up = await uploadPage(client, { name: "Wijken", projectId: w.project }, { name: "wijk.csv", content: "wijk,besluit\nnoord,1\nzuid,0\nnoord,0\nzuid,1\n" });
    const id = idFrom(up.headers.get("location"));
    expect((await postMapping(client, id, [["groups", "wijk"], ["prediction", "besluit"]])).status).toBe(303);
    await waitForBiasAudit(id);
    const page = await client.get(`/bias-audits/${id}`);
    expect(page.html).toContain(`action="/bias-audits/${id}/risks"`);
    const post = async (path: string, fields: Record<string, string>) => {
      const body = new URLSearchParams({ ...fields, _csrf: client.csrf });
      return client.request(path, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
    };
    const linked = await post(`/bias-audits/${id}/risks`, { riskId });
    expect(linked.status).toBe(303);
    expect(linked.headers.get("location")).toBe(`/bias-audits/${id}`);
    const shown = await client.get(`/bias-audits/${id}`);
    expect(shown.html).toContain("De audit is aan het risico gekoppeld.");
    expect(shown.html).toContain(`action="/bias-audits/${id}/risks/${riskId}/unlink"`);
    const twice = await post(`/bias-audits/${id}/risks`, { riskId });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("De audit is al aan dit risico gekoppeld.");
    const unlinked = await post(`/bias-audits/${id}/risks/${riskId}/unlink`, {});
    expect(unlinked.status).toBe(303);
    expect((await client.get(`/bias-audits/${id}`)).html).toContain("De koppeling met het risico is weggehaald.");
    expect(await deps.db.selectFrom("bias_audit_risks").select("risk_id").where("bias_audit_id", "=", id).execute()).toEqual([]);
  });
});
