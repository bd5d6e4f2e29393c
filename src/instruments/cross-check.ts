// Checks the JSON Schema cannot express: ids that must be unique, references
// that must resolve, value tags the organisation knows, and a file that sits
// at the path its id and version claim.
import type { Condition, Instrument, LawBlock, LawRule, Question, QuestionCondition } from "./types.ts";
import type { DataPath } from "./source-map.ts";
import type { FileIssue } from "./schema-check.ts";

export interface CrossCheckOptions {
  expectedId?: string;
  expectedVersion?: string;
  /** Known value keys; when absent, value tags are not checked. */
  valueKeys?: ReadonlySet<string>;
}

type ConditionContext = "visibility" | "criterion" | "outcome";

export function crossCheck(instrument: Instrument, options: CrossCheckOptions = {}): FileIssue[] {
  const issues: FileIssue[] = [];
  const add = (path: DataPath, reason: string) => issues.push({ path, reason });

  if (options.expectedId !== undefined && instrument.id !== options.expectedId) {
    add(["id"], `is '${instrument.id}' but the file sits in folder '${options.expectedId}'`);
  }
  if (options.expectedVersion !== undefined && instrument.version !== options.expectedVersion) {
    add(["version"], `is '${instrument.version}' but the file is named '${options.expectedVersion}.yaml'`);
  }

  const checkValues = (values: string[] | undefined, path: DataPath) => {
    if (!values || !options.valueKeys) return;
    values.forEach((v, i) => {
      if (!options.valueKeys?.has(v)) add([...path, i], `value tag '${v}' is not a known value`);
    });
  };

  const groupIds = new Set<string>();
  (instrument.groups ?? []).forEach((g, i) => {
    if (groupIds.has(g.id)) add(["groups", i, "id"], `duplicate group id '${g.id}'`);
    groupIds.add(g.id);
  });

  // Questions in document order, so a condition can only look back.
  const questions = new Map<string, { question: Question; order: number }>();
  let order = 0;
  instrument.sections.forEach((section, s) =>
    section.questions.forEach((question, q) => {
      if (questions.has(question.id)) add(["sections", s, "questions", q, "id"], `duplicate question id '${question.id}'`);
      else questions.set(question.id, { question, order });
      order++;
    }),
  );

  const sectionIds = new Set<string>();
  order = 0;
  instrument.sections.forEach((section, s) => {
    const sPath = ["sections", s];
    if (sectionIds.has(section.id)) add([...sPath, "id"], `duplicate section id '${section.id}'`);
    sectionIds.add(section.id);
    if (section.group !== undefined && !groupIds.has(section.group)) {
      add([...sPath, "group"], `group '${section.group}' is not declared under groups`);
    }
    checkValues(section.values, [...sPath, "values"]);
    if (section.when) checkCondition(section.when, [...sPath, "when"], "visibility", order);

    section.questions.forEach((question, q) => {
      const qPath = [...sPath, "questions", q];
      if (question.when) checkCondition(question.when, [...qPath, "when"], "visibility", order);
      order++;
      checkValues(question.values, [...qPath, "values"]);
      checkQuestion(question, qPath);
    });
  });

  function checkQuestion(question: Question, path: DataPath) {
    if (question.type === "single_choice" || question.type === "multiple_choice") {
      checkOptions(question.options, [...path, "options"]);
      if (question.type === "multiple_choice" && question.max_choices !== undefined && question.max_choices > question.options.length) {
        add([...path, "max_choices"], `is larger than the number of options (${question.options.length})`);
      }
    }
    if (question.type === "scale") {
      if (question.min >= question.max) add([...path, "max"], `must be greater than min (${question.min})`);
      const seen = new Set<number>();
      (question.labels ?? []).forEach((l, i) => {
        if (l.value < question.min || l.value > question.max) {
          add([...path, "labels", i, "value"], `${l.value} is outside the scale ${question.min}..${question.max}`);
        }
        if (seen.has(l.value)) add([...path, "labels", i, "value"], `duplicate label for ${l.value}`);
        seen.add(l.value);
      });
    }
    if (question.type === "table") {
      const columnIds = new Set<string>();
      question.columns.forEach((c, i) => {
        const cPath = [...path, "columns", i];
        if (c.id === "row") add([...cPath, "id"], "'row' is reserved for the row id of fixed-row tables");
        if (columnIds.has(c.id)) add([...cPath, "id"], `duplicate column id '${c.id}'`);
        columnIds.add(c.id);
        if (c.type === "single_choice" && !c.options) add(cPath, "a single_choice column must have options");
        if (c.type !== "single_choice" && c.options) add([...cPath, "options"], "only single_choice columns have options");
        if (c.options) checkOptions(c.options, [...cPath, "options"]);
      });
      const rowIds = new Set<string>();
      (question.rows ?? []).forEach((r, i) => {
        if (rowIds.has(r.id)) add([...path, "rows", i, "id"], `duplicate row id '${r.id}'`);
        rowIds.add(r.id);
      });
      if (question.rows && (question.min_rows !== undefined || question.max_rows !== undefined)) {
        add([...path, "rows"], "a table with fixed rows cannot also set min_rows or max_rows");
      }
      if (question.min_rows !== undefined && question.max_rows !== undefined && question.min_rows > question.max_rows) {
        add([...path, "min_rows"], "must not be larger than max_rows");
      }
    }
  }

  function checkOptions(options: ReadonlyArray<{ value: string }>, path: DataPath) {
    const seen = new Set<string>();
    options.forEach((o, i) => {
      if (seen.has(o.value)) add([...path, i, "value"], `duplicate option value '${o.value}'`);
      seen.add(o.value);
    });
  }

  // Outcomes ---------------------------------------------------------------
  const outcomes = instrument.outcomes ?? {};
  const criterionIds = new Set<string>();
  const criterionGroups = new Set<string>();
  const scoreThresholds = new Map<string, number | undefined>();
  (outcomes.criteria ?? []).forEach((c, i) => {
    if (criterionIds.has(c.id)) add(["outcomes", "criteria", i, "id"], `duplicate criterion id '${c.id}'`);
    criterionIds.add(c.id);
    if (c.group) criterionGroups.add(c.group);
  });
  (outcomes.scores ?? []).forEach((score, i) => {
    const path = ["outcomes", "scores", i];
    if (scoreThresholds.has(score.id)) add([...path, "id"], `duplicate score id '${score.id}'`);
    scoreThresholds.set(score.id, score.threshold);
    score.weighted_sum.forEach((term, t) => {
      const found = questions.get(term.question);
      if (!found) add([...path, "weighted_sum", t, "question"], `question '${term.question}' does not exist`);
      else if (found.question.type !== "scale") {
        add([...path, "weighted_sum", t, "question"], `question '${term.question}' must be a scale question to be weighted`);
      }
    });
  });
  (outcomes.criteria ?? []).forEach((c, i) => checkCondition(c.when, ["outcomes", "criteria", i, "when"], "criterion", order));
  const decisionIds = new Set<string>();
  (outcomes.decisions ?? []).forEach((d, i) => {
    const path = ["outcomes", "decisions", i];
    if (decisionIds.has(d.id)) add([...path, "id"], `duplicate decision id '${d.id}'`);
    decisionIds.add(d.id);
    const results = new Set<string>();
    d.results.forEach((r, j) => {
      if (results.has(r.value)) add([...path, "results", j, "value"], `duplicate result '${r.value}'`);
      results.add(r.value);
    });
    if (!results.has(d.default)) add([...path, "default"], `'${d.default}' is not one of the results`);
    const ruleIds = new Set<string>();
    d.rules.forEach((rule, j) => {
      const rPath = [...path, "rules", j];
      if (ruleIds.has(rule.id)) add([...rPath, "id"], `duplicate rule id '${rule.id}'`);
      ruleIds.add(rule.id);
      if (!results.has(rule.result)) add([...rPath, "result"], `'${rule.result}' is not one of the results`);
      checkCondition(rule.when, [...rPath, "when"], "outcome", order);
    });
  });
  const signalIds = new Set<string>();
  (outcomes.signals ?? []).forEach((signal, i) => {
    const path = ["outcomes", "signals", i];
    if (signalIds.has(signal.id)) add([...path, "id"], `duplicate signal id '${signal.id}'`);
    signalIds.add(signal.id);
    checkCondition(signal.when, [...path, "when"], "outcome", order);
  });

  if (instrument.law) checkLaw(instrument.law);
  else if (instrument.kind === "classification") add(["kind"], "a classification instrument must have a law block");
  if (instrument.law && instrument.kind !== "classification") add(["law"], "only a classification instrument may have a law block");

  function checkLaw(law: LawBlock) {
    const provisionIds = uniqueIds(law.provisions, ["law", "provisions"], "provision");
    uniqueIds(law.rules, ["law", "rules"], "rule");
    uniqueIds(law.duties, ["law", "duties"], "duty");
    uniqueIds(law.contradictions ?? [], ["law", "contradictions"], "contradiction");
    const needs: Partial<Record<LawRule["effect"], ReadonlyArray<"provision" | "article" | "annex_point" | "role">>> = {
      prohibited: ["provision", "article"],
      prohibition_exception: ["provision", "article"],
      high_risk_annex_i: ["provision", "article"],
      high_risk_annex_iii: ["provision", "annex_point"],
      art_6_3_condition: ["provision", "article"],
      transparency: ["provision", "article", "role"],
      scope_excluded: ["article"],
    };
    law.rules.forEach((rule, i) => {
      const path = ["law", "rules", i];
      for (const field of needs[rule.effect] ?? []) {
        if (rule[field] === undefined) add(path, `a rule with effect '${rule.effect}' must have '${field}'`);
      }
      if (rule.provision !== undefined && !provisionIds.has(rule.provision)) {
        add([...path, "provision"], `provision '${rule.provision}' is not declared under law.provisions`);
      }
      checkCondition(rule.when, [...path, "when"], "criterion", order);
    });
    law.duties.forEach((duty, i) => {
      if (!provisionIds.has(duty.provision)) add(["law", "duties", i, "provision"], `provision '${duty.provision}' is not declared under law.provisions`);
    });
    (law.contradictions ?? []).forEach((c, i) => {
      const path = ["law", "contradictions", i];
      checkCondition(c.when, [...path, "when"], "criterion", order);
      c.questions.forEach((q, j) => {
        if (!questions.has(q)) add([...path, "questions", j], `question '${q}' does not exist`);
      });
    });
  }

  function uniqueIds(items: ReadonlyArray<{ id: string }>, path: DataPath, what: string): Set<string> {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) add([...path, i, "id"], `duplicate ${what} id '${item.id}'`);
      seen.add(item.id);
    });
    return seen;
  }

  function checkCondition(condition: Condition, path: DataPath, context: ConditionContext, before: number): void {
    if ("all" in condition) return condition.all.forEach((c, i) => checkCondition(c, [...path, "all", i], context, before));
    if ("any" in condition) return condition.any.forEach((c, i) => checkCondition(c, [...path, "any", i], context, before));
    if ("not" in condition) return checkCondition(condition.not, [...path, "not"], context, before);
    if ("question" in condition) return checkQuestionCondition(condition, path, context, before);
    if (context !== "outcome") {
      add(path, "only question conditions (with all/any/not) may be used here");
      return;
    }
    if ("criterion" in condition) {
      if (!criterionIds.has(condition.criterion)) add([...path, "criterion"], `criterion '${condition.criterion}' does not exist`);
    } else if ("count" in condition) {
      if (!criterionGroups.has(condition.count)) add([...path, "count"], `no criterion has group '${condition.count}'`);
    } else if ("score" in condition) {
      if (!scoreThresholds.has(condition.score)) add([...path, "score"], `score '${condition.score}' does not exist`);
      else if (condition.above_threshold !== undefined && scoreThresholds.get(condition.score) === undefined) {
        add([...path, "above_threshold"], `score '${condition.score}' has no threshold`);
      }
    }
  }

  function checkQuestionCondition(c: QuestionCondition, path: DataPath, context: ConditionContext, before: number) {
    const found = questions.get(c.question);
    if (!found) {
      add([...path, "question"], `question '${c.question}' does not exist`);
      return;
    }
    if (context === "visibility" && found.order >= before) {
      add([...path, "question"], `question '${c.question}' must come before the part it controls`);
    }
    const q = found.question;
    const compared = [c.equals, c.not_equals, ...(c.in ?? [])].filter((v) => v !== undefined);
    const allowed = allowedScalars(q);
    for (const v of compared) {
      if (allowed && !allowed.has(String(v))) {
        add(path, `'${String(v)}' is not a possible answer of '${q.id}' (${[...allowed].join(", ")})`);
      }
    }
    if (c.includes !== undefined) {
      if (q.type === "multiple_choice") {
        if (!q.options.some((o) => o.value === c.includes)) add([...path, "includes"], `'${c.includes}' is not an option of '${q.id}'`);
      } else if (q.type === "value_tags") {
        if (options.valueKeys && !options.valueKeys.has(c.includes)) add([...path, "includes"], `value tag '${c.includes}' is not a known value`);
      } else {
        add([...path, "includes"], `'includes' needs a multiple_choice or value_tags question, '${q.id}' is ${q.type}`);
      }
    }
    const numeric = [c.gt, c.gte, c.lt, c.lte].some((v) => v !== undefined);
    if (numeric && q.type !== "scale") add(path, `number comparisons need a scale question, '${q.id}' is ${q.type}`);
    if ((c.equals !== undefined || c.not_equals !== undefined || c.in) && (q.type === "multiple_choice" || q.type === "value_tags" || q.type === "table")) {
      add(path, `'${q.id}' is ${q.type}: use 'includes' or 'answered'`);
    }
  }

  return issues;
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
