// Checks the JSON Schema cannot express: ids that must be unique, references
// that must resolve, value tags the organisation knows, and a file that sits
// at the path its id and version claim. The reasons are for whoever writes
// instrument files (start-up stops with file, line and reason), so English.
import type { Condition, Instrument, LawBlock, LawRule, Question, QuestionCondition, TableQuestion } from "./types.ts";
import type { DataPath } from "./source-map.ts";
import type { FileIssue } from "./schema-check.ts";

export interface CrossCheckOptions {
  expectedId?: string;
  expectedVersion?: string;
  /** Known value keys; when absent, value tags are not checked. */
  valueKeys?: ReadonlySet<string>;
}

type ConditionContext = "visibility" | "criterion" | "outcome";
type Add = (path: DataPath, reason: string) => void;

/** What the checks of one file share: where issues go, and the ids conditions may refer to. */
interface Checker {
  add: Add;
  options: CrossCheckOptions;
  /** Questions in document order, so a visibility condition can only look back. */
  questions: Map<string, { question: Question; order: number }>;
  criterionIds: Set<string>;
  criterionGroups: Set<string>;
  scoreThresholds: Map<string, number | undefined>;
}

export function crossCheck(instrument: Instrument, options: CrossCheckOptions = {}): FileIssue[] {
  const issues: FileIssue[] = [];
  const add: Add = (path, reason) => issues.push({ path, reason });
  checkLocation(instrument, options, add);
  const groupIds = uniqueIds(instrument.groups ?? [], (i) => ["groups", i, "id"], "group", add);
  const checker: Checker = { add, options, questions: indexQuestions(instrument, add), criterionIds: new Set(), criterionGroups: new Set(), scoreThresholds: new Map() };
  const questionCount = checkSections(checker, instrument, groupIds);
  checkOutcomes(checker, instrument, questionCount);
  checkLawPresence(checker, instrument, questionCount);
  return issues;
}

function checkLocation(instrument: Instrument, options: CrossCheckOptions, add: Add): void {
  if (options.expectedId !== undefined && instrument.id !== options.expectedId) {
    add(["id"], `is '${instrument.id}' but the file sits in folder '${options.expectedId}'`);
  }
  if (options.expectedVersion !== undefined && instrument.version !== options.expectedVersion) {
    add(["version"], `is '${instrument.version}' but the file is named '${options.expectedVersion}.yaml'`);
  }
}

/** Adds the key to the set; true when it was there already. */
function repeats<T>(seen: Set<T>, key: T): boolean {
  if (seen.has(key)) return true;
  seen.add(key);
  return false;
}

/** The ids of a list, each repeat reported. */
function uniqueIds(items: readonly { id: string }[], path: (i: number) => DataPath, what: string, add: Add): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (repeats(ids, item.id)) add(path(i), `duplicate ${what} id '${item.id}'`);
  });
  return ids;
}

function indexQuestions(instrument: Instrument, add: Add): Checker["questions"] {
  const questions: Checker["questions"] = new Map();
  let order = 0;
  instrument.sections.forEach((section, s) =>
    section.questions.forEach((question, q) => {
      if (questions.has(question.id)) add(["sections", s, "questions", q, "id"], `duplicate question id '${question.id}'`);
      else questions.set(question.id, { question, order });
      order++;
    }),
  );
  return questions;
}

function checkValues(checker: Checker, values: string[] | undefined, path: DataPath): void {
  const known = checker.options.valueKeys;
  if (!values || !known) return;
  values.forEach((v, i) => {
    if (!known.has(v)) checker.add([...path, i], `value tag '${v}' is not a known value`);
  });
}

