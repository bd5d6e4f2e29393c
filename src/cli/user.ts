import { parseArgs } from "node:util";
import type { Config } from "../config.ts";
import type { Io } from "./main.ts";

const app = () => import("../main.ts");

const USAGE = "Gebruik: afweging user add --organisation SLUG --email E --name N [--role ROL …] [--password-stdin] [--break-glass] [--instance-admin]";

export const PASSWORD_ON_COMMAND_LINE =
  "--password wordt niet gebruikt: een wachtwoord op de opdrachtregel is zichtbaar voor andere gebruikers van de computer (in de proceslijst en de shell-geschiedenis). " +
  "Laat --password weg; dan wordt het wachtwoord gevraagd zonder dat het op het scherm komt. Of geef het via standaardinvoer met --password-stdin.";

/** `user add`: the password comes from a hidden prompt or from standard input, never from the command line. */
export async function userCommand(argv: string[], io: Io, config: Config): Promise<number> {
  if (argv[0] !== "add") {
    io.stderr(USAGE);
    return 2;
  }
  const { values } = parseArgs({
    args: argv.slice(1),
    options: {
      organisation: { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      "password-stdin": { type: "boolean" },
      role: { type: "string", multiple: true },
      "break-glass": { type: "boolean" },
      "instance-admin": { type: "boolean" },
    },
    strict: true,
  });
  if (values.password !== undefined) {
    io.stderr(PASSWORD_ON_COMMAND_LINE);
    return 2;
  }
  const password = await readPassword(io, values["password-stdin"] ?? false);
  if (password === null) return 2;
  const deps = await (await app()).openDeps(config);
  const input = { organisation: values.organisation ?? "", email: values.email ?? "", name: values.name ?? "", password, roles: values.role ?? [], instanceAdmin: values["instance-admin"] ?? false };
  try {
    if (values["break-glass"]) {
      const { createBreakGlassAccount } = await import("../features/sso/break-glass.ts");
      const id = await createBreakGlassAccount(deps, input);
      io.stdout(`Noodaccount toegevoegd: ${values.email} (${id}). Elk gebruik staat in het logboek.`);
      return 0;
    }
    const { bootstrapUser } = await import("../features/admin/bootstrap.ts");
    const id = await bootstrapUser(deps, input);
    io.stdout(`Gebruiker toegevoegd: ${values.email} (${id})${values["instance-admin"] ? ". Deze gebruiker is ook beheerder van het platform." : ""}`);
    return 0;
  } finally {
    await deps.close();
  }
}

async function readPassword(io: Io, fromStdin: boolean): Promise<string | null> {
  if (fromStdin) {
    if (!io.readStdin) {
      io.stderr("Standaardinvoer is hier niet beschikbaar.");
      return null;
    }
    // One line: what `echo "$PASSWORD" |` or a password manager pipes in, without its line end.
    return (await io.readStdin()).replace(/\r?\n$/, "");
  }
  if (!io.promptSecret) {
    io.stderr("Er is geen terminal om het wachtwoord te vragen. Geef het via standaardinvoer met --password-stdin.");
    return null;
  }
  const first = await io.promptSecret("Wachtwoord: ");
  const second = await io.promptSecret("Nog een keer: ");
  if (first !== second) {
    io.stderr("De twee wachtwoorden zijn niet gelijk. Er is niets veranderd.");
    return null;
  }
  return first;
}
