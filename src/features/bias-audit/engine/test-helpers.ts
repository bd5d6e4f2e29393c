// Shared by the engine and CLI tests: where the public fairness data sets live.
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
export const FAIRNESS_DATA = path.resolve(repoRoot, "..", "shared", "data", "fairness");
export const COMPAS = path.join(FAIRNESS_DATA, "compas_for_aequitas.csv");
export const ADULT = path.join(FAIRNESS_DATA, "adult.data");
export const GERMAN = path.join(FAIRNESS_DATA, "GermanCredit_numeric.csv");