/** Sections and their questions; returns how many questions there are (the order after the last one). */
function checkSections(checker: Checker, instrument: Instrument, groupIds: Set<string>): number {
  const { add } = checker;
  const sectionIds = new Set<string>();
  let order = 0;
  instrument.sections.forEach((section, s) => {
    const sPath = ["sections", s];
    if (repeats(sectionIds, section.id)) add([...sPath, "id"], `duplicate section id '${section.id}'`);
    if (section.group !== undefined && !groupIds.has(section.group)) add([...sPath, "group"], `group '${section.group}' is not declared under groups`);
    checkValues(checker, section.values, [...sPath, "values"]);
    if (section.when) checkCondition(checker, section.when, [...sPath, "when"], "visibility", order);
    section.questions.forEach((question, q) => {
      const qPath = [...sPath, "questions", q];
      if (question.when) checkCondition(checker, question.when, [...qPath, "when"], "visibility", order);
      order++;
      checkValues(checker, question.values, [...qPath, "values"]);
      checkQuestion(add, question, qPath);
    });
  });
  return order;
}

function checkQuestion(add: Add, question: Question, path: DataPath): void {
  if (question.type === "single_choice" || question.type === "multiple_choice") {
    checkOptions(add, question.options, [...path, "options"]);
    if (question.type === "multiple_choice" && question.max_choices !== undefined && question.max_choices > question.options.length) {
      add([...path, "max_choices"], `is larger than the number of options (${question.options.length})`);
    }
  }
  if (question.type === "scale") {
    if (question.min >= question.max) add([...path, "max"], `must be greater than min (${question.min})`);
    const seen = new Set<number>();
    (question.labels ?? []).forEach((l, i) => {
      if (l.value < question.min || l.value > question.max) add([...path, "labels", i, "value"], `${l.value} is outside the scale ${question.min}..${question.max}`);
      if (repeats(seen, l.value)) add([...path, "labels", i, "value"], `duplicate label for ${l.value}`);
    });
  }
  if (question.type === "table") checkTableQuestion(add, question, path);
}

function checkTableQuestion(add: Add, question: TableQuestion, path: DataPath): void {
  const columnIds = new Set<string>();
  question.columns.forEach((c, i) => {
    const cPath = [...path, "columns", i];
    if (c.id === "row") add([...cPath, "id"], "'row' is reserved for the row id of fixed-row tables");
    if (repeats(columnIds, c.id)) add([...cPath, "id"], `duplicate column id '${c.id}'`);
    if (c.type === "single_choice" && !c.options) add(cPath, "a single_choice column must have options");
    if (c.type !== "single_choice" && c.options) add([...cPath, "options"], "only single_choice columns have options");
    if (c.options) checkOptions(add, c.options, [...cPath, "options"]);
  });
  uniqueIds(question.rows ?? [], (i) => [...path, "rows", i, "id"], "row", add);
  if (question.rows && (question.min_rows !== undefined || question.max_rows !== undefined)) {
    add([...path, "rows"], "a table with fixed rows cannot also set min_rows or max_rows");
  }
  if (question.min_rows !== undefined && question.max_rows !== undefined && question.min_rows > question.max_rows) {
    add([...path, "min_rows"], "must not be larger than max_rows");
  }
}

function checkOptions(add: Add, options: ReadonlyArray<{ value: string }>, path: DataPath): void {
  const seen = new Set<string>();
  options.forEach((o, i) => {
    if (repeats(seen, o.value)) add([...path, i, "value"], `duplicate option value '${o.value}'`);
  });
}

// Outcomes ---------------------------------------------------------------

