import { PostForm } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";

/** A small form of one subtle button beside a list item (remove it, make it a measure); `label` says what it does to which item. */
export function InlineAction({ ctx, action, text, label }: { ctx: PageContext; action: string; text: string; label: string }) {
  return (
    <PostForm action={action} csrfToken={ctx.csrfToken} class="afw-inline-form">
      <button type="submit" class="utrecht-button utrecht-button--subtle" aria-label={label}>{text}</button>
    </PostForm>
  );
}
