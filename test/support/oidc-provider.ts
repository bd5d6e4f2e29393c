// A real OpenID provider (oidc-provider, certified) on a free port of this
// machine, for the tests of signing in through an identity provider. Its
// people and their groups are a map the test changes; its login and sign-out
// pages are plain, labelled HTML so a browser journey can use them (and axe
// can check them). A test can make the token endpoint hand out an ID token
// that was changed and signed again (another audience, expired, a foreign key)
// to see that the application refuses it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

export interface TestAccount {
  email?: unknown;
  name?: unknown;
  groups?: unknown;
  email_verified?: boolean;
}

export interface TestClientRegistration {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export type IdTokenTamper = { claims?: (payload: Record<string, unknown>) => Record<string, unknown>; foreignKey?: boolean };

export interface TestIdentityProvider {
  issuer: string;
  /** People by subject; the login name on the provider's page is the subject. Change them between sign-ins. */
  accounts: Map<string, TestAccount>;
  /** The next ID token the token endpoint gives is changed and signed again. */
  tamperNextIdToken(tamper: IdTokenTamper): void;
  close(): Promise<void>;
}

function rsaKey(): { jwk: Record<string, unknown>; key: KeyObject } {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { key: privateKey, jwk: { ...privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" } };
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}

function resign(jwt: string, tamper: IdTokenTamper, key: KeyObject): string {
  const [h, p] = jwt.split(".") as [string, string];
  const header = JSON.parse(Buffer.from(h, "base64url").toString());
  const payload = tamper.claims ? tamper.claims(JSON.parse(Buffer.from(p, "base64url").toString())) : JSON.parse(Buffer.from(p, "base64url").toString());
  const head = Buffer.from(JSON.stringify(header)).toString("base64url");
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  const signer = tamper.foreignKey ? generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey : key;
  return `${head}.${body}.${sign("sha256", Buffer.from(`${head}.${body}`), signer).toString("base64url")}`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString());
}

/** Starts the provider; every client is registered with the redirect URIs given. */
export async function startIdentityProvider(clients: TestClientRegistration[]): Promise<TestIdentityProvider> {
  const accounts = new Map<string, TestAccount>();
  const signing = rsaKey();
  let tamper: IdTokenTamper | null = null;
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const configuration: Configuration = {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris,
      response_types: ["code"],
      grant_types: ["authorization_code"],
    })),
    jwks: { keys: [signing.jwk as never] },
    cookies: { keys: [randomBytes(16).toString("hex")] },
    pkce: { required: () => true, methods: ["S256"] },
    ttl: { Interaction: 600, Grant: 3600, Session: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    // Like Keycloak and Entra ID: the scope's claims are in the ID token itself.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // First-party client: no consent screen.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope("openid email profile groups");
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => {
        const a = accounts.get(sub) ?? {};
        return { sub, ...(a as Record<string, unknown>) };
      },
    }),
    renderError: async (ctx, out) => {
      ctx.type = "html";
      ctx.body = page("Error", `<p>${String(out.error)}: ${String(out.error_description ?? "")}</p>`);
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === "/token" && tamper && body?.id_token) {
      ctx.body = { ...body, id_token: resign(body.id_token, tamper, signing.key) };
      tamper = null;
    }
  });
  const oidc = provider.callback();

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    const match = path.match(/^\/interaction\/([\w-]+)(\/login)?$/);
    if (!match) return void oidc(req, res);
    void (async () => {
      try {
        if (req.method === "POST" && match[2]) {
          const form = await readForm(req);
          await provider.interactionFinished(req, res, { login: { accountId: form.get("login") ?? "" } }, { mergeWithLastSubmission: false });
          return;
        }
        const details = await provider.interactionDetails(req, res);
        res.setHeader("content-type", "text/html; charset=utf-8");
        const hint = typeof details.params.login_hint === "string" ? details.params.login_hint : "";
        res.end(
          page(
            "Sign in at the test provider",
            `<form method="post" action="/interaction/${details.uid}/login">` +
              `<p><label for="login">User name</label> <input id="login" name="login" required value="${hint.replace(/"/g, "&quot;")}"></p>` +
              `<p><label for="password">Password</label> <input id="password" name="password" type="password" required></p>` +
              `<p><button type="submit">Sign in</button></p></form>`,
          ),
        );
      } catch (e) {
        res.statusCode = 400;
        res.end(page("Error", `<p>${String(e)}</p>`));
      }
    })();
  });

  return {
    issuer,
    accounts,
    tamperNextIdToken: (t) => {
      tamper = t;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  ctx.type = "html";
  ctx.body = page("Sign out at the test provider", `${form}<p><button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button></p>`);
}

async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  ctx.type = "html";
  ctx.body = page("Signed out", "<p>You are signed out at the test provider.</p>");
}

