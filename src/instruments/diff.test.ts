import { describe, expect, it } from "vitest";
import { changedSections, diffAnswers } from "./diff.ts";
import { instrument, section, t, WORDS } from "./test-fixtures.ts";

const form = instrument([
  section("s1", [
    { id: "kind", type: "single_choice", label: { nl: "Soort", en: "Kind" }, options: [{ value: "a", label: { nl: "Appel", en: "Apple" } }, { value: "b", label: { nl: "Peer", en: "Pear" } }] },
    { id: "level", type: "scale", label: t("level"), min: 1, max: 3, labels: [{ value: 3, label: { nl: "hoog", en: "high" } }] },
    { id: "agree", type: "yes_no_explain", label: t("agree") },
  ]),
  section("s2", [
    { id: "note", type: "long_text", label: t("note") },
    { id: "tags", type: "value_tags", label: t("tags") },
    { id: "grid", type: "table", label: t("grid"), columns: [{ id: "what", type: "text", label: { nl: "Wat", en: "What" } }, { id: "ok", type: "yes_no", label: { nl: "Goed", en: "OK" } }] },
  ]),
]);

describe("diffAnswers", () => {
  it("lists changes per question with labels resolved, in instrument order", () => {
    const before = { kind: "a", level: 1, note: "old", grid: [{ what: "x", ok: true }] };
    const after = { kind: "b", level: 3, agree: { choice: "yes", explanation: "want" }, grid: [{ ok: true, what: "x" }] };
    expect(diffAnswers(form, before, after, { words: WORDS })).toEqual([
      { questionId: "kind", sectionId: "s1", label: { nl: "Soort", en: "Kind" }, kind: "changed", before: { nl: "Appel", en: "Apple" }, after: { nl: "Peer", en: "Pear" } },
      { questionId: "level", sectionId: "s1", label: t("level"), kind: "changed", before: { nl: "1", en: "1" }, after: { nl: "3 – hoog", en: "3 – high" } },
      { questionId: "agree", sectionId: "s1", label: t("agree"), kind: "added", before: null, after: { nl: "Ja – want", en: "Yes – want" } },
      { questionId: "note", sectionId: "s2", label: t("note"), kind: "removed", before: { nl: "old", en: "old" }, after: null },
    ]);
  });

  it("renders tables and value tags readably", () => {
    const changes = diffAnswers(form, {}, { grid: [{ what: "x", ok: false }], tags: ["privacy"] }, { valueLabels: { privacy: { nl: "Privacy", en: "Privacy" } }, words: WORDS });
    expect(changes.map((c) => c.after?.nl)).toEqual(["Privacy", "Wat: x; Goed: Nee"]);
  });

  it("treats empty values as absent and reports unknown questions last", () => {
    expect(diffAnswers(form, { note: "" }, { note: null }, { words: WORDS })).toEqual([]);
    expect(diffAnswers(form, { gone: "x" }, {}, { words: WORDS })).toEqual([
      { questionId: "gone", sectionId: null, label: { nl: "gone", en: "gone" }, kind: "removed", before: { nl: "x", en: "x" }, after: null },
    ]);
  });

  it("names the sections that changed", () => {
    expect(changedSections(form, { kind: "a", note: "x" }, { kind: "a", note: "y" })).toEqual(["s2"]);
    expect(changedSections(form, { kind: "a" }, { kind: "a" })).toEqual([]);
  });
});
