import { hasProjectRole } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { ButtonLink, formatDate, Link, Paragraph } from "../../ui/components.tsx";
import type { PageContext } from "../../ui/page-context.ts";
import type { ActorWithProfile } from "../../platform/auth/actor.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { expertAdviceState, latestRequestForProject } from "./service.ts";

/** The project page's section on the expert table's advice. */
export async function ExpertAdvicePanel({ deps, ctx, actor, project }: { deps: Deps; ctx: PageContext; actor: ActorWithProfile; project: ProjectRef }) {
  const { t, lang } = ctx;
  const state = await expertAdviceState(deps, actor.organisationId, project.id);
  const latest = await latestRequestForProject(deps, actor, project.id);
  const mayRequest = hasProjectRole(actor, project.id, ["owner", "lead"]) && state.status !== "requested";
  return (
    <section class="afw-card" aria-labelledby="panel-expert-table">
      <h2 class="utrecht-heading-2" id="panel-expert-table">{t("expert_table.panel.title")}</h2>
      <Paragraph>
        {state.status === "none"
          ? t("expert_table.panel.none")
          : state.status === "requested"
            ? t("expert_table.panel.requested", { date: formatDate(`${state.requestedOn}T12:00:00Z`, lang) })
            : t("expert_table.panel.given", { date: formatDate(`${state.givenOn}T12:00:00Z`, lang), answered: state.recommendationsAnswered, total: state.recommendationsTotal })}
      </Paragraph>
      <div class="afw-actions">
        {latest ? <Link href={`/expert-table/requests/${latest.id}`}>{t("expert_table.panel.open")}</Link> : null}
        {mayRequest ? <ButtonLink href={`/expert-table/requests/new?project=${encodeURIComponent(project.id)}`}>{t("expert_table.panel.request")}</ButtonLink> : null}
      </div>
    </section>
  );
}
