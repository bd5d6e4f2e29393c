// Fictional canvases for the demo projects of Gemeente Voorbeeldstad
// (demo-canvases.yaml): complete for every project past pre_start (and the one
// that stopped because of what its canvas showed), partly filled for the new
// one; with versions and a few comments from the FG and the ethics advisor.
// Written straight into this feature's tables with their dates in the past,
// checked by the engine first.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { validateAnswers, type Instrument } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { DEMO_PROJECTS, demoProjectIds } from "../projects/demo.ts";
import { valueKeys } from "../values/service.ts";
import { CANVAS_INSTRUMENT_ID } from "./canvas.ts";

type Answers = Record<string, unknown>;

const DemoCanvas = z.object({
  /** Answers of the first version ("eerste opzet"). */
  draft: z.record(z.string(), z.unknown()),
  /** Answers added or changed afterwards; together with the draft the current canvas. */
  final: z.record(z.string(), z.unknown()),
  comments: z.array(z.object({ who: z.enum(["fg", "ethics_advisor", "member"]), questionId: z.string(), body: z.string() })),
  /** A section the team marked "ter review". */
  forReview: z.string().optional(),
});
type DemoCanvas = z.infer<typeof DemoCanvas>;

/** The demo's canvases per demo project key: data, in demo-canvases.yaml beside this file. */
function demoCanvases(): Record<string, DemoCanvas> {
  const text = readFileSync(new URL("./demo-canvases.yaml", import.meta.url), "utf8");
  return z.record(z.string(), DemoCanvas).parse(parse(text));
}

const DAY = 24 * 60 * 60 * 1000;

interface Person {
  id: string;
  name: string;
}

/** One demo project's canvas as it goes into the tables. */
interface CanvasSeed {
  organisationId: string;
  projectId: string;
  instrument: Instrument;
  canvas: DemoCanvas;
  /** Days ago the canvas was begun. */
  start: number;
  who: (key: string) => Person;
  ago: (days: number, hour?: number) => string;
}

export async function seedCanvasDemo(deps: Deps, organisationId: string, people: Map<string, string>): Promise<void> {
  const ids = await demoProjectIds(deps, organisationId);
  const instrument = deps.instruments.latest(CANVAS_INSTRUMENT_ID)!;
  const keys = await valueKeys(deps, organisationId);
  const users = await deps.db.selectFrom("users").select(["id", "name"]).where("organisation_id", "=", organisationId).execute();
  const who = (key: string) => {
    const user = users.find((u) => u.id === people.get(key));
    if (!user) throw new Error(`demo person ${key} is missing`);
    return user;
  };
  const now = deps.now().getTime();
  const ago = (days: number, hour = 10) => new Date(now - days * DAY + hour * 60 * 60 * 1000).toISOString();
  const canvases = demoCanvases();
  for (const project of DEMO_PROJECTS) {
    const projectId = ids[project.key];
    const canvas = canvases[project.key];
    if (!projectId || !canvas) continue;
    const problems = validateAnswers(instrument, { ...canvas.draft, ...canvas.final }, { partial: true, valueKeys: keys });
    if (problems.length) throw new Error(`demo canvas ${project.key}: ${problems.map((p) => `${p.path} ${p.code}`).join(", ")}`);
    const lead = who("lead");
    const seed: CanvasSeed = { organisationId, projectId, instrument, canvas, start: Math.max(project.registeredDaysAgo - 1, 2), who, ago };
    await inTransaction(deps, { userId: lead.id, organisationId, name: lead.name }, (tx) => writeCanvas(tx, seed));
  }
}

/** The response with its answers and marks, its versions and its comments, dated in the past. */
async function writeCanvas(tx: Tx, seed: CanvasSeed): Promise<void> {
  const { organisationId, projectId, instrument, canvas, start, who, ago } = seed;
  const lead = who("lead");
  const member = who("member");
  const current = { ...canvas.draft, ...canvas.final };
  const complete = Object.keys(canvas.final).length > 5;
  const responseId = tx.newId();
  await tx.db
    .insertInto("instrument_responses")
    .values({
      id: responseId,
      organisation_id: organisationId,
      project_id: projectId,
      instrument_id: instrument.id,
      instrument_version: instrument.version,
      subject: "",
      answers_json: JSON.stringify(current),
      section_marks_json: JSON.stringify(canvas.forReview ? { [canvas.forReview]: "for_review" } : {}),
      revision: 2,
      last_version: complete ? 2 : 1,
      created_at: ago(start, 9),
      created_by: lead.id,
      updated_at: ago(Math.max(start - 8, 1), 15),
      updated_by: member.id,
      updated_by_name: member.name,
    })
    .execute();
  const version = (number: number, answers: Answers, note: string, days: number) =>
    tx.db
      .insertInto("instrument_response_versions")
      .values({ id: tx.newId(), organisation_id: organisationId, response_id: responseId, number, instrument_version: instrument.version, answers_json: JSON.stringify(answers), note, created_at: ago(days, 16), created_by: lead.id, created_by_name: lead.name })
      .execute();
  await version(1, canvas.draft, "Eerste opzet van het projectteam", Math.max(start - 2, 1));
  if (complete) await version(2, current, "Canvas af, klaar voor de gate", Math.max(start - 9, 1));
  let hour = 11;
  for (const comment of canvas.comments) {
    const author = who(comment.who);
    await tx.db
      .insertInto("instrument_response_comments")
      .values({ id: tx.newId(), organisation_id: organisationId, response_id: responseId, question_id: comment.questionId, body: comment.body, author_id: author.id, author_name: author.name, created_at: ago(Math.max(start - 4, 1), hour++) })
      .execute();
  }
  await tx.audit({ action: "instrument_response.created", entityType: "instrument_response", entityId: responseId, after: { projectId, instrumentId: instrument.id, instrumentVersion: instrument.version, demo: true } });
}
