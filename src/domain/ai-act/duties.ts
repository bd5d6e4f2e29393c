// The duties an outcome brings (Art. 4, 16, 26, 27, 49, 53, 55, 86, 111). Which
// duty holds is law and lives here; the article and the date each applies from
// are data in the instrument's law block.
import type { LawBlock, LawDuty } from "../../instruments/types.ts";
import type { AiType, ClassificationView, DutyResult } from "./types.ts";
import { ClassificationDefinitionError, type RulesOnDate } from "./fired-rules.ts";
import { highRisk } from "./view.ts";

const NON_PUBLIC_AREAS = new Set(["1", "6", "7"]);

const area = (point: string) => point.slice(0, 1);

/** The duties that hold in one view; `rules` must be the same date's rules. */
export function dutiesIn(view: ClassificationView, rules: RulesOnDate, aiType: AiType): Set<LawDuty> {
  const duties = new Set<LawDuty>();
  if (view.outcome === "outside_scope") return duties;
  const provider = view.roles.includes("provider");
  const deployer = view.roles.includes("deployer");
  const publicBody = rules.any("public_body");
  const points = view.annexIiiPoints;
  const beyondPoint2 = points.some((p) => p !== "2");
  const isHighRisk = view.riskGroup === "high_risk";
  const add = (duty: LawDuty, when: boolean) => {
    if (when) duties.add(duty);
  };

  add("ai_literacy", provider || deployer);
  add("provider_duties", isHighRisk && provider);
  add("deployer_duties", isHighRisk && deployer);
  // Art. 27(1): public bodies (and private ones providing public services) for Art. 6(2) systems outside point 2; any deployer for 5(b) and 5(c).
  add("fria", deployer && beyondPoint2 && (publicBody || points.includes("5(b)") || points.includes("5(c)")));
  add("eu_registration_provider", provider && beyondPoint2);
  add("eu_registration_deployer", deployer && publicBody && beyondPoint2);
  add("national_registration", points.includes("2") && (provider || (deployer && publicBody)));
  add("not_high_risk_documentation", provider && highRisk(rules).exceptionApplies);
  add("explanation_on_request", deployer && beyondPoint2);
  add("inform_workers", deployer && points.some((p) => area(p) === "4"));
  add("inform_affected_persons", deployer && beyondPoint2);
  add("gpai_model_duties", aiType === "gpai_model" && provider);
  add("systemic_risk_duties", aiType === "gpai_model" && provider && rules.any("systemic_risk"));
  add("legacy_compliance", isHighRisk && publicBody && rules.any("in_use"));
  return duties;
}

/** The eventual duties, each with its article and date, in force when it already holds today and its provision applies. */
export function dutyResults(law: LawBlock, eventual: ReadonlySet<LawDuty>, current: ReadonlySet<LawDuty>, view: ClassificationView, onDate: string): DutyResult[] {
  const provisions = new Map(law.provisions.map((p) => [p.id, p]));
  return law.duties
    .filter((d) => eventual.has(d.id))
    .map((d) => {
      const provision = provisions.get(d.provision);
      if (!provision) throw new ClassificationDefinitionError(`duty ${d.id} names unknown provision ${d.provision}`);
      const result: DutyResult = {
        duty: d.id,
        article: d.article,
        appliesFrom: provision.applies_from,
        inForce: current.has(d.id) && provision.applies_from <= onDate,
        provisionStatus: provision.status,
      };
      if (d.id === "eu_registration_deployer") result.nonPublicSection = view.annexIiiPoints.some((p) => NON_PUBLIC_AREAS.has(area(p)));
      return result;
    });
}

/** Every duty the classification logic can derive must be declared in the file, or its date would be unknown. */
export function checkDutiesDeclared(law: LawBlock, duties: Iterable<LawDuty>): void {
  const declared = new Set(law.duties.map((d) => d.id));
  for (const duty of duties) {
    if (!declared.has(duty)) throw new ClassificationDefinitionError(`duty ${duty} holds but the instrument's law block does not declare it`);
  }
}