/** A server that answers every request with the given handler: a broken discovery document, an error. */
export async function startStaticServer(handler: (path: string, origin: string) => { status: number; body: unknown }): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host}`;
    const answer = handler(new URL(req.url ?? "/", origin).pathname, origin);
    res.statusCode = answer.status;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An address on this machine where nothing listens: a provider that does not answer. */
export async function closedAddress(): Promise<string> {
  const s = await startStaticServer(() => ({ status: 200, body: {} }));
  await s.close();
  return s.url;
}

/**
 * The user's browser at the provider, over HTTP: keeps the provider's cookies,
 * follows its redirects, fills in its login form, and stops at the first
 * address outside the provider (the application's callback).
 */
export class ProviderBrowser {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly issuer: string) {}

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1);
      if (value === "" || attrs.some((a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Follows redirects from `url`; returns the first address outside the provider, or the provider's page where it stopped. */
  async follow(url: string, init?: RequestInit): Promise<{ leftTo: string | null; page: Response; url: string }> {
    let current = url;
    let res = await this.fetch(current, init);
    for (let hops = 0; hops < 20; hops++) {
      const location = res.headers.get("location");
      if (!location || res.status < 300 || res.status >= 400) return { leftTo: null, page: res, url: current };
      current = new URL(location, current).href;
      if (!current.startsWith(this.issuer)) return { leftTo: current, page: res, url: current };
      res = await this.fetch(current);
    }
    throw new Error("too many redirects at the provider");
  }

  /** From the authorization URL to the application's callback URL, signing in as `subject` when asked. */
  async signIn(authorizationUrl: string, subject: string): Promise<string> {
    const first = await this.follow(authorizationUrl);
    if (first.leftTo) return first.leftTo; // already signed in at the provider
    const html = await first.page.text();
    const action = html.match(/<form method="post" action="([^"]+)"/)?.[1];
    if (!action) throw new Error(`no login form at ${first.url}: ${html.slice(0, 300)}`);
    const body = new URLSearchParams({ login: subject, password: "test" });
    const after = await this.follow(new URL(action, first.url).href, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
    if (!after.leftTo) throw new Error(`the provider did not send the browser back: ${after.page.status} ${(await after.page.text()).slice(0, 300)}`);
    return after.leftTo;
  }

  /** Confirms sign-out on the provider's page reached from `endSessionUrl`; returns where the provider sends the browser. */
  async signOut(endSessionUrl: string): Promise<string> {
    const first = await this.follow(endSessionUrl);
    if (first.leftTo) return first.leftTo;
    const html = await first.page.text();
    const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
    const xsrf = html.match(/name="xsrf" value="([^"]+)"/)?.[1];
    if (!action || !xsrf) throw new Error(`no sign-out form: ${html.slice(0, 300)}`);
    const after = await this.follow(new URL(action, first.url).href, { method: "POST", body: new URLSearchParams({ xsrf, logout: "yes" }), headers: { "content-type": "application/x-www-form-urlencoded" } });
    if (!after.leftTo) throw new Error(`the provider did not send the browser back after sign-out: ${after.page.status}`);
    return after.leftTo;
  }

  /** Whether the provider still has a session for this browser: an authorization request with prompt=none tells. */
  async hasSession(authorizationUrl: string): Promise<boolean> {
    const url = new URL(authorizationUrl);
    url.searchParams.set("prompt", "none");
    const { leftTo } = await this.follow(url.href);
    if (!leftTo) throw new Error("prompt=none did not return to the application");
    return new URL(leftTo).searchParams.get("error") !== "login_required";
  }
}
