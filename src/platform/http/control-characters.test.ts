import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { findControlCharacter, hasControlCharacter } from "./control-characters.ts";
import type { AppEnv } from "./env.ts";

/** A tiny app that answers where the rule finds a control character, and echoes the body the route still reads. */
function probe(largeBodyPaths: RegExp[] = []) {
  const app = new Hono<AppEnv>();
  app.use("*", async (c, next) => {
    c.set("largeBodyPaths", largeBodyPaths);
    await next();
  });
  app.all("*", async (c) => {
    const where = await findControlCharacter(c);
    const type = c.req.header("content-type") ?? "";
    const body = type.includes("json") ? await c.req.json().catch(() => null) : type.includes("form") ? await c.req.parseBody() : null;
    return c.json({ where, body: c.req.path === "/deep" ? null : body });
  });
  app.onError((e) => {
    throw e instanceof AppError ? new Error(e.message) : e;
  });
  return async (path: string, init?: RequestInit) => (await (await app.request(path, init)).json()) as { where: string | null; body: unknown };
}

const form = (fields: Record<string, string>) => ({ method: "POST", body: new URLSearchParams(fields), headers: { "content-type": "application/x-www-form-urlencoded" } });
const json = (value: unknown, type = "application/json") => ({ method: "POST", body: JSON.stringify(value), headers: { "content-type": type } });

describe("the control-character rule", () => {
  it("knows the characters: C0 and DEL; TAB, LF and CR only in multi-line text", () => {
    for (let code = 0; code < 0x20; code++) expect(hasControlCharacter(String.fromCharCode(code)), `U+${code.toString(16)}`).toBe(true);
    expect(hasControlCharacter("\u007f")).toBe(true);
    for (const ok of ["\t", "\n", "\r", "a\r\nb\tc"]) expect(hasControlCharacter(ok, true)).toBe(false);
    for (const bad of ["\u0000", "\u0008", "\u000b", "\u000c", "\u001b", "\u007f"]) expect(hasControlCharacter(bad, true)).toBe(true);
    for (const fine of ["gewoon", "café €", "\u00a0", "\u0080", "日本"]) expect(hasControlCharacter(fine)).toBe(false);
  });

  it("finds them in the path, path parameters and the query, encoded or not", async () => {
    const ask = probe();
    expect((await ask("/openbaar/advies/a%00b")).where).toBe("path");
    expect((await ask("/x/a%1Fb/y")).where).toBe("path");
    expect((await ask("/x/a%7fb")).where).toBe("path");
    expect((await ask("/x/a%C0%00b")).where).toBe("path"); // an invalid UTF-8 sequence does not hide it
    expect((await ask("/x?action=%00")).where).toBe("query.action");
    expect((await ask("/x?a%00=1")).where).toBe("query.a\uFFFD");
    expect((await ask("/x?q=a%09b")).where).toBe("query.q");
    expect((await ask("/x?q=a+b&r=%25%30%30")).where).toBeNull(); // "%00" as text, not a NUL
    expect((await ask("/x/%2500")).where).toBeNull();
  });

  it("finds them in form fields and JSON strings, but lets multi-line text through; the route still reads the body", async () => {
    const ask = probe();
    expect((await ask("/f", form({ email: "a\u0000@b.nl" }))).where).toBe("body.email");
    expect((await ask("/f", form({ "e\nmail": "x" }))).where).toBe("body.e\uFFFDmail");
    const multi = await ask("/f", form({ text: "regel 1\r\n\tregel 2" }));
    expect(multi).toEqual({ where: null, body: { text: "regel 1\r\n\tregel 2" } });

    expect((await ask("/j", json({ title: "a\u0000" }))).where).toBe("body.title");
    expect((await ask("/j", json({ a: [{ b: ["ok", "\u001b[31m"] }] }))).where).toBe("body.a[0].b[1]");
    expect((await ask("/j", json({ "k\u0000": 1 }))).where).toBe("body.k\uFFFD");
    expect((await ask("/j", json({ a: "\u0000" }, "application/problem+json"))).where).toBe("body.a");
    const fine = await ask("/j", json({ text: "regel 1\nregel 2\t!", n: 1, b: true, x: null }));
    expect(fine).toEqual({ where: null, body: { text: "regel 1\nregel 2\t!", n: 1, b: true, x: null } });
    // Not JSON, or not a type the rule reads: left to the route.
    expect((await ask("/j", { method: "POST", body: "{not json\u0000", headers: { "content-type": "application/json" } })).where).toBeNull();
    expect((await ask("/j", { method: "POST", body: "a\u0000b", headers: { "content-type": "text/csv" } })).where).toBeNull();
  });

  it("checks file names of multipart forms, and never reads streamed upload bodies", async () => {
    const ask = probe([/^\/uploads$/]);
    const data = new FormData();
    data.set("file", new File(["a\u0000b"], "uitkomsten\u0000.csv"));
    expect((await ask("/f", { method: "POST", body: data })).where).toBe("body.file");
    const clean = new FormData();
    clean.set("file", new File(["a\u0000b"], "uitkomsten.csv"));
    expect((await ask("/f", { method: "POST", body: clean })).where).toBeNull();
    expect((await ask("/uploads", form({ x: "\u0000" }))).where).toBeNull();
    expect((await ask("/uploads?name=%00", form({ x: "y" }))).where).toBe("query.name");
  });

  it("walks a deeply nested body without overflowing the stack", async () => {
    const ask = probe();
    const deep = "[".repeat(5000) + '"\\u0000"' + "]".repeat(5000);
    const res = await ask("/deep", { method: "POST", body: deep, headers: { "content-type": "application/json" } });
    expect(res.where).toBe("body" + "[0]".repeat(5000));
  });
});
