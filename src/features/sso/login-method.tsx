// This feature's contribution to the login page and to logging in and out (account's loginMethods).
import type { LoginMethod } from "../account/login-methods.ts";
import { loginChoices } from "./login-choices.ts";
import { checkPasswordLogin } from "./break-glass.ts";
import { providerSignOutUrl } from "./sign-out.ts";
import { SsoLoginSection } from "./views/login-section.tsx";

export const ssoLoginMethod: LoginMethod = {
  async section(deps, ctx, where) {
    const choices = await loginChoices(deps, where);
    if (!choices) return null;
    return { content: <SsoLoginSection ctx={ctx} choices={choices} next={where.next} email={where.email} />, passwordsAllowed: choices.passwordsAllowed };
  },
  checkPasswordLogin,
  endSession: providerSignOutUrl,
};
