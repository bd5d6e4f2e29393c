import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { loadConfig, type Config } from "./config.ts";
import { failInterruptedBiasAudits } from "./features/bias-audit/index.ts";
import { demoLoginsText, seedDemo } from "./features/demo/seed-demo.ts";
import { openDatabase } from "./platform/db/database.ts";
import { migrateToLatest } from "./platform/db/migrate.ts";
import { instrumentRegistry, randomId, systemClock, type Deps } from "./platform/deps.ts";

export async function openDeps(config: Config = loadConfig()): Promise<Deps & { close(): Promise<void> }> {
  const instruments = instrumentRegistry();
  const database = openDatabase(config.databaseUrl);
  await migrateToLatest(database.db);
  return { db: database.db, engine: database.engine, config, now: systemClock, newId: randomId, instruments, close: () => database.destroy() };
}

/** Starts the server: configuration → database → migrations → demo data when empty → HTTP. */
export async function startServer(options: { demo?: boolean } = {}): Promise<void> {
  const config = loadConfig();
  const deps = await openDeps(config);
  const demo = options.demo ?? process.env.DEMO_DATA !== "false";
  const seeded = demo ? (await seedDemo(deps)).created : false;
  // With the embedded database this process is the only one, so jobs it finds running were cut off by a restart.
  // On PostgreSQL other processes may be running jobs; there a job without heartbeat is marked failed when read.
  if (deps.engine === "sqlite") await failInterruptedBiasAudits(deps);
  const app = createApp(deps);
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
