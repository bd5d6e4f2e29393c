// The Algoritmekader as versioned data, loaded and validated at start-up.
export * from "./types.ts";
export { loadFrameworks, parseFrameworkFile, FrameworkRegistry, FrameworkLoadError, FRAMEWORK_DIR } from "./loader.ts";
export { frameworkSchema } from "./schema.ts";
