import { en } from "./en.ts";
import { nl, type CoreMessageKey } from "./nl.ts";

export type Lang = "nl" | "en";
export const LANGS: readonly Lang[] = ["nl", "en"];

/** A catalogue part: Dutch first (B1), English with exactly the same keys. */
export interface Catalogue {
  readonly nl: Readonly<Record<string, string>>;
  readonly en: Readonly<Record<string, string>>;
}

/**
 * Every message key of the application, as a type: the core catalogue's keys
 * and, by module augmentation in each feature's messages.ts, the feature's:
 *
 *   declare module "../../platform/i18n/index.ts" {
 *     interface MessageKeys extends Record<keyof typeof nl, true> {}
 *   }
 *
 * `t()` takes only a MessageKey, so the compiler finds a key that does not
 * exist, also one built at run time from a typed union (`role.${OrganisationRole}`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MessageKeys extends Record<CoreMessageKey, true> {}
export type MessageKey = keyof MessageKeys & string;

/** A text the domain or a service hands back: a key with its parameters, worded by the view. */
export interface Message {
  key: MessageKey;
  params?: Record<string, string | number>;
}

const catalogues: Record<Lang, Record<string, string>> = { nl: { ...nl }, en: { ...en } };
const installed = new WeakSet<Catalogue>();

/**
 * Adds the catalogue parts of the given features. Called when the application
 * is composed (createApp, the CLI, the tests), not when a module is imported;
 * the same part twice is a no-op, two parts with one key an error.
 */
export function installCatalogues(parts: readonly Catalogue[]): void {
  for (const part of parts) {
    if (installed.has(part)) continue;
    for (const key of Object.keys(part.nl)) {
      if (key in catalogues.nl) throw new Error(`message key registered twice: ${key}`);
    }
    Object.assign(catalogues.nl, part.nl);
    Object.assign(catalogues.en, part.en);
    installed.add(part);
  }
}

export function allCatalogues(): Record<Lang, Readonly<Record<string, string>>> {
  return catalogues;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const catalogue = catalogues[lang];
  return (key, params) => {
    const text = (Object.hasOwn(catalogue, key) ? catalogue[key] : undefined) ?? (Object.hasOwn(catalogues.nl, key) ? catalogues.nl[key] : undefined);
    if (text === undefined) return key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

/** For keys that arrive as data (a flash cookie, an error carried over a redirect): is it a key we know? */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogues.nl, key);
}

export function isLang(x: unknown): x is Lang {
  return x === "nl" || x === "en";
}
