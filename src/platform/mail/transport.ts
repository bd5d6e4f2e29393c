// How a mail leaves: through the configured SMTP server (nodemailer), or, without one,
// into the log (the mail stays in the outbox as sent by "log").
import nodemailer from "nodemailer";
import type { Config, SmtpConfig } from "../../config.ts";

export interface OutgoingMail {
  /** The outbox row's id: the Message-ID is made of it, so a receiver can tell a copy. */
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Why a send failed: "permanent" (the server refused: 5xx) is not tried again; "temporary" (down, 4xx) is. */
export class MailError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export interface MailTransport {
  readonly name: "smtp" | "log";
  send(mail: OutgoingMail): Promise<void>;
  close?(): void;
}

function messageId(mail: OutgoingMail, from: string): string {
  return `<${mail.id}@${from.split("@")[1] ?? "afweging"}>`;
}

export function smtpTransport(smtp: SmtpConfig): MailTransport {
  const transporter = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.tls === "tls",
    requireTLS: smtp.tls === "starttls",
    ignoreTLS: smtp.tls === "none",
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? "" } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    name: "smtp",
    async send(mail) {
      try {
        await transporter.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: messageId(mail, mail.from) });
      } catch (e) {
        const err = e as { responseCode?: number; message?: string; code?: string };
        const permanent = typeof err.responseCode === "number" && err.responseCode >= 500;
        throw new MailError(`${err.code ?? "mail"}: ${err.message ?? String(e)}`.slice(0, 1000), permanent);
      }
    },
    close: () => transporter.close(),
  };
}

/** Without a mail server: the mail goes to the log; nothing is lost, it stays in the outbox. */
export function logTransport(write: (line: string) => void = (line) => console.log(line)): MailTransport {
  return {
    name: "log",
    async send(mail) {
      write(`[e-mail, niet verstuurd: geen SMTP_HOST] aan ${mail.to}: ${mail.subject}\n${mail.text}`);
    },
  };
}

const kept = new WeakMap<Config, MailTransport>();

/** The transport of a configuration, made once. */
export function transportFor(config: Config): MailTransport {
  let t = kept.get(config);
  if (!t) {
    t = config.smtp ? smtpTransport(config.smtp) : logTransport(config.logLevel === "silent" ? () => undefined : undefined);
    kept.set(config, t);
  }
  return t;
}
