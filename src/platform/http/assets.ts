import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import type { AppEnv } from "./env.ts";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/** Static files, read once at start-up and served with long caching. */
const files: Record<string, { path: string; type: string }> = {
  "utrecht.css": { path: require.resolve("@utrecht/component-library-css/dist/index.css"), type: "text/css" },
  "voorbeeld-theme.css": { path: require.resolve("@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css"), type: "text/css" },
  "htmx.min.js": { path: require.resolve("htmx.org/dist/htmx.min.js"), type: "text/javascript" },
  "app.css": { path: join(here, "../../ui/assets/app.css"), type: "text/css" },
  "app.js": { path: join(here, "../../ui/assets/app.js"), type: "text/javascript" },
};

export function assetRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const cache = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(files)) cache.set(name, readFileSync(f.path));
  app.get("/:name", (c) => {
    const name = c.req.param("name");
    const body = cache.get(name);
    const meta = files[name];
    if (!body || !meta) return c.notFound();
    c.header("Content-Type", `${meta.type}; charset=utf-8`);
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(new Uint8Array(body));
  });
  return app;
}
