// describeEachEngine for feature tests: every database test runs on SQLite and
// on PostgreSQL, with the features of the registry unless the test names its own.
import { features as allFeatures } from "../../src/features/registry.ts";
import type { Engine } from "../../src/platform/db/database.ts";
import { createTestDatabase as createPlatformTestDatabase, describeEachEngine as describeEachEngineWith, type TestDatabase, type TestSeed } from "../../src/platform/db/test-support.ts";
import type { Feature } from "../../src/platform/feature.ts";

export { createEmptyDatabase, postgresTestUrl, testEngines, type TestDatabase, type TestSeed } from "../../src/platform/db/test-support.ts";
export { allFeatures };

export function describeEachEngine(name: string, body: (get: () => TestDatabase, engine: Engine) => void, features: readonly Feature[] = allFeatures): void {
  describeEachEngineWith(name, body, features);
}

export function createTestDatabase(engine: Engine, features: readonly Feature[] = allFeatures) {
  return createPlatformTestDatabase(engine, features);
}

/** A database that starts with the seed's data: the seed runs once per run, each call gets a copy. */
export function createSeededTestDatabase(engine: Engine, seed: TestSeed, features: readonly Feature[] = allFeatures) {
  return createPlatformTestDatabase(engine, features, seed);
}
