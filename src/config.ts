import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, "DATABASE_URL must be sqlite:PATH or postgres://…")
    .default("sqlite:./data/afweging.db"),
  BASE_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  // One key, or several separated by commas: the first encrypts, each of them decrypts (to rotate keys).
  SECRETS_KEY: z
    .string()
    .refine((v) => v.split(",").every((k) => k.trim().length >= 32), "SECRETS_KEY: every key needs at least 32 characters")
    .optional(),
  DATA_DIR: z.string().default("./data"),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(8 * 1024 ** 3),
  LOG_LEVEL: z.enum(["silent", "error", "info", "debug"]).default("info"),
});

export type Config = {
  port: number;
  databaseUrl: string;
  baseUrl: string;
  secureCookies: boolean;
  sessionSecret: string;
  /** Encrypts secrets stored in the database (a client secret of an identity provider); the first key encrypts. */
  secretsKeys: string[];
  dataDir: string;
  maxBodyBytes: number;
  maxUploadBytes: number;
  logLevel: "silent" | "error" | "info" | "debug";
};

/**
 * Reads configuration from the environment. Secrets that are not given are
 * generated once and kept in the data directory, so the one-command start
 * needs no set-up and a restart keeps sessions valid.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const baseUrl = e.BASE_URL ?? `http://localhost:${e.PORT}`;
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    baseUrl,
    secureCookies: baseUrl.startsWith("https://"),
    sessionSecret: e.SESSION_SECRET ?? keptSecret(resolve(dataDir, "secrets", "session-secret")),
    secretsKeys: (e.SECRETS_KEY ?? keptSecret(resolve(dataDir, "secrets", "secrets-key"))).split(",").map((k) => k.trim()),
    dataDir,
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    logLevel: e.LOG_LEVEL,
  };
}

function keptSecret(path: string): string {
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(path, secret + "\n", { mode: 0o600 });
  return secret;
}
