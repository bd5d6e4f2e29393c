import { ButtonLink, Paragraph } from "../../../ui/components.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { ProjectRef } from "../../projects/extension-points.ts";
import { canvasPath } from "../canvas.ts";
import type { ResponseProgressSummary } from "../model.ts";
import { SectionBadge } from "./page-model.tsx";

/** The canvas on the project page: its status, areas complete, and the way in. */
export function CanvasPanel({ ctx, project, progress }: { ctx: PageContext; project: ProjectRef; progress: ResponseProgressSummary }) {
  const { t } = ctx;
  return (
    <section class="afw-card" aria-labelledby="panel-canvas">
      <h2 class="utrecht-heading-2" id="panel-canvas">{t("instrument_responses.canvas.title")}</h2>
      <Paragraph>{t("instrument_responses.canvas.panel_intro")}</Paragraph>
      <Paragraph>
        <SectionBadge t={t} status={progress.status} /> {t("instrument_responses.progress", { complete: progress.sectionsComplete, total: progress.sectionsApplicable })}
      </Paragraph>
      <div class="afw-actions">
        <ButtonLink href={canvasPath(project.id)}>{t(progress.status === "not_started" ? "instrument_responses.canvas.start" : "instrument_responses.canvas.open")}</ButtonLink>
      </div>
    </section>
  );
}
