/**
 * Work the server repeats on a timer (checkpoints of the audit chain, clean-up).
 * The timer is unref'd, so it never keeps the process alive; a run never
 * overlaps the previous one; a failure is logged and the next run tries again.
 * Work that should run once for all processes is a scheduled job (platform/scheduler).
 */
export interface Periodic {
  /** Runs the work now (waiting for a run in progress first). */
  runNow(): Promise<void>;
  /** Stops the timer; resolves when a run in progress has finished (so the database can be closed after it). */
  stop(): Promise<void>;
}

export function every(name: string, intervalMs: number, work: () => Promise<void>): Periodic {
  let running: Promise<void> | null = null;
  const runOnce = async () => {
    try {
      await work();
    } catch (e) {
      console.error(`[${name}] mislukt:`, e);
    }
  };
  const runNow = async () => {
    while (running) await running;
    running = runOnce().finally(() => {
      running = null;
    });
    await running;
  };
  const timer = setInterval(() => {
    if (!running) void runNow();
  }, intervalMs);
  timer.unref();
  const stop = async () => {
    clearInterval(timer);
    while (running) await running;
  };
  return { runNow, stop };
}