function checkOutcomes(checker: Checker, instrument: Instrument, order: number): void {
  const { add } = checker;
  const outcomes = instrument.outcomes ?? {};
  (outcomes.criteria ?? []).forEach((c, i) => {
    if (repeats(checker.criterionIds, c.id)) add(["outcomes", "criteria", i, "id"], `duplicate criterion id '${c.id}'`);
    if (c.group) checker.criterionGroups.add(c.group);
  });
  (outcomes.scores ?? []).forEach((score, i) => {
    const path = ["outcomes", "scores", i];
    if (checker.scoreThresholds.has(score.id)) add([...path, "id"], `duplicate score id '${score.id}'`);
    checker.scoreThresholds.set(score.id, score.threshold);
    score.weighted_sum.forEach((term, t) => {
      const found = checker.questions.get(term.question);
      if (!found) add([...path, "weighted_sum", t, "question"], `question '${term.question}' does not exist`);
      else if (found.question.type !== "scale") add([...path, "weighted_sum", t, "question"], `question '${term.question}' must be a scale question to be weighted`);
    });
  });
  (outcomes.criteria ?? []).forEach((c, i) => checkCondition(checker, c.when, ["outcomes", "criteria", i, "when"], "criterion", order));
  const decisionIds = new Set<string>();
  (outcomes.decisions ?? []).forEach((d, i) => {
    const path = ["outcomes", "decisions", i];
    if (repeats(decisionIds, d.id)) add([...path, "id"], `duplicate decision id '${d.id}'`);
    const results = new Set<string>();
    d.results.forEach((r, j) => {
      if (repeats(results, r.value)) add([...path, "results", j, "value"], `duplicate result '${r.value}'`);
    });
    if (!results.has(d.default)) add([...path, "default"], `'${d.default}' is not one of the results`);
    const ruleIds = new Set<string>();
    d.rules.forEach((rule, j) => {
      const rPath = [...path, "rules", j];
      if (repeats(ruleIds, rule.id)) add([...rPath, "id"], `duplicate rule id '${rule.id}'`);
      if (!results.has(rule.result)) add([...rPath, "result"], `'${rule.result}' is not one of the results`);
      checkCondition(checker, rule.when, [...rPath, "when"], "outcome", order);
    });
  });
  const signalIds = new Set<string>();
  (outcomes.signals ?? []).forEach((signal, i) => {
    const path = ["outcomes", "signals", i];
    if (repeats(signalIds, signal.id)) add([...path, "id"], `duplicate signal id '${signal.id}'`);
    checkCondition(checker, signal.when, [...path, "when"], "outcome", order);
  });
}

/** Only a classification instrument has a law block, and it must have one. */
function checkLawPresence(checker: Checker, instrument: Instrument, order: number): void {
  if (instrument.law && instrument.kind !== "classification") checker.add(["law"], "only a classification instrument may have a law block");
  if (instrument.law) checkLaw(checker, instrument.law, order);
  else if (instrument.kind === "classification") checker.add(["kind"], "a classification instrument must have a law block");
}

/** What a rule of each effect must name. */
const LAW_RULE_NEEDS: Partial<Record<LawRule["effect"], ReadonlyArray<"provision" | "article" | "annex_point" | "role">>> = {
  prohibited: ["provision", "article"],
  prohibition_exception: ["provision", "article"],
  high_risk_annex_i: ["provision", "article"],
  high_risk_annex_iii: ["provision", "annex_point"],
  art_6_3_condition: ["provision", "article"],
  transparency: ["provision", "article", "role"],
  scope_excluded: ["article"],
};

function checkLaw(checker: Checker, law: LawBlock, order: number): void {
  const { add } = checker;
  const provisionIds = uniqueIds(law.provisions, (i) => ["law", "provisions", i, "id"], "provision", add);
  uniqueIds(law.rules, (i) => ["law", "rules", i, "id"], "rule", add);
  uniqueIds(law.duties, (i) => ["law", "duties", i, "id"], "duty", add);
  uniqueIds(law.contradictions ?? [], (i) => ["law", "contradictions", i, "id"], "contradiction", add);
  law.rules.forEach((rule, i) => {
    const path: DataPath = ["law", "rules", i];
    for (const field of LAW_RULE_NEEDS[rule.effect] ?? []) {
      if (rule[field] === undefined) add(path, `a rule with effect '${rule.effect}' must have '${field}'`);
    }
    if (rule.provision !== undefined && !provisionIds.has(rule.provision)) add([...path, "provision"], `provision '${rule.provision}' is not declared under law.provisions`);
    checkCondition(checker, rule.when, [...path, "when"], "criterion", order);
  });
  law.duties.forEach((duty, i) => {
    if (!provisionIds.has(duty.provision)) add(["law", "duties", i, "provision"], `provision '${duty.provision}' is not declared under law.provisions`);
  });
  (law.contradictions ?? []).forEach((c, i) => {
    const path: DataPath = ["law", "contradictions", i];
    checkCondition(checker, c.when, [...path, "when"], "criterion", order);
    c.questions.forEach((q, j) => {
      if (!checker.questions.has(q)) add([...path, "questions", j], `question '${q}' does not exist`);
    });
  });
}

