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

/** Starts the server: configuration → database → migrations → demo data when empty → features' start-up work → HTTP. */
export async function startServer(options: { demo?: boolean } = {}): Promise<void> {
  const config = loadConfig();
  const deps = await openDeps(config);
  const demo = options.demo ?? process.env.DEMO_DATA !== "false";
  const seeded = demo ? (await seedDemo(deps)).created : false;
  for (const feature of allFeatures) await feature.onStart?.(deps);
  const app = createApp(deps, allFeatures);
  const server = serve({ fetch: app.fetch, port: config.port }, () => {
    console.log(demo ? demoLoginsText(config.baseUrl) : `Afweging draait op ${config.baseUrl}`);
    if (seeded) console.log("\nDe demo-organisatie is zojuist aangemaakt.");
    console.log(`\nDatabase: ${deps.engine === "sqlite" ? config.databaseUrl : "PostgreSQL"}`);
  });
  const stop = () => {
    server.close(() => void deps.close().then(() => process.exit(0)));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
