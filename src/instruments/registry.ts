// Read access to the loaded instruments. Responses pin an exact version, so
// `get` never falls back to another one.
import type { Instrument } from "./types.ts";
import { compareVersions } from "./semver.ts";

export class InstrumentRegistry {
  private readonly byId = new Map<string, Instrument[]>();

  constructor(instruments: Iterable<Instrument>) {
    for (const instrument of instruments) {
      const versions = this.byId.get(instrument.id) ?? [];
      if (versions.some((v) => v.version === instrument.version)) {
        throw new Error(`instrument ${instrument.id} ${instrument.version} registered twice`);
      }
      versions.push(instrument);
      versions.sort((a, b) => compareVersions(a.version, b.version));
      this.byId.set(instrument.id, versions);
    }
  }

  get(id: string, version: string): Instrument | undefined {
    return this.byId.get(id)?.find((i) => i.version === version);
  }

  latest(id: string): Instrument | undefined {
    const versions = this.byId.get(id);
    return versions?.[versions.length - 1];
  }

  versions(id: string): readonly string[] {
    return (this.byId.get(id) ?? []).map((i) => i.version);
  }

  /** Every loaded version, ordered by id and then version. */
  list(): Instrument[] {
    return [...this.byId.keys()].sort().flatMap((id) => this.byId.get(id) ?? []);
  }
}
