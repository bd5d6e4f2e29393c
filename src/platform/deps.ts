import { randomUUID } from "node:crypto";
import type { Config } from "../config.ts";
import { loadInstruments, type InstrumentRegistry } from "../instruments/index.ts";
import type { Engine } from "./db/database.ts";
import type { Db } from "./db/schema.ts";
import type { Extensions } from "./feature.ts";

/**
 * What every use case needs from the outside world. Time and ids come in here
 * so tests can fix them.
 */
export interface Deps {
  db: Db;
  engine: Engine;
  config: Config;
  now: () => Date;
  newId: () => string;
  /** Every instrument definition, loaded and validated once at start-up. */
  instruments: InstrumentRegistry;
  /** What the features contribute to each other's extension points (project panels, gate snapshot, …). */
  extensions: Extensions;
}

let loaded: InstrumentRegistry | undefined;

/** Loads instruments/ once per process; a broken file stops start-up with its file, line and reason. */
export function instrumentRegistry(): InstrumentRegistry {
  loaded ??= loadInstruments();
  return loaded;
}

export function systemClock(): Date {
  return new Date();
}

export function randomId(): string {
  return randomUUID();
}
