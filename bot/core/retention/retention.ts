/**
 * Retention: nothing is kept longer than needed. A purge is a list of named steps (closed
 * requests, feedback, turn state, conversation references), each deleting what is older than its
 * period; `startPurge` runs them on a schedule (first run at once), like the escalation timer.
 */
import type { RecordStore } from '../storage/record-store.js';

/** One purge step: deletes what is older than `before`, returns how many items went. */
export type PurgeStep = (before: Date) => Promise<number>;

/** The steps of a purge with the period, in days, each keeps. */
export type PurgePlan = ReadonlyArray<{ readonly name: string; readonly days: number; readonly step: PurgeStep }>;

const dayMs = 86_400_000;

/** Runs every step once at `now`; returns the count per step. */
export async function purgeOnce(plan: PurgePlan, now: Date): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { name, days, step } of plan) counts[name] = await step(new Date(now.getTime() - days * dayMs));
  return counts;
}

/** The partition of « Utile / Pas utile » feedback. */
export const feedbackPartition = 'feedback';

/** Deletes feedback recorded before `before` (and any without a date). */
export async function purgeFeedback(store: RecordStore, before: Date): Promise<number> {
  const old = (await store.list<{ at?: string }>(feedbackPartition)).filter((r) => !r.value.at || Date.parse(r.value.at) < before.getTime());
  for (let i = 0; i < old.length; i += 100) await store.commit(feedbackPartition, old.slice(i, i + 100).map((r) => ({ kind: 'delete' as const, key: r.key })));
  return old.length;
}

/** Options of {@link startPurge}. */
export interface PurgeTimerOptions {
  /** Time between two runs, in ms. Default: 24 h. */
  readonly intervalMs?: number;
  /** Told of each run's counts. Default: nothing. */
  readonly onPurged?: (counts: Record<string, number>) => void;
  /** Told of a failed run; the next run tries again. Default: nothing. */
  readonly onError?: (err: Error) => void;
}

/** Starts the scheduled purge (first run at once); `stop()` waits for a run in progress. */
export function startPurge(plan: PurgePlan, now: () => Date, options: PurgeTimerOptions = {}): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const run = () => {
    if (busy) return;
    busy = true;
    running = purgeOnce(plan, now())
      .then((counts) => options.onPurged?.(counts))
      .catch((err: Error) => options.onError?.(err))
      .finally(() => {
        busy = false;
      });
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? dayMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
