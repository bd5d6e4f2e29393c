// What the HTTP benchmarks share: starting the app (or any child) and waiting
// until it listens, its peak memory, and plain SQL on either engine for seeding.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";

export function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ["bin/afweging.js", "serve"], { env, cwd: join(import.meta.dirname, ".."), stdio: ["ignore", "pipe", "inherit"] });
}

export function readyOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      if (/ready|draait|localhost/.test(d.toString())) resolve();
    });
    child.once("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
}

/** Peak resident memory of a child (VmHWM), in MB. */
export function peakOf(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  return Math.round(Number(status.match(/VmHWM:\s+(\d+)/)![1]) / 1024);
}

export async function withDb<T>(engine: string, url: string, work: (q: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>, bulk: (table: string, rows: Record<string, unknown>[]) => Promise<void>) => Promise<T>): Promise<T> {
  if (engine === "sqlite") {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(url.slice("sqlite:".length));
    try {
      const q = async (sql: string, params: unknown[] = []) => {
        const stmt = db.prepare(sql);
        if (stmt.reader) return stmt.all(...params) as Record<string, unknown>[];
        stmt.run(...params);
        return [];
      };
      const bulk = async (table: string, rows: Record<string, unknown>[]) => {
        if (!rows.length) return;
        const cols = Object.keys(rows[0]!);
        const stmt = db.prepare(`insert into ${table} (${cols.join(",")}) values (${cols.map(() => "?").join(",")})`);
        db.transaction(() => rows.forEach((r) => stmt.run(...cols.map((c) => r[c]))))();
      };
      return await work(q, bulk);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string, params: unknown[] = []) => {
      let i = 0;
      return (await client.query(sql.replace(/\?/g, () => `$${++i}`), params)).rows;
    };
    const bulk = async (table: string, rows: Record<string, unknown>[]) => {
      const cols = Object.keys(rows[0] ?? {});
      for (let at = 0; at < rows.length; at += 500) {
        const chunk = rows.slice(at, at + 500);
        let i = 0;
        const values = chunk.map(() => `(${cols.map(() => `$${++i}`).join(",")})`).join(",");
        await client.query(`insert into ${table} (${cols.join(",")}) values ${values}`, chunk.flatMap((r) => cols.map((c) => r[c])));
      }
    };
    return await work(q, bulk);
  } finally {
    await client.end();
  }
}


/**
 * A fresh, empty database for one engine's run: a SQLite file in `dir` (emptied
 * first), or a PostgreSQL database of its own; `drop()` removes the latter.
 */
export async function freshDatabase(engine: string, dir: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (engine !== "postgres") return { url: `sqlite:${join(dir, "a.db")}`, drop: async () => {} };
  const dbName = `${name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/postgres" });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName}`);
  await admin.query(`create database ${dbName}`);
  return {
    url: `postgres://postgres@127.0.0.1:5432/${dbName}`,
    drop: async () => {
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    },
  };
}
