import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
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
  EVIDENCE_MAX_BYTES: z.coerce.number().int().positive().max(200 * 1024 ** 2).default(10 * 1024 ** 2),
  LOG_LEVEL: z.enum(["silent", "error", "info", "debug"]).default("info"),
  AUDIT_KEY: z.string().min(32).optional(),
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .refine((list) => list.every(isAddressOrCidr), "TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges"),
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().positive().max(24 * 60).default(5),
  MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(1000).default(8),
  MAX_QUEUE_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  MAX_QUEUE: z.coerce.number().int().min(0).max(100_000).default(200),
  // E-mail. Without SMTP_HOST mails are written to the log (and kept in the outbox), so the demo needs no mail server.
  SMTP_HOST: z.string().min(1).max(255).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  // "tls": TLS from the first byte (port 465); "starttls": upgrade required (587); "none": plain (a relay on the same host).
  SMTP_TLS: z.enum(["tls", "starttls", "none"]).default("starttls"),
  SMTP_USER: z.string().max(255).optional(),
  SMTP_PASSWORD: z.string().max(1024).optional(),
  MAIL_FROM: z.string().email("MAIL_FROM must be an e-mail address").max(255).optional(),
  SCHEDULER_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
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
  /** Largest evidence file (a PDF, an office document, an image, a CSV); kept in the database. */
  evidenceMaxBytes: number;
  logLevel: "silent" | "error" | "info" | "debug";
  /** Key of the audit trail's HMACs and signed checkpoints (AUDIT_KEY, or kept in $DATA_DIR/secrets/). */
  auditKey: string;
  /** Addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed. */
  trustedProxies: string[];
  /** How often the server writes signed checkpoints of the audit chain heads. */
  auditCheckpointMinutes: number;
  /** Overload: requests worked on at once, how long one may wait in line, and how many may wait (platform/http/overload.ts). */
  overload: { maxConcurrent: number; maxWaitMs: number; maxQueue: number };
  /** The mail server; null: mails are written to the log (platform/mail). */
  smtp: SmtpConfig | null;
  /** The sender of every mail. */
  mailFrom: string;
  /** How often this process looks for due jobs (platform/scheduler). */
  schedulerSeconds: number;
};

export interface SmtpConfig {
  host: string;
  port: number;
  tls: "tls" | "starttls" | "none";
  user?: string;
  password?: string;
}

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
    evidenceMaxBytes: e.EVIDENCE_MAX_BYTES,
    logLevel: e.LOG_LEVEL,
    auditKey: e.AUDIT_KEY ?? keptSecret(resolve(dataDir, "secrets", "audit-key")),
    trustedProxies: e.TRUSTED_PROXIES,
    auditCheckpointMinutes: e.AUDIT_CHECKPOINT_MINUTES,
    overload: { maxConcurrent: e.MAX_CONCURRENT_REQUESTS, maxWaitMs: e.MAX_QUEUE_WAIT_MS, maxQueue: e.MAX_QUEUE },
    smtp: e.SMTP_HOST
      ? { host: e.SMTP_HOST, port: e.SMTP_PORT ?? (e.SMTP_TLS === "tls" ? 465 : e.SMTP_TLS === "starttls" ? 587 : 25), tls: e.SMTP_TLS, ...(e.SMTP_USER ? { user: e.SMTP_USER, password: e.SMTP_PASSWORD ?? "" } : {}) }
      : null,
    mailFrom: e.MAIL_FROM ?? `afweging@${new URL(baseUrl).hostname}`,
    schedulerSeconds: e.SCHEDULER_SECONDS,
  };
}

/**
 * A secret kept in a file. It is written beside the file and linked into place,
 * which fails when the file exists: processes starting together agree on one value
 * and none reads a half-written file.
 */
function keptSecret(path: string): string {
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const draft = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, randomBytes(48).toString("base64url") + "\n", { mode: 0o600 });
  try {
    linkSync(draft, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  } finally {
    unlinkSync(draft);
  }
  return readFileSync(path, "utf8").trim();
}

function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, ...more] = entry.split("/");
  const family = isIP(address ?? "");
  if (!family || more.length) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}
