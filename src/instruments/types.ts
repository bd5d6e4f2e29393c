// The instrument model: what an instrument YAML file holds once it has passed
// the JSON Schema and the cross-checks. Field names follow the YAML (snake_case)
// so a file and its parsed value read the same.

export type Lang = "nl" | "en";

/** Every user-visible instrument text exists in Dutch and English. */
export interface LocalText {
  nl: string;
  en: string;
}

export type QuestionType =
  | "text"
  | "long_text"
  | "single_choice"
  | "multiple_choice"
  | "scale"
  | "yes_no_explain"
  | "table"
  | "value_tags";

export const QUESTION_TYPES: readonly QuestionType[] = [
  "text",
  "long_text",
  "single_choice",
  "multiple_choice",
  "scale",
  "yes_no_explain",
  "table",
  "value_tags",
];

export type CompareOp = "equals" | "gt" | "gte" | "lt" | "lte";

export type Scalar = string | number | boolean;

/** Visibility and outcome conditions: declarative, never code. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | QuestionCondition
  | { criterion: string }
  | ({ count: string } & NumberComparison)
  | ({ score: string } & NumberComparison & { above_threshold?: boolean });

export interface QuestionCondition {
  question: string;
  equals?: Scalar;
  not_equals?: Scalar;
  in?: Scalar[];
  /** For multiple_choice and value_tags: the answer contains this value. */
  includes?: string;
  answered?: boolean;
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

