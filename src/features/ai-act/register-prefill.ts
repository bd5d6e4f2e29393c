// The register entry's publication category from the AI Act classification
// (issue 17): high-risk AI → "Hoog-risico AI-systeem", impactful → "Impactvolle
// algoritmes", otherwise "Overige algoritmes" (domain/ai-act/register.ts). The
// newest classification counts unless its review rejected it; the outcome once
// every pending rule applies, since the entry describes the system from now on.
import type { RegisterPrefillSource } from "../register/prefill.ts";
import { classificationsOf } from "./records.ts";

export const aiActRegisterPrefill: RegisterPrefillSource = {
  labelKey: "register.source.ai_act",
  order: 70,
  async propose(deps, project) {
    const current = (await classificationsOf(deps, project.organisationId, project.id)).find((c) => c.review?.decision !== "rejected");
    const category = current?.result.eventual?.publicationCategory ?? current?.result.current?.publicationCategory;
    return category ? { publication_category: category } : {};
  },
};
