import BetterSqlite3 from "better-sqlite3";
import { execFile } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { engineOf, type Engine } from "./database.ts";

const run = promisify(execFile);

/**
 * Backup and restore of the whole database, while the app runs:
 * - SQLite: SQLite's online backup API (better-sqlite3 `backup()`), copying
 *   every page in one step, so the copy is one consistent moment even with
 *   writers busy; the copy is checked with `PRAGMA integrity_check`.
 * - PostgreSQL: `pg_dump --format=custom`, which reads in one snapshot
 *   transaction; restored with `pg_restore --single-transaction`. The
 *   PostgreSQL client tools must be installed, of the server's major version
 *   or newer. The password travels in PGPASSWORD, never on the command line.
 * A restore goes only into an empty database.
 */
export class BackupError extends Error {
  override readonly name = "BackupError";
}

export interface BackupResult {
  engine: Engine;
  file: string;
  bytes: number;
}

export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupResult> {
  const target = resolve(file);
  if (existsSync(target)) throw new BackupError(`Het bestand ${target} bestaat al. Kies een nieuwe naam: een back-up overschrijft niets.`);
  if (!existsSync(dirname(target))) throw new BackupError(`De map ${dirname(target)} bestaat niet.`);
  const engine = engineOf(databaseUrl);
  if (engine === "sqlite") {
    const source = new BetterSqlite3(sqlitePath(databaseUrl), { fileMustExist: true });
    try {
      source.pragma("busy_timeout = 5000");
      // Every remaining page in one step: one read transaction, so one consistent moment.
      await source.backup(target, { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }
    assertSqliteIntact(target);
  } else {
    const { url, env } = libpqConnection(databaseUrl);
    await tool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${target}`, `--dbname=${url}`], env);
    await tool("pg_restore", ["--list", target], env); // the dump can be read back
  }
  return { engine, file: target, bytes: statSync(target).size };
}

export async function restoreDatabase(databaseUrl: string, file: string): Promise<{ engine: Engine; tables: number }> {
  const source = resolve(file);
  if (!existsSync(source)) throw new BackupError(`Het bestand ${source} bestaat niet.`);
  const engine = engineOf(databaseUrl);
  const kind = backupKind(source);
  if (kind !== engine) {
    throw new BackupError(
      kind === null
        ? `${source} is geen back-up van Afweging (geen SQLite-bestand en geen pg_dump in custom-formaat).`
        : `${source} is een back-up van ${kind === "sqlite" ? "SQLite" : "PostgreSQL"}, maar DATABASE_URL wijst naar ${engine === "sqlite" ? "SQLite" : "PostgreSQL"}.`,
    );
  }
  const existing = await tableNames(databaseUrl);
  if (existing.length > 0) {
    throw new BackupError(
      `De database is niet leeg: er staan ${existing.length} tabellen in. Een back-up wordt alleen in een lege database teruggezet, zodat er niets verloren gaat. Maak een nieuwe, lege database en zet DATABASE_URL daarop.`,
    );
  }
  if (engine === "sqlite") {
    assertSqliteIntact(source);
    mkdirSync(dirname(sqlitePath(databaseUrl)), { recursive: true });
    const from = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
    try {
      await from.backup(sqlitePath(databaseUrl), { progress: () => 0x7fffffff });
    } finally {
      from.close();
    }
  } else {
    const { url, env } = libpqConnection(databaseUrl);
    await tool("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${url}`, source], env);
  }
  return { engine, tables: (await tableNames(databaseUrl)).length };
}

/** The tables of the database at the URL (SQLite: the file; PostgreSQL: every schema but the system's). */
export async function tableNames(databaseUrl: string): Promise<string[]> {
  if (engineOf(databaseUrl) === "sqlite") {
    const path = sqlitePath(databaseUrl);
    if (!existsSync(path)) return [];
    const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
      return rows.map((r) => r.name);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "select table_schema || '.' || table_name as name from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema') order by 1",
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

function sqlitePath(databaseUrl: string): string {
  const path = databaseUrl.slice("sqlite:".length);
  if (path === ":memory:") throw new BackupError("Een database in het geheugen (sqlite::memory:) kan geen back-up hebben.");
  return resolve(path);
}

function assertSqliteIntact(file: string): void {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new BackupError(`Het SQLite-bestand ${file} is beschadigd: ${String(result)}`);
  } finally {
    db.close();
  }
}

/** What a file is, by its first bytes: a SQLite database, a pg_dump custom archive, or neither. */
function backupKind(file: string): Engine | null {
  const head = Buffer.alloc(16);
  const fd = openSync(file, "r");
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.subarray(0, 16).toString("latin1") === "SQLite format 3\0") return "sqlite";
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres";
  return null;
}

/** The URL without its password, for libpq's --dbname, and the password in the environment. */
function libpqConnection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  url.password = "";
  return { url: url.toString(), env };
}

async function tool(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run(command, args, { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === "ENOENT") {
      throw new BackupError(`${command} is niet gevonden. Installeer de PostgreSQL-clientprogramma's (bijvoorbeeld het pakket postgresql-client) van dezelfde of een nieuwere versie dan de server.`);
    }
    throw new BackupError(`${command} is mislukt: ${(err.stderr ?? err.message).trim()}`);
  }
}
