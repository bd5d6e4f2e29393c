// Shared set-up for the bias-audit tests: an organisation with auditors and a
// project team, a private data directory and the COMPAS file (read in place
// from ../shared, never copied into the repository).
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";
import { organisationWith } from "../../../test/support/fixtures.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { ensureUploadDir, prepareUpload, registerUpload, type UploadTarget } from "./service.ts";

const repoRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "..", "..", "..");
export const COMPAS = resolve(repoRoot, "..", "shared", "data", "fairness", "compas_for_aequitas.csv");

/**
 * For a test file: what each test leaves behind (its data directory, a
 * server) is cleaned up after it, newest first. Call once at the top of the file.
 */
export function cleanUpAfterEachTest() {
  const cleanups: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });
  return {
    later: (fn: () => void | Promise<void>) => void cleanups.push(fn),
    /** Deps with a data directory of their own for this test (withDataDir). */
    dataDir: (deps: Deps, maxUploadBytes?: number) => {
      const d = withDataDir(deps, maxUploadBytes);
      cleanups.push(d.cleanup);
      return d;
    },
  };
}

/** Deps with their own data directory (uploads go there) and, optionally, a small upload limit. */
export function withDataDir(deps: Deps, maxUploadBytes?: number): { deps: Deps; dataDir: string; cleanup(): void } {
  const dataDir = mkdtempSync(join(tmpdir(), "afw-bias-"));
  return {
    deps: { ...deps, config: { ...deps.config, dataDir, ...(maxUploadBytes ? { maxUploadBytes } : {}) } },
    dataDir,
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export async function addProject(deps: Deps, organisationId: string, title: string): Promise<string> {
  const id = deps.newId();
  const now = deps.now().toISOString();
  await deps.db
    .insertInto("projects")
    .values({ id, organisation_id: organisationId, title, goal: "Doel", description: "", domain: "sociaal", technologies_json: "[]", data_categories_json: "[]", supplier_involved: 0, phase: "execution", created_at: now, updated_at: now })
    .execute();
  return id;
}

export async function giveProjectRole(deps: Deps, organisationId: string, userId: string, projectId: string, role: "owner" | "lead" | "member"): Promise<void> {
  await deps.db
    .insertInto("role_assignments")
    .values({ id: deps.newId(), organisation_id: organisationId, user_id: userId, role, project_id: projectId, created_at: deps.now().toISOString(), created_by: null })
    .execute();
}

/** Puts a file where the upload would have streamed it (text, or a copy of a file), and registers it. */
export async function uploadFile(
  deps: Deps,
  actor: Actor,
  content: string | { copy: string },
  fields: Record<string, string> = { name: "Audit" },
  fileName = "data.csv",
): Promise<{ id: string; target: UploadTarget }> {
  const target = prepareUpload(deps, actor);
  await ensureUploadDir(target);
  if (typeof content === "string") writeFileSync(target.path, content);
  else copyFileSync(content.copy, target.path);
  const id = await registerUpload(deps, actor, target, { fileName, bytes: statSync(target.path).size }, fields);
  return { id, target };
}

/** The AppError a use case refuses with (any other outcome fails the test). */
export async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

/** Auditors (2nd/3rd line), a project with a lead and a member, and a project of which the auditor is a member. */
export async function world(deps: Deps, slug = "ba") {
  const org = await organisationWith(deps, slug, { auditor: ["it_auditor"], fg: ["fg"], ethics: ["ethics_advisor"], lead: [], member: [], outsider: [], admin: ["admin"] });
  const project = await addProject(deps, org.organisationId, "Risicoscore bijstand");
  const own = await addProject(deps, org.organisationId, "Project van de auditor");
  await giveProjectRole(deps, org.organisationId, org.users.lead!.id, project, "lead");
  await giveProjectRole(deps, org.organisationId, org.users.member!.id, project, "member");
  await giveProjectRole(deps, org.organisationId, org.users.auditor!.id, own, "member");
  return { ...org, project, own };
}

/** Writes the COMPAS CSV as Parquet (several row groups; a null score in a few rows when asked). */
export async function compasParquet(path: string, options: { rowGroupSize?: number; nullScores?: number } = {}): Promise<void> {
  const { readFileSync, writeFileSync } = await import("node:fs");
  const { parquetWriteBuffer } = await import("hyparquet-writer");
  const lines = readFileSync(COMPAS, "utf8").trim().split(/\r?\n/);
  const rows = lines.slice(1).map((l) => l.split(","));
  const col = (i: number) => rows.map((r) => r[i] as string);
  const score = col(1).map((v, i) => (i < (options.nullScores ?? 0) ? null : Number(v)));
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: "entity_id", data: col(0).map(Number), type: "INT32" },
      { name: "score", data: score, type: "DOUBLE" },
      { name: "label_value", data: col(2).map(Number), type: "INT32" },
      { name: "race", data: col(3), type: "STRING" },
      { name: "sex", data: col(4), type: "STRING" },
      { name: "age_cat", data: col(5), type: "STRING" },
    ],
    rowGroupSize: options.rowGroupSize ?? 1000,
  });
  writeFileSync(path, Buffer.from(buffer));
}
