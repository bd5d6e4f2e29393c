import { en } from "./en.ts";
import { nl, type MessageKey } from "./nl.ts";

export type Lang = "nl" | "en";
export const LANGS: readonly Lang[] = ["nl", "en"];
export type { MessageKey };

const catalogues: Record<Lang, Record<string, string>> = { nl, en };

/** Features register their own catalogue parts, so each feature keeps its texts beside its code. */
export function registerMessages(parts: { nl: Record<string, string>; en: Record<string, string> }): void {
  for (const key of Object.keys(parts.nl)) {
    if (key in catalogues.nl) throw new Error(`message key registered twice: ${key}`);
  }
  Object.assign(catalogues.nl, parts.nl);
  Object.assign(catalogues.en, parts.en);
}

export function allCatalogues(): Record<Lang, Record<string, string>> {
  return catalogues;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const catalogue = catalogues[lang];
  return (key, params) => {
    const text = catalogue[key] ?? catalogues.nl[key];
    if (text === undefined) return key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

export function isLang(x: unknown): x is Lang {
  return x === "nl" || x === "en";
}
