import { Link, Paragraph } from "../../../ui/components.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { ClassificationRecord } from "../records.ts";
import { aiActPath, OutcomeBadge } from "./classification-page.tsx";

export function AiActPanel({ ctx, projectId, current }: { ctx: PageContext; projectId: string; current: ClassificationRecord | null }) {
  const { t } = ctx;
  const outcome = current?.result.eventual?.outcome;
  return (
    <section aria-labelledby="panel-ai-act">
      <h2 class="utrecht-heading-2" id="panel-ai-act">{t("ai_act.panel.title")}</h2>
      {outcome ? <Paragraph>{t("ai_act.panel.outcome")} <OutcomeBadge ctx={ctx} outcome={outcome} /></Paragraph> : <Paragraph>{t("ai_act.panel.none")}</Paragraph>}
      {outcome === "high_risk" ? <Paragraph>{t("ai_act.gate_notice")}</Paragraph> : null}
      <Paragraph><Link href={aiActPath(projectId)}>{t("ai_act.panel.open")}</Link></Paragraph>
    </section>
  );
}
