import { randomUUID } from "node:crypto";
import type { Config } from "../config.ts";
import type { Engine } from "./db/database.ts";
import type { Db } from "./db/schema.ts";

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
}

export function systemClock(): Date {
  return new Date();
}

export function randomId(): string {
  return randomUUID();
}
