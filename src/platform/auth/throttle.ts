import type { Deps } from "../deps.ts";

/** Failed logins allowed within the window, per account and per address. */
export const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

type Kind = "account" | "address";

export async function isThrottled(deps: Deps, keys: { account: string; address: string }): Promise<boolean> {
  const since = new Date(deps.now().getTime() - THROTTLE.windowMinutes * 60_000).toISOString();
  const count = async (kind: Kind, key: string) => {
    const row = await deps.db
      .selectFrom("login_failures")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("kind", "=", kind)
      .where("key", "=", key)
      .where("at", ">", since)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  return (await count("account", keys.account)) >= THROTTLE.perAccount || (await count("address", keys.address)) >= THROTTLE.perAddress;
}

export async function recordFailure(deps: Deps, keys: { account: string; address: string }): Promise<void> {
  const at = deps.now().toISOString();
  await deps.db
    .insertInto("login_failures")
    .values([
      { id: deps.newId(), kind: "account", key: keys.account, at },
      { id: deps.newId(), kind: "address", key: keys.address, at },
    ])
    .execute();
}

export async function clearAccountFailures(deps: Deps, account: string): Promise<void> {
  await deps.db.deleteFrom("login_failures").where("kind", "=", "account").where("key", "=", account).execute();
}
