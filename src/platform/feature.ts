import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Hono } from "hono";
import type { Migration } from "kysely";
import type { Deps } from "./deps.ts";
import type { AppEnv } from "./http/env.ts";
import type { Catalogue } from "./i18n/index.ts";
import type { NavItem } from "./nav.ts";

/**
 * The extension points features offer each other, by name. The feature that
 * owns a point declares it here by module augmentation, beside its own code:
 *
 *   declare module "../../platform/feature.ts" {
 *     interface ExtensionPoints { projectPanels: ProjectPanel }
 *   }
 *
 * Other features then contribute with a field of that name on their Feature
 * object (`projectPanels: [ … ]`), and the owner reads every contribution with
 * `deps.extensions.get("projectPanels")`. The platform knows none of them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ExtensionPoints {}

export type ExtensionName = keyof ExtensionPoints;

export type Contributions = { readonly [K in ExtensionName]?: readonly ExtensionPoints[K][] };

/** A feature, declared once as a value and listed in the registry. Importing it registers nothing. */
export type Feature = Contributions & {
  readonly name: string;
  /** Its catalogue part: keys start with the feature's name. */
  readonly messages?: Catalogue;
  /** Its own tables, keyed "NNN-name" so they run in order after the core ones. */
  readonly migrations?: Readonly<Record<string, Migration>>;
  readonly routes?: () => Hono<AppEnv>;
  readonly api?: () => OpenAPIHono<AppEnv>;
  /** Menu entries, placed before the entry with the given href, or at the end. */
  readonly nav?: readonly NavItem[];
  /** Paths that stream their own bodies and enforce their own limit (uploads). */
  readonly largeBodyPaths?: readonly RegExp[];
  /** Runs once when the server starts, after migrations and demo data. */
  readonly onStart?: (deps: Deps) => Promise<void>;
};

const CORE_FIELDS = new Set(["name", "messages", "migrations", "routes", "api", "nav", "largeBodyPaths", "onStart"]);

/** Every contribution to every extension point, in the order the features are listed. */
export class Extensions {
  readonly #points = new Map<string, readonly unknown[]>();

  constructor(features: readonly Feature[]) {
    for (const feature of features) {
      for (const [name, value] of Object.entries(feature)) {
        if (CORE_FIELDS.has(name) || value === undefined) continue;
        if (!Array.isArray(value)) throw new Error(`feature ${feature.name}: ${name} must be a list`);
        this.#points.set(name, [...(this.#points.get(name) ?? []), ...value]);
      }
    }
  }

  get<K extends ExtensionName>(name: K): readonly ExtensionPoints[K][] {
    return (this.#points.get(name) ?? []) as readonly ExtensionPoints[K][];
  }

  static readonly none = new Extensions([]);
}

/** The menu in the order the features are listed, each entry placed before the one it names. */
export function composeNav(features: readonly Feature[]): NavItem[] {
  const items: NavItem[] = [];
  for (const feature of features) {
    for (const item of feature.nav ?? []) {
      const at = item.before ? items.findIndex((i) => i.href === item.before) : -1;
      if (at >= 0) items.splice(at, 0, item);
      else items.push(item);
    }
  }
  return items;
}

/** Every feature's migrations by name; a name defined twice stops start-up. */
export function featureMigrations(features: readonly Feature[]): Record<string, Migration> {
  const all: Record<string, Migration> = {};
  for (const feature of features) {
    for (const [name, migration] of Object.entries(feature.migrations ?? {})) {
      if (name in all) throw new Error(`migration ${name} is defined twice`);
      all[name] = migration;
    }
  }
  return all;
}

/** Two features with one name is a mistake in the registry. */
export function assertUniqueNames(features: readonly Feature[]): void {
  const seen = new Set<string>();
  for (const f of features) {
    if (seen.has(f.name)) throw new Error(`feature ${f.name} is listed twice`);
    seen.add(f.name);
  }
}
