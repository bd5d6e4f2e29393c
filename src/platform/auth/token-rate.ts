/**
 * A limit on the requests one API token makes per minute, so one integration
 * that runs wild cannot take the instance down for the others. Counted in
 * memory per process (a fixed window per token); a restart forgets the counts.
 */
export const TOKEN_REQUESTS_PER_MINUTE = 300;
const WINDOW_MS = 60_000;

export class TokenRateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(public perMinute = TOKEN_REQUESTS_PER_MINUTE) {}

  /** Counts one request; false when the token has used up this minute. */
  take(tokenId: string, now: number): boolean {
    const window = this.#windows.get(tokenId);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.#windows.size > 10_000) this.#prune(now);
      this.#windows.set(tokenId, { start: now, count: 1 });
      return true;
    }
    window.count++;
    return window.count <= this.perMinute;
  }

  #prune(now: number): void {
    for (const [id, w] of this.#windows) if (now - w.start >= WINDOW_MS) this.#windows.delete(id);
  }
}

/** The one limiter of the process, shared by every app instance in it. */
export const tokenRateLimiter = new TokenRateLimiter();