export interface NumberComparison {
  equals?: number;
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

export interface ChoiceOption {
  value: string;
  label: LocalText;
  help?: LocalText;
  /** "None of these": may not be combined with other options. */
  exclusive?: boolean;
}

export interface ScaleLabel {
  value: number;
  label: LocalText;
}

export type TableColumnType = "text" | "long_text" | "number" | "date" | "yes_no" | "single_choice";

export interface TableColumn {
  id: string;
  label: LocalText;
  type: TableColumnType;
  options?: ChoiceOption[];
  required?: boolean;
  help?: LocalText;
}

export interface TableRowDef {
  id: string;
  label: LocalText;
}

export interface PrefillSource {
  instrument: string;
  question: string;
}

interface QuestionBase {
  id: string;
  label: LocalText;
  help?: LocalText;
  required?: boolean;
  values?: string[];
  when?: Condition;
  prefill_from?: PrefillSource;
}

export interface TextQuestion extends QuestionBase {
  type: "text" | "long_text";
  max_length?: number;
}

export interface SingleChoiceQuestion extends QuestionBase {
  type: "single_choice";
  options: ChoiceOption[];
}

export interface MultipleChoiceQuestion extends QuestionBase {
  type: "multiple_choice";
  options: ChoiceOption[];
  max_choices?: number;
}

export interface ScaleQuestion extends QuestionBase {
  type: "scale";
  min: number;
  max: number;
  labels?: ScaleLabel[];
}

export interface YesNoExplainQuestion extends QuestionBase {
  type: "yes_no_explain";
  /** When the explanation becomes mandatory; absent means always optional. */
  explanation_required_when?: "yes" | "no" | "always";
  explanation_label?: LocalText;
}

export interface TableQuestion extends QuestionBase {
  type: "table";
  columns: TableColumn[];
  /** Fixed rows; absent means the user adds rows freely. */
  rows?: TableRowDef[];
  min_rows?: number;
  max_rows?: number;
}

export interface ValueTagsQuestion extends QuestionBase {
  type: "value_tags";
}

export type Question =
  | TextQuestion
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | ScaleQuestion
  | YesNoExplainQuestion
  | TableQuestion
  | ValueTagsQuestion;

export interface SectionGroup {
  id: string;
  title: LocalText;
  intro?: LocalText;
}

export interface Section {
  id: string;
  title: LocalText;
  intro?: LocalText;
  group?: string;
  values?: string[];
  when?: Condition;
  questions: Question[];
}

export interface Criterion {
  id: string;
  group?: string;
  label: LocalText;
  when: Condition;
  explanation: LocalText;
}

export interface WeightedTerm {
  question: string;
  weight: number;
}

export interface ScoreDef {
  id: string;
  label: LocalText;
  weighted_sum: WeightedTerm[];
  threshold?: number;
  explanation?: LocalText;
}

export interface DecisionResult {
  value: string;
  label: LocalText;
}

export interface DecisionRule {
  id: string;
  result: string;
  when: Condition;
  explanation: LocalText;
}

export interface DecisionDef {
  id: string;
  label: LocalText;
  /** Ordered by precedence: when rules with different results fire, the first listed wins. */
  results: DecisionResult[];
  default: string;
  default_explanation: LocalText;
  rules: DecisionRule[];
}

export interface SignalDef {
  id: string;
  label: LocalText;
  when: Condition;
  explanation: LocalText;
}

export interface Outcomes {
  criteria?: Criterion[];
  scores?: ScoreDef[];
  decisions?: DecisionDef[];
  signals?: SignalDef[];
}

export interface SourceRef {
  title: string;
  author: string;
  year?: string;
  url?: string;
  licence?: string;
  note?: LocalText;
}

export interface Licence {
  /** SPDX identifier where one exists. */
  id: string;
  url?: string;
  note?: LocalText;
}

export const INSTRUMENT_KINDS = ["canvas", "screening", "assessment", "deliberation", "checklist", "evaluation", "classification"] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

// Legal rules (classification instruments) ------------------------------------

/** What a fired rule means in law; the classification in domain/ai-act gives each its consequence. */
export const LAW_RULE_EFFECTS = [
  "no_algorithm",
  "ai_system",
  "not_ai_system",
  "gpai_system",
  "gpai_model",
  "systemic_risk",
  "open_source",
  "role_provider",
  "role_deployer",
  "role_importer",
  "role_distributor",
  "no_role",
  "becomes_provider",
  "public_body",
  "in_use",
  "impactful",
  "scope_excluded",
  "prohibited",
  "prohibition_exception",
  "high_risk_annex_i",
  "high_risk_annex_iii",
  "profiling",
  "art_6_3_condition",
  "art_6_3_no_significant_risk",
  "transparency",
] as const;
export type LawRuleEffect = (typeof LAW_RULE_EFFECTS)[number];

/** Duties that follow from an outcome; the file gives each its article and the date it applies from. */
export const LAW_DUTIES = [
  "ai_literacy",
  "provider_duties",
  "deployer_duties",
  "fria",
  "eu_registration_provider",
  "eu_registration_deployer",
  "national_registration",
  "not_high_risk_documentation",
  "explanation_on_request",
  "inform_workers",
  "inform_affected_persons",
  "gpai_model_duties",
  "systemic_risk_duties",
  "legacy_compliance",
] as const;
export type LawDuty = (typeof LAW_DUTIES)[number];

export type ProvisionStatus = "confirmed" | "reported" | "unclear";

export interface Provision {
  id: string;
  article: string;
  label: LocalText;
  /** ISO date (yyyy-mm-dd) from which the provision applies. */
  applies_from: string;
  /** The date before an amendment moved it. */
  previously_from?: string;
  /** confirmed in the Official Journal text, reported (consolidation, not the OJ text), or unclear. */
  status: ProvisionStatus;
  note?: LocalText;
}

export interface LawRule {
  id: string;
  effect: LawRuleEffect;
  when: Condition;
  provision?: string;
  article?: string;
  /** Annex III point, e.g. `5(a)`, or `2` for the one-point area. */
  annex_point?: string;
  /** For transparency duties: who carries the duty. */
  role?: "provider" | "deployer";
  label?: LocalText;
}

export interface LawDutyDef {
  id: LawDuty;
  provision: string;
  article: string;
  label: LocalText;
}

export interface Contradiction {
  id: string;
  when: Condition;
  /** The questions whose answers clash, so a form can point at them. */
  questions: string[];
  message: LocalText;
}

export interface LawBlock {
  title: LocalText;
  version: string;
  provisions: Provision[];
  rules: LawRule[];
  duties: LawDutyDef[];
  contradictions?: Contradiction[];
}

export interface Instrument {
  id: string;
  version: string;
  kind: InstrumentKind;
  title: LocalText;
  intro?: LocalText;
  licence: Licence;
  attribution: LocalText;
  sources: SourceRef[];
  groups?: SectionGroup[];
  sections: Section[];
  outcomes?: Outcomes;
  /** Legal rules with their dates; only classification instruments have them. */
  law?: LawBlock;
}

// Answers -------------------------------------------------------------------

export interface YesNoAnswer {
  choice: "yes" | "no";
  explanation?: string;
}

export type TableCell = string | number | boolean | null;
/** One table row; fixed-row tables carry the row id under the reserved key `row`. */
export type TableRow = Record<string, TableCell>;

export type AnswerValue = string | number | string[] | YesNoAnswer | TableRow[] | null;

/** A response's answers keyed by question id; stored as JSON, so typed loosely at the edge. */
export type Answers = Readonly<Record<string, unknown>>;
