import BetterSqlite3 from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type SqliteDatabase,
  type TransactionSettings,
} from "kysely";
import pg from "pg";
import type { DatabaseSchema, Db } from "./schema.ts";
import { statementObserved, throwIfAbandoned } from "./statement-hooks.ts";
import { insideTransaction, touch } from "./transaction-scope.ts";
import { projectIdsWritten } from "./written-projects.ts";

export type Engine = "sqlite" | "postgres";

export interface Database {
  db: Db;
  engine: Engine;
  destroy(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL only: the schema every connection uses (tests isolate themselves with one). */
  searchPath?: string;
  /** PostgreSQL only: the largest number of connections in the pool. */
  poolSize?: number;
  /** SQLite only: open an in-memory copy of this database file's bytes (tests copy a migrated template). */
  sqliteImage?: Buffer;
}

export function engineOf(url: string): Engine {
  return url.startsWith("sqlite:") ? "sqlite" : "postgres";
}

export function openDatabase(url: string, options: OpenOptions = {}): Database {
  if (engineOf(url) === "sqlite") {
    const file = url.slice("sqlite:".length);
    if (file !== ":memory:" && !options.sqliteImage) mkdirSync(dirname(resolve(file)), { recursive: true });
    const sqlite = new BetterSqlite3(options.sqliteImage ?? file);
    sqlite.pragma("journal_mode = WAL");
    // FULL keeps every committed transaction through a power loss, not only an app crash.
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    const dialect = new GuardedDialect(new SqliteDialect({ database: withStatementCache(sqlite) }), "begin immediate");
    const db = new Kysely<DatabaseSchema>({ dialect });
    return { db, engine: "sqlite", destroy: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // An idle connection that the server ends (a restart, a failover, an administrator) is an
  // 'error' on the pool; without a listener it would stop the whole process. The pool drops
  // that connection and opens a new one for the next query; what was in flight fails on its own.
  pool.on("error", (error) => console.error(`PostgreSQL: an idle connection was closed by the server (${(error as { code?: string }).code ?? error.message}); the pool opens a new one.`));
  const db = new Kysely<DatabaseSchema>({ dialect: new GuardedDialect(new PostgresDialect({ pool }), null) });
  return { db, engine: "postgres", destroy: () => db.destroy() };
}

/**
 * Reuses prepared statements: preparing is a large part of a short query's cost
 * on SQLite. The statements of one connection are kept, least recently used out.
 */
function withStatementCache(sqlite: BetterSqlite3.Database, size = 500): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt as unknown as ReturnType<SqliteDatabase["prepare"]>;
    },
  };
}

/**
 * Wraps a dialect's driver with two rules of the house:
 * - a query on the root handle while a transaction is running in the same flow
 *   of work is refused (it would escape the unit of work, or deadlock SQLite);
 * - SQLite transactions begin IMMEDIATE: the write lock is taken at the start,
 *   so a decision's reads and its write cannot interleave with another writer.
 */
class GuardedDialect implements Dialect {
  constructor(
    private readonly inner: Dialect,
    private readonly beginStatement: string | null,
  ) {}

  createDriver(): Driver {
    return new GuardedDriver(this.inner.createDriver(), this.beginStatement);
  }
  createQueryCompiler() {
    return this.inner.createQueryCompiler();
  }
  createAdapter() {
    return this.inner.createAdapter();
  }
  createIntrospector(db: Kysely<any>) {
    return this.inner.createIntrospector(db);
  }
}

export class RootHandleInTransactionError extends Error {
  constructor() {
    super("a query on the root database handle inside a transaction: use the transaction's handle (tx.db, or tx as deps)");
  }
}

class GuardedDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly beginStatement: string | null,
  ) {}

  init() {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    if (insideTransaction()) throw new RootHandleInTransactionError();
    throwIfAbandoned();
    return new HookedConnection(await this.inner.acquireConnection());
  }
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    throwIfAbandoned();
    const hooked = connection as HookedConnection;
    hooked.inTransaction = true;
    try {
      if (this.beginStatement) await connection.executeQuery(CompiledQuery.raw(this.beginStatement));
      else await this.inner.beginTransaction(connection, settings);
    } catch (e) {
      hooked.inTransaction = false;
      throw e;
    }
  }
  async commitTransaction(connection: DatabaseConnection) {
    try {
      await this.inner.commitTransaction(connection);
    } finally {
      (connection as HookedConnection).inTransaction = false;
    }
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    try {
      await this.inner.rollbackTransaction(connection);
    } finally {
      (connection as HookedConnection).inTransaction = false;
    }
  }
  releaseConnection(connection: DatabaseConnection) {
    return this.inner.releaseConnection((connection as HookedConnection).inner);
  }
  destroy() {
    return this.inner.destroy();
  }
}

/**
 * A connection that checks, before each statement outside a transaction,
 * that the request it runs for still has a client, and shows the statement
 * to an observer (statement-hooks.ts).
 */
class HookedConnection implements DatabaseConnection {
  inTransaction = false;
  constructor(readonly inner: DatabaseConnection) {}

  executeQuery<R>(query: CompiledQuery): Promise<import("kysely").QueryResult<R>> {
    if (!this.inTransaction) throwIfAbandoned();
    // A write inside a transaction marks the projects it is about (kept-up state is redone before commit).
    else if (query.query.kind !== "SelectQueryNode" && query.query.kind !== "RawNode") for (const id of projectIdsWritten(query.query)) touch("project", id);
    statementObserved(query.sql);
    return this.inner.executeQuery<R>(query);
  }
  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<import("kysely").QueryResult<R>> {
    statementObserved(query.sql);
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}