function checkCondition(checker: Checker, condition: Condition, path: DataPath, context: ConditionContext, before: number): void {
  if ("all" in condition) return condition.all.forEach((c, i) => checkCondition(checker, c, [...path, "all", i], context, before));
  if ("any" in condition) return condition.any.forEach((c, i) => checkCondition(checker, c, [...path, "any", i], context, before));
  if ("not" in condition) return checkCondition(checker, condition.not, [...path, "not"], context, before);
  if ("question" in condition) return checkQuestionCondition(checker, condition, path, context, before);
  const { add } = checker;
  if (context !== "outcome") return add(path, "only question conditions (with all/any/not) may be used here");
  if ("criterion" in condition) {
    if (!checker.criterionIds.has(condition.criterion)) add([...path, "criterion"], `criterion '${condition.criterion}' does not exist`);
  } else if ("count" in condition) {
    if (!checker.criterionGroups.has(condition.count)) add([...path, "count"], `no criterion has group '${condition.count}'`);
  } else if ("score" in condition) {
    if (!checker.scoreThresholds.has(condition.score)) add([...path, "score"], `score '${condition.score}' does not exist`);
    else if (condition.above_threshold !== undefined && checker.scoreThresholds.get(condition.score) === undefined) {
      add([...path, "above_threshold"], `score '${condition.score}' has no threshold`);
    }
  }
}

function checkQuestionCondition(checker: Checker, c: QuestionCondition, path: DataPath, context: ConditionContext, before: number): void {
  const { add } = checker;
  const found = checker.questions.get(c.question);
  if (!found) return add([...path, "question"], `question '${c.question}' does not exist`);
  if (context === "visibility" && found.order >= before) add([...path, "question"], `question '${c.question}' must come before the part it controls`);
  const q = found.question;
  const allowed = allowedScalars(q);
  for (const v of [c.equals, c.not_equals, ...(c.in ?? [])].filter((x) => x !== undefined)) {
    if (allowed && !allowed.has(String(v))) add(path, `'${String(v)}' is not a possible answer of '${q.id}' (${[...allowed].join(", ")})`);
  }
  if (c.includes !== undefined) checkIncludes(checker, q, c.includes, path);
  const numeric = [c.gt, c.gte, c.lt, c.lte].some((v) => v !== undefined);
  if (numeric && q.type !== "scale") add(path, `number comparisons need a scale question, '${q.id}' is ${q.type}`);
  if ((c.equals !== undefined || c.not_equals !== undefined || c.in) && (q.type === "multiple_choice" || q.type === "value_tags" || q.type === "table")) {
    add(path, `'${q.id}' is ${q.type}: use 'includes' or 'answered'`);
  }
}

function checkIncludes(checker: Checker, q: Question, includes: string, path: DataPath): void {
  if (q.type === "multiple_choice") {
    if (!q.options.some((o) => o.value === includes)) checker.add([...path, "includes"], `'${includes}' is not an option of '${q.id}'`);
  } else if (q.type === "value_tags") {
    if (checker.options.valueKeys && !checker.options.valueKeys.has(includes)) checker.add([...path, "includes"], `value tag '${includes}' is not a known value`);
  } else {
    checker.add([...path, "includes"], `'includes' needs a multiple_choice or value_tags question, '${q.id}' is ${q.type}`);
  }
}

function allowedScalars(q: Question): Set<string> | null {
  switch (q.type) {
    case "single_choice":
      return new Set(q.options.map((o) => o.value));
    case "yes_no_explain":
      return new Set(["yes", "no"]);
    case "scale": {
      const values = new Set<string>();
      for (let v = q.min; v <= q.max; v++) values.add(String(v));
      return values;
    }
    default:
      return null;
  }
}
