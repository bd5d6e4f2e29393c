export * from "./scale.ts";
export * from "./validate.ts";
