import type { Hono } from "hono";

/**
 * A tiny browser stand-in for app.request(): keeps cookies, reads the CSRF
 * token from the last page, and posts forms the way a browser does.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  csrf = "";
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  constructor(private readonly app: Hono<any>) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await this.app.request(path, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const [name, value] = pair!.split("=") as [string, string];
      const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return res;
  }

  async get(path: string): Promise<{ res: Response; html: string }> {
    const res = await this.request(path);
    const html = await res.text();
    const token = html.match(/name="_csrf" value="([^"]+)"/);
    if (token) this.csrf = token[1]!;
    return { res, html };
  }

  post(path: string, fields: Record<string, string>, options: { csrf?: string | null } = {}): Promise<Response> {
    const body = new URLSearchParams(fields);
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    if (token !== null) body.set("_csrf", token);
    return this.request(path, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
  }

  async api(method: string, path: string, json?: unknown): Promise<Response> {
    return this.request(path, {
      method,
      headers: { "content-type": "application/json", "x-csrf-token": this.csrf, accept: "application/json" },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  }

  async logIn(email: string, password: string): Promise<Response> {
    await this.get("/login");
    const res = await this.post("/login", { email, password });
    await this.get("/");
    return res;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}
