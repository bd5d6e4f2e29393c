// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // An error summary takes focus, so screen reader users hear what to fix first.
  const summary = document.querySelector("[data-focus-on-load]");
  if (summary instanceof HTMLElement) summary.focus();
});
