// A list page, a project page, the API list and the start page run the same
// number of statements at 10 projects as at 200: their cost does not grow
// with the number of projects in the organisation.
import { expect, it } from "vitest";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { countStatements } from "../../../test/support/statements.ts";
import { createApp } from "../../app.ts";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { registerProject } from "./service.ts";
import { askExpertAdvice, completeCanvas, projectInput } from "./test-helpers.ts";

async function organisationWithProjects(deps: Deps, slug: string, n: number) {
  const org = await organisationWith(deps, slug, { owner: [], lead: [], fg: ["fg"] });
  const lead = await org.users.lead!.actor();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await registerProject(deps, lead, projectInput(org.users.owner!.id, { title: `Project ${String(i).padStart(4, "0")}` })));
  // Some with more recorded about them, the same in both organisations.
  const leadNow = await org.users.lead!.actor();
  await completeCanvas(deps, leadNow, ids[0]!);
  await askExpertAdvice(deps, leadNow, ids[1]!);
  const client = async (key: "lead" | "fg") => {
    const c = new TestClient(createApp(deps, allFeatures));
    await c.logIn(org.users[key]!.email, PASSWORD);
    return c;
  };
  return { ids, lead: await client("lead"), fg: await client("fg") };
}

async function statementsOf(client: TestClient, path: string): Promise<number> {
  const { result, count, statements } = await countStatements(async () => (await client.request(path)).status);
  if (process.env.SHOW_STATEMENTS) console.log(path, statements.join("\n"));
  expect(result, path).toBe(200);
  return count;
}

async function costs(org: Awaited<ReturnType<typeof organisationWithProjects>>) {
  return {
    "/projects (lead)": await statementsOf(org.lead, "/projects"),
    "/projects (fg)": await statementsOf(org.fg, "/projects"),
    "project page": await statementsOf(org.lead, `/projects/${org.ids[0]}`),
    "/api/v1/projects (lead)": await statementsOf(org.lead, "/api/v1/projects"),
    "/api/v1/projects (fg)": await statementsOf(org.fg, "/api/v1/projects"),
    // The filters on readiness and the "waiting for me" count come from the stored readiness, in SQL.
    "/projects?mine=1 (lead)": await statementsOf(org.lead, "/projects?mine=1"),
    "/projects?waitingOn=lead (fg)": await statementsOf(org.fg, "/projects?waitingOn=lead"),
    "/projects?waitingOn=expert_table&phase=pre_start (lead)": await statementsOf(org.lead, "/projects?waitingOn=expert_table&phase=pre_start"),
    "/api/v1/projects?mine=true (lead)": await statementsOf(org.lead, "/api/v1/projects?mine=true"),
    "/api/v1/projects?waitingOn=owner (fg)": await statementsOf(org.fg, "/api/v1/projects?waitingOn=owner"),
    "/ (lead)": await statementsOf(org.lead, "/"),
    "/ (fg)": await statementsOf(org.fg, "/"),
  };
}

describeEachEngine("statement counts do not grow with the number of projects", (get) => {
  it("the same number of statements at 10 and at 200 projects", { timeout: 240_000 }, async () => {
    const { deps } = get();
    const small = await costs(await organisationWithProjects(deps, "klein", 10));
    const large = await costs(await organisationWithProjects(deps, "groot", 200));
    console.log("statements at 10 projects:", small, "\nstatements at 200 projects:", large);
    expect(large).toEqual(small);
    // And a page is a bounded set of statements (each feature's part of the menu count, the panels and the snapshot), not one set per project.
    for (const [page, n] of Object.entries(large)) expect(n, page).toBeLessThan(80);
  });

  it("a page number past the end gives an empty page, not an error", async () => {
    const { deps } = get();
    const org = await organisationWithProjects(deps, "leeg", 3);
    const res = await org.lead.request("/api/v1/projects?page=999");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: unknown[]; total: number; page: number };
    expect(body).toMatchObject({ items: [], total: 3, page: 999 });
    expect((await org.lead.request("/projects?page=999")).status).toBe(200);
  });
});
