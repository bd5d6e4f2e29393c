import { parseArgs } from "node:util";
import type { Config } from "../config.ts";
import type { Io } from "./main.ts";

const app = () => import("../main.ts");

export const ORGANISATION_USAGE = [
  "Gebruik: afweging organisation add --name NAAM --slug KORTE-NAAM [--tooi gm0363] [--contact E-MAIL] [--theme KLASSE]",
  "         afweging organisation list",
  "         afweging organisation disable KORTE-NAAM --reason REDEN",
  "         afweging organisation enable KORTE-NAAM",
].join("\n");

/** `organisation add|list|disable|enable`: what the instance administrator does on the pages, from the command line. */
export async function organisationCommand(argv: string[], io: Io, config: Config): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || !["add", "list", "disable", "enable"].includes(sub)) {
    io.stderr(ORGANISATION_USAGE);
    return 2;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: { name: { type: "string" }, slug: { type: "string" }, tooi: { type: "string" }, contact: { type: "string" }, theme: { type: "string" }, reason: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const deps = await (await app()).openDeps(config);
  const service = await import("../features/organisations/manage-organisations.ts");
  try {
    if (sub === "list") {
      const { listOrganisations } = await import("../features/organisations/queries.ts");
      const items = await listOrganisations(deps, null);
      if (items.length === 0) io.stdout("Er zijn nog geen organisaties. Maak er een met: afweging organisation add");
      for (const o of items) io.stdout(`${o.slug.padEnd(24)} ${(o.tooiCode ?? "-").padEnd(10)} ${o.disabled ? "uitgeschakeld" : "actief       "} ${String(o.users).padStart(4)} gebruikers  ${o.name}`);
      return 0;
    }
    if (sub === "add") {
      const input = { name: values.name ?? "", slug: values.slug ?? "", tooiCode: values.tooi, contactEmail: values.contact, themeClass: values.theme };
      const id = await service.createOrganisation(deps, null, input);
      io.stdout(`Organisatie toegevoegd: ${input.name} (${input.slug}, ${id}).\nVoeg de eerste beheerder toe met: afweging user add --organisation ${input.slug} --role admin --email … --name …`);
      return 0;
    }
    const target = positionals[0];
    if (!target) {
      io.stderr(ORGANISATION_USAGE);
      return 2;
    }
    const id = await service.organisationIdOf(deps, target);
    await service.setOrganisationDisabled(deps, null, id, sub === "disable", { reason: values.reason ?? "" });
    io.stdout(sub === "disable" ? `Organisatie ${target} is uitgeschakeld. Haar gebruikers kunnen niet meer inloggen.` : `Organisatie ${target} is weer ingeschakeld.`);
    return 0;
  } finally {
    await deps.close();
  }
}

/** `instance-admin add --email E`: makes an existing user an instance administrator. */
export async function instanceAdminCommand(argv: string[], io: Io, config: Config): Promise<number> {
  const { values } = parseArgs({ args: argv.slice(1), options: { email: { type: "string" } }, strict: true });
  if (argv[0] !== "add" || !values.email) {
    io.stderr("Gebruik: afweging instance-admin add --email E-MAIL (een bestaande gebruiker wordt beheerder van het platform)");
    return 2;
  }
  const deps = await (await app()).openDeps(config);
  try {
    const { grantInstanceAdmin } = await import("../features/organisations/instance-admin.ts");
    await grantInstanceAdmin(deps, values.email);
    io.stdout(`${values.email} is nu beheerder van het platform. Na inloggen staat "Organisaties" in het menu.`);
    return 0;
  } finally {
    await deps.close();
  }
}
