// Child process for the benchmark: the same finest-grain count table with
// DuckDB's CSV reader (group-by over three attributes, confusion counts).
// Usage: node bench/duckdb-child.mjs FILE THREADS
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const [file, threads = "2"] = process.argv.slice(2);
const require = createRequire(new URL("./.duckdb/package.json", import.meta.url));
const { DuckDBInstance } = await import(pathToFileURL(require.resolve("@duckdb/node-api")).href);
const instance = await DuckDBInstance.create(":memory:", { threads: String(threads) });
const con = await instance.connect();
const sql = `
  SELECT gemeente, geslacht, leeftijdsgroep, count(*) AS n,
         count(*) FILTER (WHERE score >= 0.5 AND label = 1) AS tp,
         count(*) FILTER (WHERE score >= 0.5 AND label = 0) AS fp,
         count(*) FILTER (WHERE score < 0.5 AND label = 1) AS fn,
         count(*) FILTER (WHERE score < 0.5 AND label = 0) AS tn
  FROM read_csv('${file.replaceAll("'", "''")}', header = true)
  GROUP BY ALL`;
const reader = await con.runAndReadAll(sql);
const rows = reader.getRowObjects();
const sum = (k) => rows.reduce((a, r) => a + Number(r[k]), 0);
const counts = { n: sum("n"), tp: sum("tp"), fp: sum("fp"), fn: sum("fn"), tn: sum("tn") };
const version = (await con.runAndReadAll("SELECT version() AS v")).getRowObjects()[0]?.v ?? null;
process.stderr.write(`BENCH ${JSON.stringify({ code: 0, counts, cells: rows.length, version, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
