import { Hono } from "hono";
import { AppError, type FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor, safeLocalPath } from "../../platform/http/render.tsx";
import type { Values } from "../../ui/form.tsx";
import { receiveEvidenceForm } from "./receive.ts";
import { downloadEvidence, evidenceTarget, evidenceVersions, linkEvidence, uploadEvidence } from "./service.ts";
import { NewEvidencePage } from "./views/pages.tsx";
import { VersionsPage } from "./views/pages.tsx";

/** The upload form posts here; its body is read by busboy with the evidence limit, never by middleware. */
export const UPLOAD_PATH = /^\/evidence\/upload$/;

/** Headers of a file handed out: always an attachment, of the type its content was checked to be. */
export function attachmentHeaders(file: { fileName: string; contentType: string; sha256: string }): Record<string, string> {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return {
    "Content-Type": file.contentType,
    "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    ETag: `"${file.sha256}"`,
  };
}

export function evidenceRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const showNew = async (c: AppContext, mode: "file" | "link", extra: { kind?: string; id?: string; values?: Values; errors?: FieldError[]; status?: number } = {}) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const kind = extra.kind ?? c.req.query("subject") ?? "";
    const id = extra.id ?? c.req.query("id") ?? "";
    const subject = await evidenceTarget(deps, actor, kind, id);
    const title = c.get("t")(mode === "file" ? "evidence.file_heading" : "evidence.link_heading");
    return renderPage(c, title, (ctx) => <NewEvidencePage ctx={ctx} mode={mode} m={{ subjectKind: kind, subjectId: id, href: subject.href, maxBytes: deps.config.evidenceMaxBytes, values: extra.values, errors: extra.errors }} />, extra.status ?? 200);
  };

  app.get("/evidence/new", (c) => showNew(c, "file"));
  app.get("/evidence/new-link", (c) => showNew(c, "link"));

  app.post("/evidence/upload", async (c) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    let fields: Record<string, string> = {};
    try {
      const received = await receiveEvidenceForm(c, deps.config.evidenceMaxBytes);
      fields = received.fields;
      await uploadEvidence(deps, actor, fields, received.file);
      const subject = await evidenceTarget(deps, actor, fields.subjectKind ?? "", fields.subjectId ?? "");
      return redirectWithFlash(c, safeLocalPath(subject.href), "evidence.uploaded");
    } catch (e) {
      if (e instanceof AppError && (e.code === "validation" || e.code === "payload_too_large")) {
        const errors = e.fieldErrors.length ? e.fieldErrors : [{ field: "file", messageKey: e.messageKey, params: e.params }];
        if (!fields.subjectKind) fields = { ...fields, subjectKind: c.req.query("subject") ?? "", subjectId: c.req.query("id") ?? "" };
        return showNew(c, "file", { kind: fields.subjectKind, id: fields.subjectId, values: fields, errors, status: e.status });
      }
      throw e;
    }
  });

  app.post("/evidence/link", async (c) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await linkEvidence(deps, actor, body);
        const subject = await evidenceTarget(deps, actor, body.subjectKind ?? "", body.subjectId ?? "");
        return redirectWithFlash(c, safeLocalPath(subject.href), "evidence.linked");
      },
      (errors, status) => showNew(c, "link", { kind: body.subjectKind ?? "", id: body.subjectId ?? "", values: body, errors, status }),
    );
  });

  app.get("/evidence/:id/download", async (c) => {
    const file = await downloadEvidence(c.get("deps"), requireActor(c), c.req.param("id"));
    return c.body(new Uint8Array(file.content), 200, attachmentHeaders(file));
  });

  app.get("/evidence/:id/versions", async (c) => {
    const found = await evidenceVersions(c.get("deps"), requireActor(c), c.req.param("id"));
    return renderPage(c, c.get("t")("evidence.versions_title", { title: found.versions[0]?.title ?? "" }), (ctx) => <VersionsPage ctx={ctx} href={found.href} versions={found.versions} />);
  });

  return app;
}
