// The organisation's own value set (the values feature) as the expert table,
// moral deliberation and the ethics committee use it: advice findings, values
// in tension and case values refer to its keys. A value renamed or added by
// the admin shows at once; a retired value keeps its name on old records.
import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Lang, LocalText } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { invalid } from "../../platform/errors.ts";
import type { ChoiceFieldOption } from "../../ui/choice-fields.tsx";
import { listValues, valueKeys, valueLabels, type ValueLabel } from "../values/service.ts";

/** A list of value keys in an input; whether each is the organisation's is checked by the use case. */
export const valueKeyList = () => z.array(z.string().trim().max(40, "field.too_long")).max(100, "field.too_long").default([]);

/** Names of the organisation's values by key, retired ones included. */
export type ValueNames = Readonly<Record<string, Pick<ValueLabel, "name">>>;

export function valueNames(deps: Deps, organisationId: string): Promise<ValueNames> {
  return valueLabels(deps, organisationId);
}

/** The name of a value in the language shown; a key the set does not know shows as itself. */
export function valueName(names: ValueNames, key: string, lang: Lang): string {
  return names[key]?.name[lang] ?? key;
}

export function valueNameList(names: ValueNames, keys: readonly string[], lang: Lang): string {
  return keys.map((k) => valueName(names, k, lang)).join(", ");
}

/** A value offered in a form. */
export interface ValueChoice {
  key: string;
  name: LocalText;
}

/** The values a form offers: the active ones in their order, and retired ones the record already holds. */
export async function valueChoices(deps: Deps, actor: Actor, held: readonly string[] = []): Promise<ValueChoice[]> {
  const all = await listValues(deps, actor);
  return all.filter((v) => v.active || held.includes(v.key)).map((v) => ({ key: v.key, name: v.name }));
}

/** The names of the values a form offers, by key. */
export function choiceNames(choices: readonly ValueChoice[]): ValueNames {
  return Object.fromEntries(choices.map((v) => [v.key, v]));
}

export function valueOptions(choices: readonly ValueChoice[], lang: Lang): ChoiceFieldOption[] {
  return choices.map((v) => ({ value: v.key, label: v.name[lang] }));
}

/** Refuses keys outside the organisation's value set (retired values still count), as an error on `field`. */
export async function assertValueKeys(deps: Deps, organisationId: string, keys: readonly string[], field: string): Promise<void> {
  if (!keys.length) return;
  const known = new Set(await valueKeys(deps, organisationId));
  if (keys.some((k) => !known.has(k))) throw invalid([{ field, messageKey: "field.invalid_choice" }]);
}

/** The keys of `keys` that are in the organisation's value set, in the given order. */
export async function knownValueKeys(deps: Deps, organisationId: string, keys: readonly string[]): Promise<string[]> {
  if (!keys.length) return [];
  const known = new Set(await valueKeys(deps, organisationId));
  return keys.filter((k) => known.has(k));
}
