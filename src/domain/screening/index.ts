export * from "./evaluate.ts";
export * from "./neutral-answers.ts";
