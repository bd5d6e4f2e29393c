// Answer sets for the classification tests: a complete baseline (a bought AI
// system used by a municipality, nothing in it that the Act singles out) that
// each test changes in one place.
import { loadInstruments } from "../../instruments/loader.ts";
import { VALUE_KEYS } from "../../instruments/test-fixtures.ts";
import { AI_ACT_INSTRUMENT_ID } from "./implications.ts";

export const aiAct = loadInstruments(undefined, { valueKeys: VALUE_KEYS }).latest(AI_ACT_INSTRUMENT_ID)!;

export const ART5 = ["art5_a", "art5_b", "art5_ba", "art5_bb", "art5_c", "art5_d", "art5_e", "art5_f", "art5_g", "art5_h"] as const;
export const ART50 = ["art50_1_interaction", "art50_2_synthetic", "art50_3_emotion_biometric", "art50_4_deepfake", "art50_4_public_text"] as const;

/** After every date in the file: everything that fired applies. */
export const LATER = "2031-01-01";

export function baseline(): Record<string, unknown> {
  return {
    is_algorithm: "yes",
    ai_system: "yes",
    gpai: "none",
    open_source: "no",
    role: "deployer",
    art25: ["none"],
    public_body: "yes",
    operational_status: "in_development",
    exclusion: ["none"],
    ...Object.fromEntries(ART5.map((q) => [q, "no"])),
    annex_i_product: "no",
    annex_iii_areas: ["none"],
    ...Object.fromEntries(ART50.map((q) => [q, "no"])),
    impactful: "no",
  };
}

export const with_ = (changes: Record<string, unknown>) => ({ ...baseline(), ...changes });

/** An Annex III point, e.g. "5a", chosen in its area. */
export function annexIii(point: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const areas: Record<string, string> = {
    "1": "biometrics",
    "2": "critical_infrastructure",
    "3": "education",
    "4": "employment",
    "5": "essential_services",
    "6": "law_enforcement",
    "7": "migration",
    "8": "justice_democracy",
  };
  const area = point.slice(0, 1);
  const points = point === "2" ? {} : { [`annex_iii_${area}`]: [`point_${point}`] };
  // Biometric categorisation and emotion recognition also carry the Art. 50(3) duty; say so, or the answers contradict.
  const art50 = point === "1b" || point === "1c" ? { art50_3_emotion_biometric: "yes" } : {};
  return with_({ annex_iii_areas: [areas[area]!], ...points, profiling: "no", art6_3_conditions: ["none"], ...art50, ...extra });
}
