// The Algoritmekader's data, loaded and checked against its schema once at
// start-up (onStart): a broken file stops the server with file, line and reason.
import { FRAMEWORK_DIR, loadFrameworks, type FrameworkRegistry } from "../../law/algoritmekader/index.ts";

let loaded: FrameworkRegistry | null = null;

/** Loads (and checks) the framework files; throws FrameworkLoadError on a broken one. */
export function loadFrameworksAtStart(dir: string = FRAMEWORK_DIR): FrameworkRegistry {
  loaded = loadFrameworks(dir);
  return loaded;
}

/** The loaded frameworks; loads them on first use outside the server (tests, CLI). */
export function frameworks(): FrameworkRegistry {
  return loaded ?? loadFrameworksAtStart();
}
