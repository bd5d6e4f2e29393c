import { hasProjectRole } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { ButtonLink, Paragraph } from "../../ui/components.tsx";
import type { PageContext } from "../../ui/page-context.ts";
import type { ActorWithProfile } from "../../platform/auth/actor.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { openDeliberationCount } from "./service.ts";

export async function DeliberationPanel({ deps, ctx, actor, project }: { deps: Deps; ctx: PageContext; actor: ActorWithProfile; project: ProjectRef }) {
  const { t } = ctx;
  const open = await openDeliberationCount(deps, actor.organisationId, project.id);
  const mayOpen = actor.organisationRoles.has("ethics_advisor") || hasProjectRole(actor, project.id, ["lead"]);
  return (
    <section class="afw-card" aria-labelledby="panel-deliberation">
      <h2 class="utrecht-heading-2" id="panel-deliberation">{t("deliberation.panel.title")}</h2>
      <Paragraph>{open ? t("deliberation.panel.open", { count: open }) : t("deliberation.panel.none")}</Paragraph>
      {mayOpen ? <div class="afw-actions"><ButtonLink href={`/deliberations/new?project=${encodeURIComponent(project.id)}`}>{t("deliberation.panel.new")}</ButtonLink></div> : null}
    </section>
  );
}
