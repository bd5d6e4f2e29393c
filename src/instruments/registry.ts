// Read access to versioned definitions (instruments, the Algoritmekader).
// Records pin an exact version, so `get` never falls back to another one.
import type { Instrument } from "./types.ts";
import { compareVersions } from "./semver.ts";

export class VersionedRegistry<T extends { id: string; version: string }> {
  private readonly byId = new Map<string, T[]>();

  constructor(items: Iterable<T>) {
    for (const item of items) {
      const versions = this.byId.get(item.id) ?? [];
      if (versions.some((v) => v.version === item.version)) {
        throw new Error(`${item.id} ${item.version} registered twice`);
      }
      versions.push(item);
      versions.sort((a, b) => compareVersions(a.version, b.version));
      this.byId.set(item.id, versions);
    }
  }

  get(id: string, version: string): T | undefined {
    return this.byId.get(id)?.find((i) => i.version === version);
  }

  latest(id: string): T | undefined {
    const versions = this.byId.get(id);
    return versions?.[versions.length - 1];
  }

  versions(id: string): readonly string[] {
    return (this.byId.get(id) ?? []).map((i) => i.version);
  }

  /** Every loaded version, ordered by id and then version. */
  list(): T[] {
    return [...this.byId.keys()].sort().flatMap((id) => this.byId.get(id) ?? []);
  }
}

export class InstrumentRegistry extends VersionedRegistry<Instrument> {}
