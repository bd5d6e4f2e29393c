import { Link } from "../../../ui/components.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { ValuesProfile } from "../profile.ts";
import { ValuesProfileView } from "./values-pages.tsx";

/** The values profile on the project page. */
export function ValuesPanel({ ctx, profile }: { ctx: PageContext; profile: ValuesProfile }) {
  const { t } = ctx;
  return (
    <section class="afw-card" aria-labelledby="panel-values">
      <h2 class="utrecht-heading-2" id="panel-values">{t("values.profile.title")}</h2>
      <ValuesProfileView ctx={ctx} profile={profile} headingLevel={3} />
      <p class="utrecht-paragraph">
        <Link href={`/projects/${encodeURIComponent(profile.project.id)}/values`}>{t("values.profile.open")}</Link>
      </p>
    </section>
  );
}
