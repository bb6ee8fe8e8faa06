/**
 * Follows broadcasts as the outbox settles their deliveries, and asks the broadcaster to report.
 * Reports are debounced per session so 5,000 settled deliveries do not mean 5,000 tallies. The
 * debounce lives in this process's memory, so every `everyMs` the outbox's poll also asks for the
 * reports still due (stored open-broadcast markers): a process that dies in the window loses no
 * final tally, another instance (or the restarted one) sends it.
 */
import type { Delivery } from '../delivery/delivery-types.js';
import type { Outbox } from '../delivery/outbox.js';
import type { Broadcaster } from './broadcast.js';
import { trainingsPartition } from './session-types.js';

/** Options of {@link watchBroadcasts}. */
export interface WatchOptions {
  /** Delay between a settled delivery and the progress check, in ms; 0 checks at once. Default: 5,000. */
  readonly everyMs?: number;
  /** Reports faults of a check (a check is retried on the next settled delivery). */
  readonly onError?: (err: Error) => void;
}

const announcement = /^announce:([a-z0-9-]+)$/;

/** Registers the outbox listener that reports broadcast progress; returns a function that cancels pending checks. */
export function watchBroadcasts(outbox: Pick<Outbox, 'onSettled' | 'onPolled'>, broadcaster: Pick<Broadcaster, 'report' | 'reportOpen'>, options: WatchOptions = {}): () => void {
  const everyMs = options.everyMs ?? 5_000;
  let lastSweep = Date.now();
  outbox.onPolled(async () => {
    if (Date.now() - lastSweep < everyMs) return;
    lastSweep = Date.now();
    try {
      await broadcaster.reportOpen();
    } catch (err) {
      options.onError?.(err as Error);
    }
  });
  const scheduled = new Map<string, NodeJS.Timeout>();
  const check = async (sessionId: string) => {
    try {
      await broadcaster.report(sessionId);
    } catch (err) {
      options.onError?.(err as Error);
    }
  };
  outbox.onSettled(async (delivery: Delivery, partition: string) => {
    const sessionId = partition === trainingsPartition ? announcement.exec(delivery.jobId)?.[1] : undefined;
    if (!sessionId) return;
    if (everyMs === 0) return check(sessionId);
    if (scheduled.has(sessionId)) return;
    const timer = setTimeout(() => {
      scheduled.delete(sessionId);
      void check(sessionId);
    }, everyMs);
    timer.unref();
    scheduled.set(sessionId, timer);
  });
  return () => {
    for (const timer of scheduled.values()) clearTimeout(timer);
    scheduled.clear();
  };
}
