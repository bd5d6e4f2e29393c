import { expect, it } from "vitest";
import { every } from "./periodic.ts";

it("stop() waits for a run in progress, so what it uses (the database) can be closed after it", async () => {
  let release!: () => void;
  const events: string[] = [];
  const periodic = every("test", 60_000, async () => {
    events.push("started");
    await new Promise<void>((r) => (release = r));
    events.push("finished");
  });
  const run = periodic.runNow();
  await expect.poll(() => events).toEqual(["started"]);
  const stopped = periodic.stop().then(() => events.push("stopped"));
  await Promise.resolve();
  expect(events).toEqual(["started"]);
  release();
  await Promise.all([run, stopped]);
  expect(events).toEqual(["started", "finished", "stopped"]);
  // Stopped with nothing running: resolves at once.
  await periodic.stop();
});
