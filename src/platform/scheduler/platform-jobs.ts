// The platform's own recurring jobs: the mail sender and the clean-up of expired data
// (hourly; before the scheduler it ran on a timer in every process, now once per hour in all).
import type { Deps } from "../deps.ts";
import { mailSenderJob } from "../mail/outbox.ts";
import { cleanupExpired } from "../retention.ts";
import type { ScheduledJob } from "./index.ts";

export const retentionJob: ScheduledJob = {
  kind: "retention.cleanup",
  labelKey: "job.retention_cleanup",
  everyMinutes: 60,
  async run(deps: Deps) {
    await cleanupExpired(deps);
  },
};

export const platformJobs: readonly ScheduledJob[] = [mailSenderJob, retentionJob];

/** Every job this process knows: the platform's and the features'. */
export function allJobs(deps: Deps): ScheduledJob[] {
  return [...platformJobs, ...deps.extensions.get("scheduledJobs")];
}
