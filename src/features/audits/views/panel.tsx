import type { ActorWithProfile } from "../../../platform/auth/actor.ts";
import type { Deps } from "../../../platform/deps.ts";
import { Cell, Link, Paragraph, Row, Table } from "../../../ui/components.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { ProjectRef } from "../../projects/extension-points.ts";
import { projectAudits } from "../list-audits.ts";
import { AuditStatusBadge, SeverityBadge } from "./parts.tsx";

/** The project page's section on its audits and the findings still open. */
export async function AuditsPanel({ deps, ctx, actor, project }: { deps: Deps; ctx: PageContext; actor: ActorWithProfile; project: ProjectRef }) {
  const { t } = ctx;
  const { audits, openFindings } = await projectAudits(deps, actor, project.id);
  return (
    <section class="afw-card" aria-labelledby="panel-audits">
      <h2 class="utrecht-heading-2" id="panel-audits">{t("audits.panel.title")}</h2>
      {audits.length === 0 ? (
        <Paragraph>{t("audits.panel.none")}</Paragraph>
      ) : (
        <Table caption={t("audits.panel.audits_caption")} headers={[t("audits.col.audit"), t("audits.col.type"), t("audits.col.status"), t("audits.col.findings")]}>
          {audits.map((a) => (
            <Row>
              <Cell><Link href={`/audits/${a.id}`}>{a.title}</Link></Cell>
              <Cell>{t(`audits.type.${a.type}`)}</Cell>
              <Cell><AuditStatusBadge ctx={ctx} status={a.status} /></Cell>
              <Cell>{a.findings}</Cell>
            </Row>
          ))}
        </Table>
      )}
      {audits.length ? (
        <>
          <h3 class="utrecht-heading-3">{t("audits.panel.open_findings")}</h3>
          {openFindings.length === 0 ? (
            <Paragraph>{t("audits.panel.open_none")}</Paragraph>
          ) : (
            <ul class="utrecht-unordered-list">
              {openFindings.map((f) => (
                <li class="utrecht-unordered-list__item">
                  <Link href={`/audits/${f.auditId}#finding-${f.number}`}>{t("audits.panel.finding_line", { audit: f.auditTitle, number: f.number, title: f.title })}</Link>{" "}
                  <SeverityBadge ctx={ctx} severity={f.severity} />{" "}
                  {f.response === null ? t("audits.response.none") : t(`audits.response.${f.response}`)}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
