/**
 * Runs {@link Consultations.escalateDue} periodically. The deadlines live in the store, so a restart
 * loses nothing: the first run after it escalates whatever fell due meanwhile.
 */
import type { Consultations } from './consultations.js';

/** Options of {@link startEscalationTimer}, each with its default. */
export interface EscalationTimerOptions {
  /** Time between two runs, in ms. Default: 60,000. */
  readonly intervalMs?: number;
  /** Told of each escalated request (ids only). Default: nothing. */
  readonly onEscalated?: (requestIds: readonly string[]) => void;
  /** Told of a failed run; the next run tries again. Default: nothing. */
  readonly onError?: (err: Error) => void;
}

/** Starts the periodic escalation (first run at once); `stop()` waits for a run in progress. */
export function startEscalationTimer(consultations: Pick<Consultations, 'escalateDue'>, now: () => Date, options: EscalationTimerOptions = {}): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const run = () => {
    // A slow run is not overlapped by the next one (it would be safe, only wasted work).
    if (busy) return;
    busy = true;
    running = consultations
      .escalateDue(now())
      .then((ids) => {
        if (ids.length > 0) options.onEscalated?.(ids);
      })
      .catch((err: Error) => options.onError?.(err))
      .finally(() => {
        busy = false;
      });
  };
  run();
  const timer = setInterval(() => {
    if (!stopped) run();
  }, options.intervalMs ?? 60_000);
  // The timer alone never keeps the process alive.
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
