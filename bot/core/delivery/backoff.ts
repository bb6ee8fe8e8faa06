/** Retry timing of the outbox: exponential backoff with full jitter, capped. */

/** Options of {@link backoffDelay}. */
export interface BackoffOptions {
  /** First delay, in ms. Default: 1,000. */
  readonly baseMs?: number;
  /** Largest delay, in ms. Default: 5 minutes. */
  readonly maxMs?: number;
}

/** Delay before attempt `attempt` (1 = first retry); `random` in [0,1) lets tests fix the jitter. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const base = options.baseMs ?? 1_000;
  const max = options.maxMs ?? 300_000;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  // Full jitter: spread retries so many failed sends do not come back at the same instant.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
