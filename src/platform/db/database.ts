import BetterSqlite3 from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { DatabaseSchema, Db } from "./schema.ts";

export type Engine = "sqlite" | "postgres";

export interface Database {
  db: Db;
  engine: Engine;
  destroy(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL only: the schema every connection uses (tests isolate themselves with one). */
  searchPath?: string;
}

export function engineOf(url: string): Engine {
  return url.startsWith("sqlite:") ? "sqlite" : "postgres";
}

export function openDatabase(url: string, options: OpenOptions = {}): Database {
  if (engineOf(url) === "sqlite") {
    const file = url.slice("sqlite:".length);
    if (file !== ":memory:") mkdirSync(dirname(resolve(file)), { recursive: true });
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma("journal_mode = WAL");
    // FULL keeps every committed transaction through a power loss, not only an app crash.
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, engine: "sqlite", destroy: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: "postgres", destroy: () => db.destroy() };
}
