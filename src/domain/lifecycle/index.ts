export * from "./phases.ts";
export * from "./snapshot.ts";
export * from "./readiness.ts";
export * from "./decision.ts";
export * from "./material-change.ts";
