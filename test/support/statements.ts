// Counts the database statements a piece of work runs (through the driver's
// observer, database.ts), for tests that keep a page's cost from growing with the data.
import { observeStatements } from "../../src/platform/db/statement-hooks.ts";

export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
  const statements: string[] = [];
  const stop = observeStatements((sql) => statements.push(sql));
  try {
    const result = await work();
    return { result, count: statements.length, statements };
  } finally {
    stop();
  }
}
