import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { loadConfig, type Config } from "./config.ts";
import { demoLoginsText, seedDemo } from "./features/demo/seed-demo.ts";
import { features as allFeatures } from "./features/registry.ts";
import { openDatabase } from "./platform/db/database.ts";
import { migrateToLatest } from "./platform/db/migrate.ts";
import { instrumentRegistry, randomId, systemClock, type Deps } from "./platform/deps.ts";
import { Extensions, featureMigrations, type Feature } from "./platform/feature.ts";
import { installCatalogues } from "./platform/i18n/index.ts";
import { writeCheckpoints } from "./platform/audit-log/checkpoints.ts";
import { every } from "./platform/periodic.ts";
import { hostname } from "node:os";
import { startScheduler } from "./platform/scheduler/index.ts";
import { allJobs } from "./platform/scheduler/platform-jobs.ts";

/** The database, migrated, with the features' catalogues and extensions: what the server and the CLI work with. */
export async function openDeps(config: Config = loadConfig(), features: readonly Feature[] = allFeatures): Promise<Deps & { close(): Promise<void> }> {
  const instruments = instrumentRegistry();
  installCatalogues(features.flatMap((f) => (f.messages ? [f.messages] : [])));
  const database = openDatabase(config.databaseUrl);
  await migrateToLatest(database.db, featureMigrations(features));
  return {
    db: database.db,
    engine: database.engine,
    config,
    now: systemClock,
    newId: randomId,
    instruments,
    extensions: new Extensions(features),
    close: () => database.destroy(),
  };
}

/** Starts the server: configuration → database → migrations → demo data when empty → features' start-up work → HTTP → periodic work. */
export async function startServer(options: { demo?: boolean } = {}): Promise<void> {
  const config = loadConfig();
  const deps = await openDeps(config);
  const demo = options.demo ?? process.env.DEMO_DATA !== "false";
  const seeded = demo ? (await seedDemo(deps)).created : false;
  for (const feature of allFeatures) await feature.onStart?.(deps);
  const { checkpoints } = startPeriodicWork(deps);
  // The chains as they are at start-up are anchored at once (also those written before keyed hashes existed).
  await checkpoints.runNow();
  // Due jobs (mail, reminders, digests, clean-up) from the database; several processes share them.
  const scheduler = await startScheduler(deps, allJobs(deps), `${hostname()}:${process.pid}`, config.schedulerSeconds * 1000);
  void scheduler.runNow();
  const app = createApp(deps, allFeatures);
  const server = serve({ fetch: app.fetch, port: config.port }, () => {
    console.log(demo ? demoLoginsText(config.baseUrl) : `Afweging draait op ${config.baseUrl}`);
    if (seeded) console.log("\nDe demo-organisatie is zojuist aangemaakt.");
    console.log(`\nDatabase: ${deps.engine === "sqlite" ? config.databaseUrl : "PostgreSQL"}`);
  });
  const stop = () => {
    server.close(() => {
      // Background work in progress finishes before the database closes; the last
      // checkpoint covers everything written until the server stopped.
      void Promise.all([checkpoints.stop(), scheduler.stop()])
        .then(() => checkpoints.runNow())
        .then(() => deps.close())
        .then(() => process.exit(0));
    });
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/** Signed checkpoints of the audit chains every AUDIT_CHECKPOINT_MINUTES (per process: the last one is written at shut-down). */
function startPeriodicWork(deps: Deps) {
  const checkpoints = every("audit-checkpoints", deps.config.auditCheckpointMinutes * 60_000, async () => {
    const run = await writeCheckpoints(deps);
    for (const r of run.refused) {
      console.error(`Logboek: keten ${r.chain} is NIET ondertekend: ${r.broken.reason} bij gebeurtenis ${r.broken.seq}. Voer "npx afweging audit-log verify" uit.`);
    }
  });
  return { checkpoints };
}
