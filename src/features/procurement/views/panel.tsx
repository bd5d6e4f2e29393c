import type { PageContext } from "../../../ui/page-context.ts";
import { ButtonLink, Link, Paragraph } from "../../../ui/components.tsx";
import type { ContractSummary } from "../model.ts";
import { contractPath, projectContractsPath, StateBadge } from "./common.tsx";

/** The project page's section on the supplier's contracts: their state, and the way to them. */
export function ContractsPanel({ ctx, projectId, items, mayRegister }: { ctx: PageContext; projectId: string; items: ContractSummary[]; mayRegister: boolean }) {
  const { t } = ctx;
  const active = items.filter((c) => c.status === "active");
  return (
    <section class="afw-card" aria-labelledby="panel-contracts">
      <h2 class="utrecht-heading-2" id="panel-contracts">{t("procurement.panel.title")}</h2>
      {active.length === 0 ? (
        <Paragraph>{t("procurement.panel.none")}</Paragraph>
      ) : (
        <ul class="utrecht-unordered-list">
          {active.map((c) => (
            <li class="utrecht-unordered-list__item">
              <Link href={contractPath(c.id)}>{c.supplier}</Link> <StateBadge ctx={ctx} state={c.state} /> <span class="afw-meta">{t("procurement.points_open", { open: c.openPoints, total: c.totalPoints })}</span>
            </li>
          ))}
        </ul>
      )}
      <div class="afw-actions">
        {items.length > 0 ? <Link href={projectContractsPath(projectId)}>{t("procurement.panel.open")}</Link> : null}
        {mayRegister ? <ButtonLink href={`${projectContractsPath(projectId)}/new`}>{t("procurement.register")}</ButtonLink> : null}
      </div>
    </section>
  );
}
