// Throw-away databases for the command-line tests: a SQLite file in a temporary
// folder, or a PostgreSQL database of its own (the command works on a whole database).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { postgresTestUrl } from "../../test/support/database.ts";
import type { Engine } from "../platform/db/database.ts";

export function throwAwayDatabases() {
  const dirs: string[] = [];
  const databases: string[] = [];
  return {
    /** A new empty temporary folder. */
    folder(prefix = "afweging-cli-"): string {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    /** The URL of a new, empty database of the engine. */
    async url(engine: Engine): Promise<string> {
      if (engine === "sqlite") return `sqlite:${join(this.folder(), "cli.db")}`;
      const name = `afweging_cli_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: postgresTestUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      databases.push(name);
      const url = new URL(postgresTestUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    /** Removes every folder and database made here. */
    async dispose(): Promise<void> {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
      for (const name of databases) {
        const admin = new pg.Client({ connectionString: postgresTestUrl });
        await admin.connect();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  };
}
